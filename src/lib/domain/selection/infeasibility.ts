// When no panel satisfies the quotas: which quotas conflict, by how many seats, a smallest set of
// quota bounds that cannot hold together (with the counts that clash), each single change that alone
// makes a panel possible, and the smallest relaxation over all quotas — never a bare solver error.

import { buildClasses, type Classes, type Quota, type SelectionProblem } from './problem';
import { panelProgram } from './leximin';
import { expression, primal, solve, type LpSolver } from './solver';

export type Conflict =
	| { kind: 'pool-too-small'; available: number; panelSize: number }
	| { kind: 'too-few-people'; quota: Quota; available: number }
	| { kind: 'minimums-exceed-panel'; category: string; total: number; panelSize: number }
	| { kind: 'maximums-below-panel'; category: string; total: number; panelSize: number }
	| { kind: 'min-above-max'; quota: Quota }
	/**
	 * A set of quota bounds that cannot hold together, irreducible (drop any one and these bounds alone
	 * allow a panel; other quotas may still clash too), each with the seats its people can fill, and
	 * how many seats the people of two of them (of different dimensions) can fill together.
	 * `isSmallest`: no set of fewer bounds clashes (every smaller set was tried).
	 */
	| { kind: 'clash'; bounds: ClashBound[]; overlaps: Overlap[]; panelSize: number; isSmallest: boolean };

/** The people of two bounds (of different dimensions): the seats those in both can fill, and whether everyone of the first is also in the second. */
export interface Overlap {
	a: number;
	b: number;
	seats: number;
	isContained?: boolean;
}

export interface ClashBound {
	quota: Quota;
	bound: 'min' | 'max';
	value: number;
	/** Seats the quota's people can fill (one per organization). */
	available: number;
}

export interface Relaxation {
	quota: Quota;
	bound: 'min' | 'max';
	from: number;
	to: number;
	seats: number;
}

export interface Diagnosis {
	conflicts: Conflict[];
	/** The fewest seats of change to the quotas that allow a panel (empty when the pool itself is too small). */
	relaxations: Relaxation[];
	/** Each change of one bound that alone makes a panel possible, and the least it must change (bounds of the clash only). */
	singleChanges?: Relaxation[];
}

/** How many seats a quota's people can fill at most: one per group. */
function available(c: Classes, classes: readonly number[]): number {
	const bySignature = new Map<number, number>();
	for (const k of classes) {
		const s = c.classes[k].signature;
		bySignature.set(s, c.signatures[s].groups.length);
	}
	return [...bySignature.values()].reduce((a, b) => a + b, 0);
}

export function diagnose(solver: LpSolver, problem: SelectionProblem): Diagnosis {
	const c = buildClasses(problem);
	const conflicts: Conflict[] = [];
	const seatsInPool = c.signatures.reduce((n, s) => n + s.groups.length, 0);
	if (seatsInPool < problem.panelSize) conflicts.push({ kind: 'pool-too-small', available: seatsInPool, panelSize: problem.panelSize });
	problem.quotas.forEach((quota, i) => {
		if (quota.min > quota.max) conflicts.push({ kind: 'min-above-max', quota });
		const n = available(c, c.quotaClasses[i]);
		if (quota.min > n) conflicts.push({ kind: 'too-few-people', quota, available: n });
	});
	for (const category of new Set(problem.quotas.map((q) => q.category))) {
		const quotas = problem.quotas.filter((q) => q.category === category);
		const minimums = quotas.reduce((s, q) => s + q.min, 0);
		if (minimums > problem.panelSize) conflicts.push({ kind: 'minimums-exceed-panel', category, total: minimums, panelSize: problem.panelSize });
		// Only when every person falls under one of this category's quotas do the maximums cap the panel.
		const covered = new Set(quotas.flatMap((q) => c.quotaClasses[problem.quotas.indexOf(q)]));
		if (covered.size === c.classes.length) {
			const maximums = quotas.reduce((s, q) => s + Math.min(q.max, problem.panelSize), 0);
			if (maximums < problem.panelSize) conflicts.push({ kind: 'maximums-below-panel', category, total: maximums, panelSize: problem.panelSize });
		}
	}
	if (seatsInPool < problem.panelSize) return { conflicts, relaxations: [] };
	const clash = smallestClash(solver, problem, c);
	if (clash) conflicts.push(clash);
	return { conflicts, relaxations: smallestRelaxation(solver, problem, c), singleChanges: clash ? singleChanges(solver, problem, c, clash.bounds) : [] };
}

type BoundKey = `${'min' | 'max'}${number}`;

/** The quota bounds that restrict anything: a minimum above 0, a maximum below the panel. */
function activeBounds(problem: SelectionProblem): BoundKey[] {
	return problem.quotas.flatMap((q, i) => [...(q.min > 0 ? [`min${i}` as const] : []), ...(q.max < problem.panelSize ? [`max${i}` as const] : [])]);
}

/**
 * The panel program with only the `kept` bounds, each of `elastic` with a slack variable (their sum
 * minimized), the others hard; the slack needed, or null when no panel exists even so.
 */
function leastSlack(solver: LpSolver, problem: SelectionProblem, c: Classes, kept: readonly BoundKey[], elastic: readonly BoundKey[] = []): number | null {
	const x = (i: number) => `x${i}`;
	const rows = [` size: ${expression(c.classes.map((k) => [1, x(k.index)] as const), 'x0')} = ${problem.panelSize}`];
	for (const key of kept) {
		const i = Number(key.slice(3));
		const isMin = key.startsWith('min');
		const terms: (readonly [number, string])[] = c.quotaClasses[i].map((k) => [1, x(k)] as const);
		if (elastic.includes(key)) terms.push([isMin ? 1 : -1, `s_${key}`]);
		rows.push(` ${key}: ${expression(terms, 'x0')} ${isMin ? '>=' : '<='} ${isMin ? problem.quotas[i].min : problem.quotas[i].max}`);
	}
	for (const s of c.signatures) if (s.classes.length > 1) rows.push(` group${s.index}: ${expression(s.classes.map((k) => [1, x(k)] as const), 'x0')} <= ${s.groups.length}`);
	const slack = elastic.map((key) => `s_${key}`);
	const model = [
		'Minimize',
		` obj: ${expression(slack.map((v) => [1, v] as const), 'x0')}`,
		'Subject To',
		...rows,
		'Bounds',
		...c.classes.map((k) => ` 0 <= ${x(k.index)} <= ${c.signatures[k.signature].groups.length}`),
		...slack.map((v) => ` 0 <= ${v} <= ${problem.panelSize + problem.people.length + Math.max(0, ...problem.quotas.map((q) => q.min))}`),
		'General',
		` ${[...c.classes.map((k) => x(k.index)), ...slack].join(' ')}`,
		'End'
	].join('\n');
	const result = solve(solver, model);
	return result.Status === 'Optimal' ? Math.round(result.ObjectiveValue) : null;
}

/** Every set of `size` items of `all`, in order, lazily. */
function* combinations<T>(all: readonly T[], size: number, from = 0): Generator<T[]> {
	if (size === 0) {
		yield [];
		return;
	}
	for (let i = from; i <= all.length - size; i++) for (const rest of combinations(all, size - 1, i + 1)) yield [all[i], ...rest];
}

/** How many feasibility programs the search for a smaller clash may solve (each takes milliseconds). */
const SMALLER_CLASH_SOLVES = 1500;

/**
 * A smallest set of bounds that cannot hold together. The deletion filter (drop each bound in turn
 * and keep it dropped while no panel exists without it) gives an irreducible set; a clash with fewer
 * bounds may still exist elsewhere among the quotas, so every set of fewer bounds is tried, smallest
 * first, within a budget of solves. `isSmallest` says whether that search was complete.
 */
function smallestClash(solver: LpSolver, problem: SelectionProblem, c: Classes): Extract<Conflict, { kind: 'clash' }> | null {
	const all = activeBounds(problem);
	let kept = all;
	if (leastSlack(solver, problem, c, kept) !== null) return null; // a panel exists: nothing clashes
	if (leastSlack(solver, problem, c, []) === null) return null; // the pool alone cannot fill the panel
	for (const key of [...kept]) {
		const without = kept.filter((k) => k !== key);
		if (leastSlack(solver, problem, c, without) === null) kept = without;
	}
	let isSmallest = true;
	let solves = 0;
	search: for (let size = 1; size < kept.length; size++) {
		for (const subset of combinations(all, size)) {
			if (++solves > SMALLER_CLASH_SOLVES) {
				isSmallest = false;
				break search;
			}
			if (leastSlack(solver, problem, c, subset) === null) {
				kept = subset;
				break search;
			}
		}
	}
	const bounds: ClashBound[] = kept.map((key) => {
		const i = Number(key.slice(3));
		const quota = problem.quotas[i];
		return { quota, bound: key.startsWith('min') ? 'min' : 'max', value: key.startsWith('min') ? quota.min : quota.max, available: available(c, c.quotaClasses[i]) };
	});
	// The people two bounds share say why they clash; in a clash of many bounds the pairs are noise.
	const overlaps: Overlap[] = [];
	if (bounds.length <= 4) {
		bounds.forEach((x, a) =>
			bounds.forEach((y, b) => {
				if (b <= a || x.quota.category === y.quota.category) return;
				const [ofX, ofY] = [c.quotaClasses[problem.quotas.indexOf(x.quota)], c.quotaClasses[problem.quotas.indexOf(y.quota)]];
				const both = ofX.filter((k) => ofY.includes(k));
				// "Everyone of the minimum is also in the maximum": every person, not only every organization's seat.
				const [ofMin, ofMax] = x.bound === 'min' ? [ofX, ofY] : [ofY, ofX];
				overlaps.push({ a, b, seats: available(c, both), isContained: ofMin.every((k) => ofMax.includes(k)) });
			})
		);
	}
	return { kind: 'clash', bounds, overlaps, panelSize: problem.panelSize, isSmallest };
}

/** For each bound of the clash: the least change of it alone (every other quota as it is) that allows a panel. */
function singleChanges(solver: LpSolver, problem: SelectionProblem, c: Classes, clash: readonly ClashBound[]): Relaxation[] {
	const all = activeBounds(problem);
	return clash.flatMap((b) => {
		const key: BoundKey = `${b.bound}${problem.quotas.indexOf(b.quota)}`;
		const seats = leastSlack(solver, problem, c, all, [key]);
		if (seats === null || seats === 0) return [];
		const to = b.bound === 'min' ? b.value - seats : b.value + seats;
		return [{ quota: b.quota, bound: b.bound, from: b.value, to, seats }];
	});
}

/** An integer program with slack on every quota bound, minimizing the seats of slack. */
function smallestRelaxation(solver: LpSolver, problem: SelectionProblem, c: Classes): Relaxation[] {
	const p = panelProgram(problem, c, true);
	const objective = p.slack.map((v) => [1, v] as const);
	const model = ['Minimize', ` obj: ${expression(objective, 'x0')}`, 'Subject To', ...p.rows, 'Bounds', ...p.bounds, 'General', ` ${p.integers.join(' ')}`, 'End'].join('\n');
	const result = solve(solver, model);
	if (result.Status !== 'Optimal') return [];
	const relaxations: Relaxation[] = [];
	problem.quotas.forEach((quota, i) => {
		const lo = Math.round(primal(result, `lo${i}`));
		const hi = Math.round(primal(result, `hi${i}`));
		if (lo > 0) relaxations.push({ quota, bound: 'min', from: quota.min, to: quota.min - lo, seats: lo });
		if (hi > 0) relaxations.push({ quota, bound: 'max', from: quota.max, to: quota.max + hi, seats: hi });
	});
	return relaxations;
}

/**
 * The clash of two bounds that says itself in one sentence: a minimum of one dimension that only
 * people under another dimension's maximum could fill ("at least 4 women, but every woman is from
 * South-East Asia, where at most 0 seats are allowed").
 */
export function clashPair(clash: Extract<Conflict, { kind: 'clash' }>): { min: ClashBound; max: ClashBound } | null {
	if (clash.bounds.length !== 2 || clash.overlaps.length !== 1 || !clash.overlaps[0].isContained) return null;
	const min = clash.bounds.find((b) => b.bound === 'min');
	const max = clash.bounds.find((b) => b.bound === 'max');
	if (!min || !max || min.value <= max.value) return null;
	return { min, max };
}

/** Every quota a diagnosis names (to label them in the reader's language). */
export function quotasNamed(d: Diagnosis): Quota[] {
	const inConflicts = d.conflicts.flatMap((c) => (c.kind === 'clash' ? c.bounds.map((b) => b.quota) : 'quota' in c ? [c.quota] : []));
	return [...inConflicts, ...d.relaxations.map((r) => r.quota), ...(d.singleChanges ?? []).map((r) => r.quota)];
}
