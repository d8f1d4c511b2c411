// From a distribution over class panels (seats per class) to one over panels of people, exactly.
//
// Within a class panel, one number u in [0, 1) decides who sits: for each group signature with m
// groups, the labels (x₁ copies of class 1, x₂ of class 2, …, then "nobody") are laid around a
// circle and rotated by ⌊u·m⌋, so each group gets a label with probability xᵢ/m and no two classes
// share a group; within a group, the member of the labelled class is the ⌊frac(u·m)·mult⌋-th.
// Every person of class i is then seated with probability xᵢ/size — the class probability — and
// since who sits only changes at finitely many u, the panels of people and their probabilities can
// be listed: at most one per breakpoint, fewer than the pool size per class panel.

import type { Classes } from './problem';
import type { ClassPanel } from './leximin';
import { shuffled } from './random';

/** The people seated by class panel `seats` at position u ∈ [0, 1). */
export function seatedAt(c: Classes, seats: readonly number[], u: number): number[] {
	const members: number[] = [];
	for (const s of c.signatures) {
		const m = s.groups.length;
		const labels: number[] = [];
		for (const k of s.classes) for (let n = 0; n < seats[k]; n++) labels.push(k);
		if (!labels.length) continue;
		const r = Math.min(m - 1, Math.floor(u * m));
		const v = u * m - r;
		for (let j = 0; j < m; j++) {
			const label = labels[(((j + r) % m) + m) % m];
			if (label === undefined) continue; // "nobody" from this group
			const k = c.classes[label];
			const inGroup = k.members[j];
			members.push(inGroup[Math.min(inGroup.length - 1, Math.floor(v * inGroup.length))]);
		}
	}
	return members.sort((a, b) => a - b);
}

/** The points in [0, 1) where who sits can change, for one class panel. */
function breakpoints(c: Classes, seats: readonly number[]): number[] {
	const points = new Set<number>([0]);
	for (const s of c.signatures) {
		const m = s.groups.length;
		const used = s.classes.filter((k) => seats[k] > 0);
		if (!used.length) continue;
		const isFixed = used.length === 1 && seats[used[0]] === m && c.classes[used[0]].members.every((g) => g.length === 1);
		if (isFixed) continue;
		for (let r = 0; r < m; r++) {
			points.add(r / m);
			for (const k of used) {
				const mult = new Set(c.classes[k].members.map((g) => g.length));
				for (const len of mult) for (let t = 1; t < len; t++) points.add((r + t / len) / m);
			}
		}
	}
	return [...points].sort((a, b) => a - b);
}

export interface PeoplePanel {
	probability: number;
	members: number[];
}

/** Every panel of people with its probability; they sum to 1. */
export function peoplePanels(c: Classes, panels: readonly ClassPanel[]): PeoplePanel[] {
	const out: PeoplePanel[] = [];
	for (const p of panels) {
		const points = [...breakpoints(c, p.seats), 1];
		for (let i = 0; i + 1 < points.length; i++) {
			const width = points[i + 1] - points[i];
			if (width <= 0) continue;
			out.push({ probability: p.probability * width, members: seatedAt(c, p.seats, (points[i] + points[i + 1]) / 2) });
		}
	}
	return out;
}

/** One panel of people drawn with a number r ∈ [0, 1): the class panel by its probability, then u. */
export function drawPanel(c: Classes, panels: readonly ClassPanel[], r: number): number[] {
	let start = 0;
	for (const [j, p] of panels.entries()) {
		const isLast = j === panels.length - 1;
		if (r < start + p.probability || isLast) {
			const u = Math.min(1 - 1e-15, Math.max(0, (r - start) / p.probability));
			return seatedAt(c, p.seats, u);
		}
		start += p.probability;
	}
	return [];
}

/**
 * The same classes with groups and members in a seeded random order. Realization seats whole runs
 * of groups in order, so without this, people who registered one after another would tend to be
 * seated together; shuffled, the panels are spread over the pool, with the same probabilities.
 */
export function shuffleClasses(c: Classes, random: () => number): Classes {
	const signatures = c.signatures.map((s) => {
		const order = shuffled(
			s.groups.map((_, j) => j),
			random
		);
		return { s, order };
	});
	const classes = c.classes.map((k) => {
		const { order } = signatures[k.signature];
		return { ...k, members: order.map((j) => shuffled(k.members[j], random)) };
	});
	return {
		classes,
		signatures: signatures.map(({ s, order }) => ({ ...s, groups: order.map((j) => s.groups[j]) })),
		quotaClasses: c.quotaClasses
	};
}
