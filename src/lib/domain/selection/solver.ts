// The LP/MIP solver is passed in (HiGHS in production, the same in tests): the domain only writes
// models in CPLEX LP format and reads the answer. This is the part of HiGHS's result it reads.

export interface SolverResult {
	Status: string;
	ObjectiveValue: number;
	Columns: Record<string, { Primal?: number }>;
	Rows: { Name?: string; Primal?: number; Dual?: number }[];
}

/** A model kept in memory between solves (HiGHS's persistent API): rows are added, the basis kept. */
export interface PersistentModel {
	readModel(source: { format: 'lp'; data: string }): unknown;
	addRow(lower: number, upper: number, entries: { indices: number[]; values: number[] }): unknown;
	addCol(cost: number, lower: number, upper: number, entries: { indices: number[]; values: number[] }): unknown;
	changeRowBounds(row: number, lower: number, upper: number): unknown;
	changeColCost(index: number, cost: number): unknown;
	changeColBounds(index: number, lower: number, upper: number): unknown;
	run(): unknown;
	getSolution(): { colValue: ArrayLike<number>; rowDual: ArrayLike<number> };
	getObjectiveValue(): number;
	getModelStatus(): unknown;
	getColByName(name: string): number;
	getRowByName(name: string): number;
	options: { set(values: Record<string, string | number | boolean>): unknown };
	dispose(): void;
}

export interface LpSolver {
	solve(model: string, options?: Record<string, string | number | boolean>): SolverResult;
	createModel(): PersistentModel;
	constants: { modelStatus: { optimal: number } };
}

export const OPTIONS = { output_flag: false, mip_rel_gap: 1e-9, mip_abs_gap: 1e-12, primal_feasibility_tolerance: 1e-9, dual_feasibility_tolerance: 1e-9 };

export function solve(solver: LpSolver, model: string, options: Record<string, string | number | boolean> = {}): SolverResult {
	return solver.solve(model, { ...OPTIONS, ...options });
}

/** A linear expression as LP text: `+ 0.5 x0 - 2 x3`; an empty one is `0 v` for some variable v. */
export function expression(terms: readonly (readonly [number, string])[], anyVariable: string): string {
	const parts = terms.filter(([c]) => c !== 0).map(([c, v]) => `${c < 0 ? '-' : '+'} ${Math.abs(c)} ${v}`);
	return parts.length ? parts.join(' ') : `0 ${anyVariable}`;
}

export const primal = (result: SolverResult, column: string) => result.Columns[column]?.Primal ?? 0;
