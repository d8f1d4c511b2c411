// The waiting list after a draw: everyone not drawn, in a seeded random order, those who could
// replace at least one panel member first. When a member declines, the replacement is the first on
// the list whose swap keeps every quota and the one-per-group rule — so the panel stays balanced.

import type { SelectionProblem } from './problem';
import { shuffled } from './random';

export interface WaitingEntry {
	person: number;
	/** Panel members (pool indexes) this person could replace without breaking a rule. */
	canReplace: number[];
}

/** Checks swaps against one panel in time proportional to the number of quotas. */
export class SwapChecker {
	private readonly counts: number[];
	private readonly groups = new Map<string, number>();
	constructor(
		private readonly problem: SelectionProblem,
		private readonly panel: readonly number[]
	) {
		this.counts = problem.quotas.map((q) => panel.filter((i) => problem.people[i].features[q.category] === q.feature).length);
		for (const i of panel) {
			const g = problem.people[i].group?.trim();
			if (g) this.groups.set(g, (this.groups.get(g) ?? 0) + 1);
		}
	}

	canSwap(leaving: number, entering: number): boolean {
		const { problem } = this;
		if (this.panel.includes(entering)) return false;
		const group = problem.people[entering].group?.trim();
		if (group) {
			const same = problem.people[leaving].group?.trim() === group ? 1 : 0;
			if ((this.groups.get(group) ?? 0) - same > 0) return false;
		}
		return problem.quotas.every((q, i) => {
			const n = this.counts[i] - (problem.people[leaving].features[q.category] === q.feature ? 1 : 0) + (problem.people[entering].features[q.category] === q.feature ? 1 : 0);
			return n >= q.min && n <= q.max;
		});
	}
}

export function waitingList(problem: SelectionProblem, panel: readonly number[], random: () => number): WaitingEntry[] {
	const seated = new Set(panel);
	const checker = new SwapChecker(problem, panel);
	const others = shuffled(
		problem.people.map((_, i) => i).filter((i) => !seated.has(i)),
		random
	);
	const entries = others.map((person) => ({ person, canReplace: panel.filter((member) => checker.canSwap(member, person)) }));
	return [...entries.filter((e) => e.canReplace.length > 0), ...entries.filter((e) => e.canReplace.length === 0)];
}

/** The first person on the list who can take the place of `leaving` in the current panel. */
export function replacementFor(problem: SelectionProblem, panel: readonly number[], leaving: number, list: readonly number[]): number | null {
	const checker = new SwapChecker(problem, panel);
	return list.find((person) => checker.canSwap(leaving, person)) ?? null;
}
