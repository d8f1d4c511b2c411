// When no panel satisfies the quotas: which quotas conflict, by how many seats, and the smallest
// relaxation that makes a panel possible — never a bare solver error.

import { buildClasses, type Classes, type Quota, type SelectionProblem } from './problem';
import { panelProgram } from './leximin';
import { expression, primal, solve, type LpSolver } from './solver';

export type Conflict =
	| { kind: 'pool-too-small'; available: number; panelSize: number }
	| { kind: 'too-few-people'; quota: Quota; available: number }
	| { kind: 'minimums-exceed-panel'; category: string; total: number; panelSize: number }
	| { kind: 'maximums-below-panel'; category: string; total: number; panelSize: number }
	| { kind: 'min-above-max'; quota: Quota };

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
	return { conflicts, relaxations: smallestRelaxation(solver, problem, c) };
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
