// LEXIMIN selection (Flanigan, Gölz, Gupta, Hennig, Procaccia, Nature 596, 2021): among all
// distributions over quota-satisfying panels, the one that maximizes the smallest selection
// probability, then the next smallest, and so on.
//
// First, a shortcut that is exact when it succeeds: the LEXIMIN over the LP relaxation of the panel
// constraints (fractional seats per class) is at least as good as any mix of panels; if some mix of
// panels reaches it, that mix is the LEXIMIN. Finding the relaxation's LEXIMIN takes a few small LPs,
// and reaching it one LP over panels with column generation. On the benchmark every generated pool
// was reached; when a pool is not, the stages below run as the paper's algorithm does.
//
// Solved over classes of interchangeable people (see problem.ts): a panel is a vector of seats per
// class, a person's probability is the expected seats of their class over its size. Each stage
// solves the dual of "maximize the least unfixed probability" by column generation — the dual LP
// over the panels found so far gives weights, and an integer program finds the panel of greatest
// weight; when no panel beats the LP's bound, the stage is optimal, and the classes with positive
// dual weight are fixed at that probability (by complementary slackness they are at it in every
// optimum). The mix of the last stage is the distribution over panels.

import { buildClasses, type Classes, type SelectionProblem } from './problem';
import { expression, OPTIONS, primal, solve, type LpSolver, type PersistentModel } from './solver';
import { uniformLottery } from './uniform';

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
	/** How it was found: a uniform layout, the reached relaxation, or stage by stage. */
	method: 'layout' | 'relaxation' | 'stages';
}

export interface Progress {
	stage: number;
	fixedClasses: number;
	classes: number;
	panelSearches: number;
	iterations: number;
	/** Panels found so far. */
	panels?: number;
	/** The lowest probability of the unsettled classes in the current mix, and the most it can reach in this stage. */
	lowest?: number;
	bound?: number;
}

export class SelectionTimeLimit extends Error {
	constructor(seconds: number) {
		super(`The selection did not finish within ${seconds} s.`);
	}
}

export class InfeasibleQuotas extends Error {
	constructor() {
		super('No panel satisfies the quotas.');
	}
}

const EPS_IMPROVE = 1e-9; // a panel must beat the LP bound by this (relative) to be added: the stage LP's feasibility tolerance, below which its row would not move the simplex
const EPS_DUAL = 1e-9; // dual weights above this mark a class as tight
/**
 * How many of the heaviest known panels the local search starts from in each round before the
 * integer program is asked: measured on the benchmark, 10 rather than 2 took sf_a_35 from 16 s to 4 s
 * (fewer rounds, each adding more panels) and changed nothing where rounds are few.
 */
const IMPROVED_PANELS = 10;

/** The integer program: the panel with the greatest total weight (weights per class, per seat). */
export function panelModel(problem: SelectionProblem, c: Classes, weights: readonly number[]): string {
	const p = panelProgram(problem, c);
	const objective = c.classes.map((k) => [weights[k.index], `x${k.index}`] as const);
	return ['Maximize', ` obj: ${expression(objective, 'x0')}`, 'Subject To', ...p.rows, 'Bounds', ...p.bounds, 'General', ` ${p.integers.join(' ')}`, 'End'].join('\n');
}

/**
 * The constraints every panel meets, as LP rows over seats per class (x0, x1, …): its size, each
 * quota, at most one member per group. With `isElastic`, every quota bound gets a slack variable
 * (loᵢ lowers minimum i, hiᵢ raises maximum i), for finding the smallest relaxation.
 */
export function panelProgram(problem: SelectionProblem, c: Classes, isElastic = false): { rows: string[]; bounds: string[]; integers: string[]; slack: string[] } {
	const x = (i: number) => `x${i}`;
	const rows: string[] = [` size: ${expression(c.classes.map((k) => [1, x(k.index)] as const), 'x0')} = ${problem.panelSize}`];
	const slack: string[] = [];
	problem.quotas.forEach((q, i) => {
		const terms = c.quotaClasses[i].map((k) => [1, x(k)] as const);
		if (isElastic) {
			rows.push(` qmin${i}: ${expression([...terms, [1, `lo${i}`]], 'x0')} >= ${q.min}`);
			rows.push(` qmax${i}: ${expression([...terms, [-1, `hi${i}`]], 'x0')} <= ${q.max}`);
			slack.push(`lo${i}`, `hi${i}`);
			return;
		}
		if (q.min > 0) rows.push(` qmin${i}: ${expression(terms, 'x0')} >= ${q.min}`);
		if (q.max < problem.panelSize) rows.push(` qmax${i}: ${expression(terms, 'x0')} <= ${q.max}`);
	});
	for (const s of c.signatures) {
		if (s.classes.length > 1) rows.push(` group${s.index}: ${expression(s.classes.map((k) => [1, x(k)] as const), 'x0')} <= ${s.groups.length}`);
	}
	const bounds = c.classes.map((k) => ` 0 <= ${x(k.index)} <= ${c.signatures[k.signature].groups.length}`);
	return { rows, bounds, integers: [...c.classes.map((k) => x(k.index)), ...slack], slack };
}

/**
 * The panel of greatest weight, or null when no panel satisfies the quotas. With a `target`, the
 * search may stop at the first panel it finds that reaches it (any panel above the stage's bound will
 * do for the next round; only proving that none exists needs the search to the end): `isBest` says
 * whether the panel is proven the heaviest.
 */
export function bestPanel(solver: LpSolver, problem: SelectionProblem, c: Classes, weights: readonly number[], target?: number): { seats: number[]; isBest: boolean } | null {
	const result = solve(solver, panelModel(problem, c, weights), target === undefined ? {} : { objective_target: target });
	if (result.Status === 'Infeasible' || result.Status === 'Primal infeasible or unbounded') return null;
	if (result.Status !== 'Optimal' && result.Status !== 'Target for objective reached') throw new Error(`The panel search ended with status “${result.Status}”.`);
	return { seats: c.classes.map((k) => Math.round(primal(result, `x${k.index}`))), isBest: result.Status === 'Optimal' };
}

const weightOf = (seats: readonly number[], weights: readonly number[]) => seats.reduce((s, n, i) => s + n * weights[i], 0);

/**
 * Local search over panels: move one seat from class a to class b while the size, every quota and
 * every group limit still hold, taking the best move until none gains. Fast, and enough to find
 * most improving panels without the integer program. It runs thousands of times in the warm start,
 * so the quota test is on bit sets: the quotas at their minimum (no seat may leave them) and at
 * their maximum (none may join them), against each class's quotas.
 */
class PanelImprover {
	private readonly quotasOf: number[][]; // per class, the quotas covering it
	private readonly words: number; // 32-bit words per bit set of quotas
	private readonly masks: Uint32Array; // per class, its quotas as a bit set
	private readonly signatureOf: Int32Array;
	private readonly capacity: Int32Array; // per class, the groups of its signature: the most seats it can take
	constructor(
		private readonly problem: SelectionProblem,
		private readonly c: Classes
	) {
		this.quotasOf = c.classes.map(() => []);
		c.quotaClasses.forEach((ks, q) => ks.forEach((k) => this.quotasOf[k].push(q)));
		const words = (this.words = Math.max(1, Math.ceil(problem.quotas.length / 32)));
		this.masks = new Uint32Array(c.classes.length * words);
		this.quotasOf.forEach((qs, k) => qs.forEach((q) => (this.masks[k * words + (q >>> 5)] |= 1 << (q & 31))));
		this.signatureOf = Int32Array.from(c.classes, (k) => k.signature);
		this.capacity = Int32Array.from(c.classes, (k) => c.signatures[k.signature].groups.length);
	}

	improve(start: readonly number[], weights: readonly number[]): number[] {
		const { problem, c, quotasOf, words, masks, signatureOf, capacity } = this;
		const seats = [...start];
		const quotaCount = problem.quotas.map((_, q) => c.quotaClasses[q].reduce((s, k) => s + seats[k], 0));
		const signatureCount = c.signatures.map((s) => s.classes.reduce((n, k) => n + seats[k], 0));
		const atMin = new Uint32Array(words);
		const atMax = new Uint32Array(words);
		const mark = (q: number) => {
			const w = q >>> 5;
			const bit = 1 << (q & 31);
			atMin[w] = quotaCount[q] <= problem.quotas[q].min ? atMin[w] | bit : atMin[w] & ~bit;
			atMax[w] = quotaCount[q] >= problem.quotas[q].max ? atMax[w] | bit : atMax[w] & ~bit;
		};
		for (let q = 0; q < quotaCount.length; q++) mark(q);
		// A seat may go from a to b when no quota of a alone is at its minimum and no quota of b alone at its maximum.
		const quotasAllow = (a: number, b: number) => {
			for (let w = 0; w < words; w++) {
				const ma = masks[a * words + w];
				const mb = masks[b * words + w];
				if ((ma & ~mb & atMin[w]) !== 0 || (mb & ~ma & atMax[w]) !== 0) return false;
			}
			return true;
		};
		// Candidates by weight, heaviest first: for a seat given up, the first class that may take
		// it is the best move for that seat. Seats are given up lightest first, moves applied at once.
		const byWeight = c.classes
			.map((k) => k.index)
			.filter((k) => weights[k] > 0)
			.sort((a, b) => weights[b] - weights[a]);
		for (let pass = 0; pass < 50; pass++) {
			let isMoved = false;
			const occupied = seats.flatMap((n, k) => (n > 0 ? [k] : [])).sort((a, b) => weights[a] - weights[b]);
			for (const a of occupied) {
				while (seats[a] > 0) {
					let target = -1;
					for (const b of byWeight) {
						if (weights[b] - weights[a] <= 1e-15) break;
						if (signatureOf[a] !== signatureOf[b] && signatureCount[signatureOf[b]] >= capacity[b]) continue;
						if (seats[b] >= capacity[b]) continue;
						if (!quotasAllow(a, b)) continue;
						target = b;
						break;
					}
					if (target < 0) break;
					seats[a]--;
					seats[target]++;
					for (const q of quotasOf[a]) quotaCount[q]--;
					for (const q of quotasOf[target]) quotaCount[q]++;
					for (const q of quotasOf[a]) mark(q);
					for (const q of quotasOf[target]) mark(q);
					signatureCount[signatureOf[a]]--;
					signatureCount[signatureOf[target]]++;
					isMoved = true;
				}
			}
			if (!isMoved) break;
		}
		return seats;
	}
}

/**
 * The classes a stage fixes at its level: those with positive dual weight (by complementary
 * slackness at the level in every optimum) or, when the weights are numerically flat, the heaviest.
 */
function tightClasses(unfixed: readonly number[], weight: (k: number) => number): number[] {
	const tight = unfixed.filter((k) => weight(k) > EPS_DUAL);
	return tight.length > 0 ? tight : [unfixed.reduce((best, k) => (weight(k) > weight(best) ? k : best))];
}

/** An LP kept in memory, read from LP text, without presolve (its basis is reused between solves). */
function persistentModel(solver: LpSolver, text: string, options: Record<string, string | number | boolean> = {}): PersistentModel {
	const model = solver.createModel();
	model.options.set({ ...OPTIONS, presolve: 'off', ...options });
	model.readModel({ format: 'lp', data: text });
	return model;
}

/** A panel as a new column: its entries in the class rows (rowOf −1: none) and 1 in the convexity row. */
function addPanelColumn(model: PersistentModel, seats: readonly number[], rowOf: (i: number) => number, valueOf: (seats: number, i: number) => number, convexityRow: number) {
	const indices: number[] = [];
	const values: number[] = [];
	seats.forEach((s, i) => {
		if (s !== 0 && rowOf(i) >= 0) {
			indices.push(rowOf(i));
			values.push(valueOf(s, i));
		}
	});
	indices.push(convexityRow);
	values.push(1);
	model.addCol(0, 0, Infinity, { indices, values });
}

/** The panel columns' values in the last solution (columns from `first` on), specks dropped, summing to 1. */
function normalizedMix(model: PersistentModel, first: number): number[] {
	const lambda = Array.from(model.getSolution().colValue).slice(first);
	const cleaned = lambda.map((v) => (v < 1e-12 ? 0 : v));
	const total = cleaned.reduce((a, b) => a + b, 0);
	return cleaned.map((v) => v / total);
}

/**
 * The LP of a stage over the panels found so far, kept in memory across iterations and stages:
 * maximize z subject to Σⱼ shareᵢ(Pⱼ)·λⱼ ≥ yᵢ for every class i, yᵢ ≥ z while i is unfixed,
 * yᵢ ≥ pᵢ once it is fixed, Σ λ = 1, λ ≥ 0. A new panel is a new column and fixing a class only
 * changes bounds (its link row is dropped, yᵢ gets pᵢ as its lower bound), so the last basis stays
 * feasible through both and the primal simplex goes on from it. The duals of the class rows are the
 * weights y of the pricing problem, and ŷ = z + Σ fixed pᵢyᵢ is the bound a new panel must beat.
 */
class StageLp {
	private readonly model: PersistentModel;
	private readonly optimal: number;
	private readonly fixed = new Map<number, number>();
	private readonly firstPanel: number;
	constructor(
		solver: LpSolver,
		private readonly c: Classes,
		panels: readonly number[][]
	) {
		// Rows c0…c(n−1) are the classes, row n the convexity row, rows n+1… the links yᵢ ≥ z;
		// columns z and y0…y(n−1) come first, then one per panel.
		const rows = c.classes.map((k) => ` c${k.index}: - y${k.index} >= 0`);
		rows.push(' conv: 0 z = 1');
		for (const k of c.classes) rows.push(` l${k.index}: y${k.index} - z >= 0`);
		const text = ['Maximize', ' obj: z', 'Subject To', ...rows, 'Bounds', ' z free', 'End'].join('\n');
		this.model = persistentModel(solver, text, { simplex_strategy: 4 });
		this.firstPanel = c.classes.length + 1;
		this.optimal = solver.constants.modelStatus.optimal;
		for (const seats of panels) this.addPanel(seats);
	}

	addPanel(seats: readonly number[]) {
		addPanelColumn(this.model, seats, (i) => i, (s, i) => s / this.c.classes[i].size, this.c.classes.length);
	}

	fix(classIndex: number, probability: number) {
		this.fixed.set(classIndex, probability);
		this.model.changeRowBounds(this.c.classes.length + 1 + classIndex, -Infinity, Infinity);
		this.model.changeColBounds(this.model.getColByName(`y${classIndex}`), probability, Infinity);
	}

	solve() {
		this.model.run();
		const status = this.model.getModelStatus();
		if (status !== this.optimal) throw new Error(`The stage LP ended with status ${String(status)}.`);
		const solution = this.model.getSolution();
		const weights = this.c.classes.map((k) => Math.abs(solution.rowDual[k.index]));
		const value = this.model.getObjectiveValue();
		let bound = value;
		for (const [i, p] of this.fixed) bound += p * weights[i];
		return { weights, bound, value };
	}

	/**
	 * The mix of the last solve, per panel (in the order added), normalized. After the last stage it
	 * gives every class at least its fixed probability: each class was at least at its level then.
	 */
	mix(): number[] {
		return normalizedMix(this.model, this.firstPanel);
	}

	dispose() {
		this.model.dispose();
	}
}

/**
 * LEXIMIN over the panel polytope's LP relaxation: expected seats per class x (0 ≤ xₖ ≤ the groups
 * of its signature) meeting the size, every quota and every group limit as fractions. Every mix of
 * panels gives such an x, so this is at least as good, in the leximin order, as the true LEXIMIN —
 * and it is the true LEXIMIN whenever some mix of panels reaches it. Stages as in the panel LP
 * (maximize the least unfixed probability z, fix the classes with positive dual weight), but the
 * LP is compact: a column per class, a row per quota, fast.
 */
class RelaxedLeximin {
	private readonly model: PersistentModel;
	private readonly optimal: number;
	constructor(
		solver: LpSolver,
		problem: SelectionProblem,
		private readonly c: Classes
	) {
		const p = panelProgram(problem, c);
		const links = c.classes.map((k) => ` l${k.index}: x${k.index} - ${k.size} z >= 0`);
		const text = ['Maximize', ' obj: z', 'Subject To', ...p.rows, ...links, 'Bounds', ...p.bounds, ' z free', 'End'].join('\n');
		this.model = persistentModel(solver, text);
		this.optimal = solver.constants.modelStatus.optimal;
	}

	/** Expected seats per class at the relaxation's LEXIMIN. */
	seats(checkTime: () => void): number[] {
		const { c, model } = this;
		const n = c.classes.length;
		const link = c.classes.map((k) => model.getRowByName(`l${k.index}`));
		const column = c.classes.map((k) => model.getColByName(`x${k.index}`));
		const fixed = new Set<number>();
		let seats: number[] = [];
		try {
			while (fixed.size < n) {
				checkTime();
				model.run();
				if (model.getModelStatus() !== this.optimal) throw new Error(`The relaxed stage LP ended with status ${String(model.getModelStatus())}.`);
				const solution = model.getSolution();
				// Fixing classes at their value leaves this point feasible: the last stage's is the answer.
				seats = Array.from(column, (j) => solution.colValue[j]);
				const level = Math.max(0, Math.min(1, model.getObjectiveValue()));
				const unfixed = c.classes.map((k) => k.index).filter((k) => !fixed.has(k));
				for (const i of level >= 1 - EPS_DUAL ? unfixed : tightClasses(unfixed, (k) => Math.abs(solution.rowDual[link[k]]))) {
					const k = c.classes[i];
					fixed.add(i);
					model.changeRowBounds(link[i], -Infinity, Infinity);
					const most = c.signatures[k.signature].groups.length;
					model.changeColBounds(column[i], Math.min(most, level * k.size), most);
				}
			}
			return seats;
		} finally {
			model.dispose();
		}
	}
}

/**
 * Can a mix of panels give every class at least the seats x? Minimize Σₖ sₖ/xₖ subject to
 * Σⱼ λⱼ·seatsₖ(Pⱼ) + sₖ ≥ xₖ, Σ λ = 1, over the panels found so far (sₖ: the seats class k is short).
 * The duals weigh the classes for the panel search; a panel whose weight beats the convexity row's
 * dual would lower the shortfall. No shortfall proves x is the LEXIMIN (see RelaxedLeximin). Dual
 * simplex: on the 1,000-person benchmark pool it took 3,652 pivots where the primal took 6,078.
 */
class ReachLp {
	private readonly model: PersistentModel;
	private readonly optimal: number;
	private readonly rows: number[]; // per class, its row, or −1 when its target is 0
	private readonly rowCount: number;
	constructor(
		solver: LpSolver,
		private readonly c: Classes,
		private readonly target: readonly number[],
		panels: readonly number[][]
	) {
		let next = 0;
		this.rows = target.map((x) => (x > 1e-12 ? next++ : -1));
		this.rowCount = next;
		const targeted = c.classes.filter((k) => this.rows[k.index] >= 0);
		const rows = targeted.map((k) => ` r${k.index}: s${k.index} >= ${target[k.index]}`);
		const objective = expression(targeted.map((k) => [1 / target[k.index], `s${k.index}`] as const), 's0');
		const text = ['Minimize', ` obj: ${objective}`, 'Subject To', ...rows, ` conv: 0 s${targeted[0]?.index ?? 0} = 1`, 'End'].join('\n');
		this.model = persistentModel(solver, text, { simplex_strategy: 1 });
		this.optimal = solver.constants.modelStatus.optimal;
		for (const seats of panels) this.addPanel(seats);
	}

	addPanel(seats: readonly number[]) {
		addPanelColumn(this.model, seats, (i) => this.rows[i], (s) => s, this.rowCount);
	}

	/** Per-seat weights, the weight a panel must beat, whether the mix reaches x, and the least probability in it. */
	solve() {
		this.model.run();
		// The first solve by the dual simplex, the ones after new panels by the primal, which goes on
		// from the last basis: obf_30 took 275 s with the dual simplex throughout, 69 s this way.
		this.model.options.set({ simplex_strategy: 4 });
		const status = this.model.getModelStatus();
		if (status !== this.optimal) throw new Error(`The LP ended with status ${String(status)}.`);
		const solution = this.model.getSolution();
		const weights = this.c.classes.map((k) => (this.rows[k.index] >= 0 ? Math.max(0, solution.rowDual[this.rows[k.index]]) : 0));
		let lowest = Infinity;
		let isReached = true;
		for (const k of this.c.classes) {
			const row = this.rows[k.index];
			const short = row >= 0 ? Math.max(0, solution.colValue[row]) : 0;
			if (short > EPS_IMPROVE * this.target[k.index]) isReached = false;
			lowest = Math.min(lowest, (this.target[k.index] - short) / k.size);
		}
		return { weights, bound: -solution.rowDual[this.rowCount], isReached, lowest };
	}

	mix(): number[] {
		return normalizedMix(this.model, this.rowCount);
	}

	dispose() {
		this.model.dispose();
	}
}

export function leximin(solver: LpSolver, problem: SelectionProblem, onProgress?: (p: Progress) => void, options: { timeLimitSeconds?: number; /** False to go stage by stage even when the relaxation could be reached (for tests). */ isRelaxationTried?: boolean } = {}): LeximinResult {
	const deadline = options.timeLimitSeconds ? performance.now() + options.timeLimitSeconds * 1000 : Infinity;
	const c = buildClasses(problem);
	const n = c.classes.length;
	const checkTime = () => {
		if (performance.now() > deadline) throw new SelectionTimeLimit(options.timeLimitSeconds!);
	};

	// Everyone at k/n, when a layout of the pool gives it (see uniform.ts): LEXIMIN at once.
	const uniform = uniformLottery(problem, {
		checkTime: (moves) => {
			checkTime();
			onProgress?.({ stage: 1, fixedClasses: 0, classes: n, panelSearches: 0, iterations: moves });
		}
	});
	if (uniform) return resultOf(problem, c, classPanels(c, problem.people.length, uniform.panels), 1, 0, 'layout');
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
	const search = (weights: readonly number[], target?: number) => {
		panelSearches++;
		return bestPanel(solver, problem, c, weights, target);
	};

	// A first panel, or proof that none exists.
	if (!remember(search(c.classes.map((k) => 1 / k.size))?.seats ?? null)) throw new InfeasibleQuotas();
	const improver = new PanelImprover(problem, c);
	// Warm start by multiplicative weights (as the reference implementation does): repeatedly the
	// heaviest panel found by exchanges, then the weight of whoever it seats goes down, so the next
	// panels seat others. This gives the first LP a varied set of panels to mix. (Weighing each class
	// against its share of the relaxation's seats instead of its size made the 1,000-person pool
	// slower, 14 -> 100 s, and obf_30 faster, 69 -> 63 s.)
	{
		const w = c.classes.map(() => 1);
		let current = panels[0];
		for (let round = 0; round < Math.min(3 * n, 3000); round++) {
			if (round % 50 === 0) checkTime();
			current = improver.improve(current, w.map((x, i) => x / c.classes[i].size));
			remember(current);
			current.forEach((seats, i) => {
				if (seats > 0) w[i] *= 1 - (0.5 * seats) / c.classes[i].size;
			});
			const total = w.reduce((a, b) => a + b, 0);
			for (let i = 0; i < n; i++) w[i] = (w[i] * n) / total;
		}
	}

	/**
	 * One round of column generation: a panel heavier than the bound under these weights (per seat),
	 * added through `add`. Cheap first: the heaviest known panels improved by exchanges; the integer
	 * program only when that finds nothing. False when none exists: the LP is optimal.
	 */
	const addBetterPanel = (weights: readonly number[], bound: number, add: (seats: number[]) => boolean): boolean => {
		const beats = (seats: readonly number[]) => weightOf(seats, weights) > bound;
		const panelWeights = panels.map((seats) => weightOf(seats, weights));
		const order = panelWeights.map((_, j) => j).sort((a, b) => panelWeights[b] - panelWeights[a]);
		let isAdded = false;
		for (const j of order.slice(0, IMPROVED_PANELS)) {
			const better = improver.improve(panels[j], weights);
			if (beats(better) && add(better)) isAdded = true;
		}
		if (isAdded) return true;
		let found = search(weights, bound)!;
		// Stopped at the target with a panel not above the bound by this side's arithmetic, or with
		// one already known: only a search to the end can tell whether a better one exists.
		if (!found.isBest && !(beats(found.seats) && !seen.has(found.seats.join(',')))) found = search(weights)!;
		if (!beats(found.seats) || !add(found.seats)) return false;
		// The search may have stopped at the first panel above the bound: exchanges may carry it further.
		const polished = improver.improve(found.seats, weights);
		if (beats(polished)) add(polished);
		return true;
	};
	const above = (bound: number) => bound + EPS_IMPROVE * Math.max(1, Math.abs(bound));

	// The relaxation's LEXIMIN (see RelaxedLeximin), when a mix of panels reaches it: then it is the
	// LEXIMIN, found with one LP over panels instead of one per stage.
	if (options.isRelaxationTried !== false && problem.panelSize > 0) {
		let reach: ReachLp | null = null;
		try {
			const target = new RelaxedLeximin(solver, problem, c).seats(checkTime);
			const least = Math.min(...c.classes.map((k) => target[k.index] / k.size));
			const lp = (reach = new ReachLp(solver, c, target, panels));
			const add = (seats: number[]) => remember(seats) && (lp.addPanel(seats), true);
			for (let iterations = 1; ; iterations++) {
				const dual = lp.solve();
				checkTime();
				onProgress?.({ stage: 1, fixedClasses: 0, classes: n, panelSearches, iterations, panels: panels.length, lowest: Math.max(0, dual.lowest), bound: least });
				if (dual.isReached) {
					const mix = lp.mix();
					return resultOf(problem, c, panels.map((seats, j) => ({ seats, probability: mix[j] })).filter((p) => p.probability > 0), 1, panelSearches, 'relaxation');
				}
				if (!addBetterPanel(dual.weights, above(dual.bound), add)) break; // out of reach: stage by stage, below
			}
		} catch (error) {
			// The stages do not depend on this shortcut: a solver failure in it is not the run's end.
			if (error instanceof SelectionTimeLimit) throw error;
		} finally {
			reach?.dispose();
		}
	}

	const fixed = new Map<number, number>();
	const lp = new StageLp(solver, c, panels);
	const add = (seats: number[]) => remember(seats) && (lp.addPanel(seats), true);
	let stages = 0;
	let iterations = 0;
	let lambda: number[] = [];
	try {
	while (fixed.size < n) {
		stages++;
		for (;;) {
			const dual = lp.solve();
			const weights = dual.weights.map((w, i) => w / c.classes[i].size);
			iterations++;
			checkTime();
			onProgress?.({ stage: stages, fixedClasses: fixed.size, classes: n, panelSearches, iterations, panels: panels.length, lowest: Math.max(0, dual.value), bound: Math.min(1, dual.bound) });
			// Every unsettled class in every panel of the mix: no probability exceeds 1, so this is the
			// optimum, and the last stage — no search needed to prove it.
			if (dual.value >= 1 - EPS_DUAL) {
				lambda = lp.mix();
				for (const k of c.classes) if (!fixed.has(k.index)) fixed.set(k.index, 1);
				break;
			}
			if (addBetterPanel(weights, above(dual.bound), add)) continue;
			// Optimal for this stage: the tight classes are fixed at its value. The mix of the last
			// stage is the distribution.
			lambda = lp.mix();
			const level = Math.max(0, Math.min(1, dual.value));
			const unfixed = c.classes.map((k) => k.index).filter((k) => !fixed.has(k));
			for (const k of tightClasses(unfixed, (k) => dual.weights[k])) {
				fixed.set(k, level);
				lp.fix(k, level);
			}
			break;
		}
	}
	} finally {
		lp.dispose();
	}

	const distribution = panels.map((seats, j) => ({ seats, probability: lambda[j] })).filter((p) => p.probability > 0);
	return resultOf(problem, c, distribution, stages, panelSearches, 'stages');
}

/** People's panels of equal probability as seats per class, equal panels merged. */
function classPanels(c: Classes, people: number, panels: readonly number[][]): ClassPanel[] {
	const classOf = new Array<number>(people);
	for (const k of c.classes) for (const group of k.members) for (const i of group) classOf[i] = k.index;
	const byKey = new Map<string, { seats: number[]; copies: number }>();
	for (const members of panels) {
		const seats = new Array<number>(c.classes.length).fill(0);
		for (const i of members) seats[classOf[i]]++;
		const key = seats.join(',');
		const known = byKey.get(key);
		if (known) known.copies++;
		else byKey.set(key, { seats, copies: 1 });
	}
	return [...byKey.values()].map(({ seats, copies }) => ({ seats, probability: copies / panels.length }));
}

function resultOf(problem: SelectionProblem, c: Classes, distribution: ClassPanel[], stages: number, panelSearches: number, method: LeximinResult['method']): LeximinResult {
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
		panelSearches,
		method
	};
}
