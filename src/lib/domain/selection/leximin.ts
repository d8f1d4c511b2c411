// LEXIMIN selection (Flanigan, Gölz, Gupta, Hennig, Procaccia, Nature 596, 2021): among all
// distributions over quota-satisfying panels, the one that maximizes the smallest selection
// probability, then the next smallest, and so on.
//
// Solved over classes of interchangeable people (see problem.ts): a panel is a vector of seats per
// class, a person's probability is the expected seats of their class over its size. Each stage
// solves the dual of "maximize the least unfixed probability" by column generation — the dual LP
// over the panels found so far gives weights, and an integer program finds the panel of greatest
// weight; when no panel beats the LP's bound, the stage is optimal, and the classes with positive
// dual weight are fixed at that probability (by complementary slackness they are at it in every
// optimum). A final LP gives the distribution over panels.

import { buildClasses, type Classes, type SelectionProblem } from './problem';
import { expression, OPTIONS, primal, solve, type LpSolver, type PersistentModel } from './solver';

export interface ClassPanel {
	seats: number[]; // per class
	probability: number;
}

export interface LeximinResult {
	classes: Classes;
	panels: ClassPanel[]; // the distribution, probabilities summing to 1
	classProbabilities: number[];
	probabilities: number[]; // per person, in pool order
	minProbability: number;
	stages: number;
	panelSearches: number;
}

export interface Progress {
	stage: number;
	fixedClasses: number;
	classes: number;
	panelSearches: number;
	iterations: number;
}

export class InfeasibleQuotas extends Error {
	constructor() {
		super('No panel satisfies the quotas.');
	}
}

const EPS_IMPROVE = 1e-10; // a panel must beat the LP bound by this (relative) to be added
const EPS_DUAL = 1e-9; // dual weights above this mark a class as tight

/** The integer program: the panel with the greatest total weight (weights per class, per seat). */
export function panelModel(problem: SelectionProblem, c: Classes, weights: readonly number[]): string {
	const x = (i: number) => `x${i}`;
	const all = c.classes.map((k) => [1, x(k.index)] as const);
	const rows: string[] = [` size: ${expression(all, 'x0')} = ${problem.panelSize}`];
	problem.quotas.forEach((q, i) => {
		const terms = c.quotaClasses[i].map((k) => [1, x(k)] as const);
		if (q.min > 0) rows.push(` qmin${i}: ${expression(terms, 'x0')} >= ${q.min}`);
		if (q.max < problem.panelSize) rows.push(` qmax${i}: ${expression(terms, 'x0')} <= ${q.max}`);
	});
	for (const s of c.signatures) {
		if (s.classes.length > 1) rows.push(` group${s.index}: ${expression(s.classes.map((k) => [1, x(k)] as const), 'x0')} <= ${s.groups.length}`);
	}
	const bounds = c.classes.map((k) => ` 0 <= ${x(k.index)} <= ${c.signatures[k.signature].groups.length}`);
	return [
		'Maximize',
		` obj: ${expression(c.classes.map((k) => [weights[k.index], x(k.index)] as const), 'x0')}`,
		'Subject To',
		...rows,
		'Bounds',
		...bounds,
		'General',
		` ${c.classes.map((k) => x(k.index)).join(' ')}`,
		'End'
	].join('\n');
}

/** The panel of greatest weight, or null when no panel satisfies the quotas. */
export function bestPanel(solver: LpSolver, problem: SelectionProblem, c: Classes, weights: readonly number[]): number[] | null {
	const result = solve(solver, panelModel(problem, c, weights));
	if (result.Status === 'Infeasible' || result.Status === 'Primal infeasible or unbounded') return null;
	if (result.Status !== 'Optimal') throw new Error(`The panel search ended with status “${result.Status}”.`);
	return c.classes.map((k) => Math.round(primal(result, `x${k.index}`)));
}

const weightOf = (seats: readonly number[], weights: readonly number[]) => seats.reduce((s, n, i) => s + n * weights[i], 0);

/**
 * Local search over panels: move one seat from class a to class b while the size, every quota and
 * every group limit still hold, taking the best move until none gains. Fast, and enough to find
 * most improving panels without the integer program.
 */
class PanelImprover {
	private readonly quotasOf: number[][]; // per class, the quotas covering it
	constructor(
		private readonly problem: SelectionProblem,
		private readonly c: Classes
	) {
		this.quotasOf = c.classes.map(() => []);
		c.quotaClasses.forEach((ks, q) => ks.forEach((k) => this.quotasOf[k].push(q)));
	}

	improve(start: readonly number[], weights: readonly number[]): number[] {
		const { problem, c, quotasOf } = this;
		const seats = [...start];
		const quotaCount = problem.quotas.map((_, q) => c.quotaClasses[q].reduce((s, k) => s + seats[k], 0));
		const signatureCount = c.signatures.map((s) => s.classes.reduce((n, k) => n + seats[k], 0));
		// Candidates by weight, heaviest first: for each seat given up, the first class that may
		// take it is the best move for that seat.
		const byWeight = c.classes.map((k) => k.index).sort((a, b) => weights[b] - weights[a]);
		for (let round = 0; round < 10 * problem.panelSize; round++) {
			let best: [number, number, number] | null = null;
			for (let a = 0; a < seats.length; a++) {
				if (seats[a] === 0) continue;
				for (const bi of byWeight) {
					const gain = weights[bi] - weights[a];
					if (gain <= 1e-15 || (best && gain <= best[2])) break;
					const b = c.classes[bi];
					if (c.classes[a].signature !== b.signature && signatureCount[b.signature] >= c.signatures[b.signature].groups.length) continue;
					if (seats[bi] >= c.signatures[b.signature].groups.length) continue;
					if (!this.quotasAllow(quotaCount, quotasOf[a], quotasOf[bi])) continue;
					best = [a, bi, gain];
					break;
				}
			}
			if (!best) break;
			const [a, b] = best;
			seats[a]--;
			seats[b]++;
			for (const q of quotasOf[a]) quotaCount[q]--;
			for (const q of quotasOf[b]) quotaCount[q]++;
			signatureCount[c.classes[a].signature]--;
			signatureCount[c.classes[b].signature]++;
		}
		return seats;
	}

	private quotasAllow(count: readonly number[], leaving: readonly number[], entering: readonly number[]): boolean {
		for (const q of leaving) if (!entering.includes(q) && count[q] - 1 < this.problem.quotas[q].min) return false;
		for (const q of entering) if (!leaving.includes(q) && count[q] + 1 > this.problem.quotas[q].max) return false;
		return true;
	}
}

const share = (seats: readonly number[], c: Classes) => seats.map((n, i) => n / c.classes[i].size);

/**
 * The dual LP of a stage over the panels found so far, kept in memory across iterations and
 * stages: minimize ŷ − Σ fixed pᵢyᵢ subject to Σᵢ shareᵢ(P)·yᵢ ≤ ŷ for every panel P and
 * Σ unfixed yᵢ = 1, y ≥ 0. Adding a panel adds a row; fixing a class changes two coefficients.
 */
class StageDual {
	private readonly model: PersistentModel;
	private readonly y: number[];
	private readonly yh: number;
	private readonly optimal: number;
	constructor(
		solver: LpSolver,
		private readonly c: Classes,
		panels: readonly number[][]
	) {
		const names = c.classes.map((k) => `y${k.index}`);
		const rows = [` norm: ${expression(names.map((v) => [1, v] as const), 'yh')} = 1`];
		panels.forEach((seats, j) => rows.push(` p${j}: ${expression([...share(seats, c).map((a, i) => [a, names[i]] as const), [-1, 'yh']], 'yh')} <= 0`));
		const text = ['Minimize', ` obj: yh`, 'Subject To', ...rows, 'Bounds', ' yh free', 'End'].join('\n');
		this.model = solver.createModel();
		this.model.options.set(OPTIONS);
		this.model.readModel({ format: 'lp', data: text });
		this.y = names.map((v) => this.model.getColByName(v));
		this.yh = this.model.getColByName('yh');
		this.optimal = solver.constants.modelStatus.optimal;
	}

	addPanel(seats: readonly number[]) {
		const a = share(seats, this.c);
		const indices: number[] = [this.yh];
		const values: number[] = [-1];
		a.forEach((v, i) => {
			if (v !== 0) {
				indices.push(this.y[i]);
				values.push(v);
			}
		});
		this.model.addRow(-Infinity, 0, { indices, values });
	}

	fix(classIndex: number, probability: number) {
		this.model.changeColCost(this.y[classIndex], -probability);
		this.model.changeCoefficient(0, this.y[classIndex], 0);
	}

	solve() {
		this.model.run();
		const status = this.model.getModelStatus();
		if (status !== this.optimal) throw new Error(`The stage LP ended with status ${String(status)}.`);
		const x = this.model.getSolution().colValue;
		return { weights: this.y.map((j) => Math.max(0, x[j])), bound: x[this.yh], value: this.model.getObjectiveValue() };
	}

	dispose() {
		this.model.dispose();
	}
}

/** The distribution over the panels found that gives every class at least its fixed probability. */
function finalDistribution(solver: LpSolver, c: Classes, panels: readonly number[][], fixed: ReadonlyMap<number, number>): number[] {
	const l = (j: number) => `l${j}`;
	const rows = c.classes.map((k) => {
		const terms = panels.map((seats, j) => [seats[k.index] / k.size, l(j)] as const);
		return ` c${k.index}: ${expression([...terms, [1, `s${k.index}`]], 'l0')} >= ${fixed.get(k.index) ?? 0}`;
	});
	rows.push(` sum: ${expression(panels.map((_, j) => [1, l(j)] as const), 'l0')} = 1`);
	const model = ['Minimize', ` obj: ${expression(c.classes.map((k) => [1, `s${k.index}`] as const), 'l0')}`, 'Subject To', ...rows, 'End'].join('\n');
	const result = solve(solver, model);
	if (result.Status !== 'Optimal') throw new Error(`The distribution LP ended with status “${result.Status}”.`);
	const lambda = panels.map((_, j) => Math.max(0, primal(result, l(j))));
	const cleaned = lambda.map((v) => (v < 1e-12 ? 0 : v));
	const total = cleaned.reduce((a, b) => a + b, 0);
	return cleaned.map((v) => v / total);
}

export function leximin(solver: LpSolver, problem: SelectionProblem, onProgress?: (p: Progress) => void): LeximinResult {
	const c = buildClasses(problem);
	const n = c.classes.length;
	const panels: number[][] = [];
	const seen = new Set<string>();
	const remember = (seats: number[] | null) => {
		if (!seats) return false;
		const key = seats.join(',');
		if (seen.has(key)) return false;
		seen.add(key);
		panels.push(seats);
		return true;
	};
	let panelSearches = 0;
	const search = (weights: readonly number[]) => {
		panelSearches++;
		return bestPanel(solver, problem, c, weights);
	};

	// A first panel, or proof that none exists.
	if (!remember(search(c.classes.map((k) => 1 / k.size)))) throw new InfeasibleQuotas();
	const improver = new PanelImprover(problem, c);

	const fixed = new Map<number, number>();
	const lp = new StageDual(solver, c, panels);
	const add = (seats: number[] | null) => {
		if (!seats || !remember(seats)) return false;
		lp.addPanel(seats);
		return true;
	};
	let stages = 0;
	let iterations = 0;
	try {
	while (fixed.size < n) {
		stages++;
		for (;;) {
			const dual = lp.solve();
			const weights = dual.weights.map((w, i) => w / c.classes[i].size);
			const beats = (seats: readonly number[]) => weightOf(seats, weights) > dual.bound + EPS_IMPROVE * Math.max(1, Math.abs(dual.bound));
			iterations++;
			onProgress?.({ stage: stages, fixedClasses: fixed.size, classes: n, panelSearches, iterations });
			// Cheap first: improve the heaviest known panels by exchanges; the integer program only
			// when that finds nothing, to prove that nothing better exists.
			const starts = [...panels].sort((a, b) => weightOf(b, weights) - weightOf(a, weights)).slice(0, 3);
			let isAdded = false;
			for (const start of starts) {
				const better = improver.improve(start, weights);
				if (beats(better) && add(better)) isAdded = true;
			}
			if (isAdded) continue;
			const best = search(weights)!;
			if (beats(best) && add(best)) continue;
			// Optimal for this stage: the tight classes are fixed at its value.
			const level = Math.max(0, Math.min(1, dual.value));
			let isAnyFixed = false;
			for (const k of c.classes) {
				if (!fixed.has(k.index) && dual.weights[k.index] > EPS_DUAL) {
					fixed.set(k.index, level);
					lp.fix(k.index, level);
					isAnyFixed = true;
				}
			}
			if (!isAnyFixed) {
				// Numerically flat weights: fix the unfixed class with the greatest weight.
				const k = c.classes.filter((o) => !fixed.has(o.index)).sort((a, b) => dual.weights[b.index] - dual.weights[a.index])[0];
				fixed.set(k.index, level);
				lp.fix(k.index, level);
			}
			break;
		}
	}
	} finally {
		lp.dispose();
	}

	const lambda = finalDistribution(solver, c, panels, fixed);
	const distribution = panels.map((seats, j) => ({ seats, probability: lambda[j] })).filter((p) => p.probability > 0);
	const classProbabilities = c.classes.map((k) => distribution.reduce((s, p) => s + (p.probability * p.seats[k.index]) / k.size, 0));
	const probabilities = new Array<number>(problem.people.length).fill(0);
	for (const k of c.classes) for (const group of k.members) for (const i of group) probabilities[i] = classProbabilities[k.index];
	return {
		classes: c,
		panels: distribution,
		classProbabilities,
		probabilities,
		minProbability: Math.min(...probabilities),
		stages,
		panelSearches
	};
}
