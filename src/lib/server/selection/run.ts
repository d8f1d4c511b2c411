// One selection, from a problem and a seed to everything Convene records and shows: LEXIMIN
// probabilities, the distribution (and its hash, so anyone can re-run it), the drawn panel and the
// waiting list — or, when no panel satisfies the quotas, the diagnosis. Runs in the selection
// worker (and in the CLI); HiGHS is loaded here.
import { createHash } from 'node:crypto';
import highsLoader from 'highs';
import { leximin, InfeasibleQuotas, type Progress } from '../../domain/selection/leximin';
import { clashPair, diagnose, type Diagnosis } from '../../domain/selection/infeasibility';
import { drawPanel, shuffleClasses } from '../../domain/selection/realize';
import { seededRandom } from '../../domain/selection/random';
import { waitingList, type WaitingEntry } from '../../domain/selection/waiting-list';
import type { Classes, SelectionProblem } from '../../domain/selection/problem';
import type { ClassPanel } from '../../domain/selection/leximin';
import type { LpSolver } from '../../domain/selection/solver';
import { SELECTION_TIME_LIMIT_SECONDS } from './time-limit';

export type SelectionOutcome =
	| {
			ok: true;
			seed: string;
			minProbability: number;
			probabilities: number[];
			/** Classes of interchangeable people (pool indexes per class) and panels as seats per class. */
			distribution: { classes: number[][][]; panels: ClassPanel[] };
			distributionHash: string;
			drawn: number[];
			waitingList: WaitingEntry[];
			classes: Classes;
			stats: { classes: number; stages: number; panelSearches: number; seconds: number };
	  }
	| { ok: false; reason: 'infeasible'; diagnosis: Diagnosis };

let solver: Promise<LpSolver> | null = null;
export function loadSolver(): Promise<LpSolver> {
	solver ??= highsLoader().then((h) => h as unknown as LpSolver);
	return solver;
}

/** The distribution as canonical JSON: what the hash is taken of and what a re-run must reproduce. */
export function canonicalDistribution(classes: Classes, panels: readonly ClassPanel[]): { classes: number[][][]; panels: ClassPanel[] } {
	return { classes: classes.classes.map((k) => k.members), panels: panels.map((p) => ({ seats: p.seats, probability: p.probability })) };
}

export function hashDistribution(distribution: { classes: number[][][]; panels: ClassPanel[] }): string {
	return createHash('sha256').update(JSON.stringify(distribution)).digest('hex');
}

export async function runSelection(problem: SelectionProblem, seed: string, onProgress?: (p: Progress) => void, timeLimitSeconds = SELECTION_TIME_LIMIT_SECONDS): Promise<SelectionOutcome> {
	const highs = await loadSolver();
	const started = performance.now();
	let result;
	try {
		result = leximin(highs, problem, onProgress, { timeLimitSeconds });
	} catch (error) {
		if (error instanceof InfeasibleQuotas) return { ok: false, reason: 'infeasible', diagnosis: diagnose(highs, problem) };
		throw error;
	}
	const random = seededRandom(seed);
	const classes = shuffleClasses(result.classes, random);
	const drawn = drawPanel(classes, result.panels, random());
	const distribution = canonicalDistribution(classes, result.panels);
	return {
		ok: true,
		seed,
		minProbability: result.minProbability,
		probabilities: result.probabilities,
		distribution,
		distributionHash: hashDistribution(distribution),
		drawn,
		waitingList: waitingList(problem, drawn, random),
		classes,
		stats: { classes: result.classes.classes.length, stages: result.stages, panelSearches: result.panelSearches, seconds: (performance.now() - started) / 1000 }
	};
}

/** The diagnosis in plain English, one line each (the CLI; the web page says it in the reader's language). */
export function describeDiagnosis(d: Diagnosis): string[] {
	const q = (x: { category: string; feature: string }) => `${x.category} = ${x.feature}`;
	const lines = d.conflicts.map((c) => {
		switch (c.kind) {
			case 'pool-too-small':
				return `The pool can fill ${c.available} seats (one per group), fewer than the panel of ${c.panelSize}.`;
			case 'too-few-people':
				return `${q(c.quota)} needs at least ${c.quota.min} seats, but only ${c.available} can be filled (${c.quota.min - c.available} short).`;
			case 'minimums-exceed-panel':
				return `The minimums of ${c.category} add up to ${c.total} seats, ${c.total - c.panelSize} more than the panel of ${c.panelSize}.`;
			case 'maximums-below-panel':
				return `The maximums of ${c.category} add up to ${c.total} seats, ${c.panelSize - c.total} fewer than the panel of ${c.panelSize}.`;
			case 'min-above-max':
				return `${q(c.quota)} has a minimum (${c.quota.min}) above its maximum (${c.quota.max}).`;
			case 'clash': {
				const pair = clashPair(c);
				if (pair) return `${q(pair.min.quota)} needs at least ${pair.min.value} seats, but everyone who could fill them is also ${q(pair.max.quota)}, where at most ${pair.max.value} seats are allowed.`;
				const bounds = c.bounds.map((b) => `  ${q(b.quota)}: ${b.bound === 'min' ? 'at least' : 'at most'} ${b.value} seats, and its people can fill ${b.available}`);
				const overlaps = c.overlaps.map((o) => `  ${q(c.bounds[o.a].quota)} and ${q(c.bounds[o.b].quota)}: people who are both can fill ${o.seats} seats`);
				return ['These quotas cannot hold together, and none of them can be left out of the clash:', ...bounds, ...overlaps].join('\n');
			}
		}
	});
	if (d.singleChanges?.length) {
		lines.push('Each of these changes alone makes a panel possible:');
		for (const r of d.singleChanges) lines.push(`  ${q(r.quota)}: ${r.bound === 'min' ? 'lower the minimum' : 'raise the maximum'} from ${r.from} to ${r.to}`);
	} else if (d.singleChanges && d.conflicts.some((c) => c.kind === 'clash')) lines.push('No change to a single quota makes a panel possible; the smallest change over several quotas is below.');
	if (d.relaxations.length) {
		const seats = d.relaxations.reduce((s, r) => s + r.seats, 0);
		lines.push(`Smallest change that allows a panel (${seats} seat${seats === 1 ? '' : 's'}):`);
		for (const r of d.relaxations) lines.push(`  ${q(r.quota)}: ${r.bound} ${r.from} → ${r.to}`);
	}
	return lines;
}

/** The outcome without its classes: what is sent from the worker and stored (the distribution holds the members). */
export function withoutClasses(outcome: SelectionOutcome) {
	if (!outcome.ok) return outcome;
	const { classes: _classes, ...rest } = outcome;
	return rest;
}
