// A uniform lottery by construction, for pools where every person can have the same chance k/n.
//
// No one's probability can exceed k/n on average (every panel seats k of n), so a distribution in
// which everyone has exactly k/n is LEXIMIN, and no LP is needed to prove it. It is built as a
// systematic sample: the pool is laid out on a circle, and panel u seats the people at positions
// u + ⌊j·n/k⌋ (j = 0…k−1); each position lies in exactly k of the n panels, so the uniform mix of the
// n panels gives everyone exactly k/n. What is left is an order of the pool in which every one of
// the n panels meets every quota: a local search swaps two people while the total shortfall and
// excess over all panels does not grow (min-conflicts). Deterministic (fixed seed, bounded number of
// moves), so a re-run finds the same lottery; when no such order is found in the budget, the
// caller falls back to column generation.
//
// This is the symmetry that classes cannot use when almost every person is a class of one (many
// dimensions): there the column generation needs about as many panels as people and creeps; here
// the panels come from the layout.

import { panelProblems, type SelectionProblem } from './problem';
import { seededRandom } from './random';

export interface UniformLottery {
	/** n panels, each the pool indexes it seats; each has probability 1/n. */
	panels: number[][];
	moves: number;
}

/** Whether a uniform lottery can exist at all: every quota admits k/n of its people on average, and no group holds two. */
export function isUniformPossible(problem: SelectionProblem): boolean {
	const n = problem.people.length;
	const k = problem.panelSize;
	if (k <= 0 || k >= n) return false;
	const groups = new Set<string>();
	for (const p of problem.people) {
		const g = p.group?.trim();
		if (!g) continue;
		if (groups.has(g)) return false; // one per group: the layout does not keep groups apart
		groups.add(g);
	}
	return problem.quotas.every((q) => {
		const share = (problem.people.filter((p) => p.features[q.category] === q.feature).length * k) / n;
		return share >= q.min - 1e-9 && share <= q.max + 1e-9;
	});
}

/**
 * An order of the pool whose n systematic panels all meet every quota, or null when none was found
 * within `maxMoves` swaps (or the search stalled). `checkTime` is called now and then with the
 * swaps so far (it may throw).
 */
export function uniformLottery(problem: SelectionProblem, options: { maxMoves?: number; checkTime?: (moves: number) => void } = {}): UniformLottery | null {
	if (!isUniformPossible(problem)) return null;
	const n = problem.people.length;
	const k = problem.panelSize;
	const Q = problem.quotas.length;
	// A swap costs about k panel updates: the budget bounds the work (the 1,727-person sf_e-shaped
	// pool of issue 19 needs ~50 million updates), and is a count, not a clock, so that which method
	// ran — and so the lottery — does not depend on the machine.
	const maxMoves = options.maxMoves ?? Math.min(3_000_000, Math.floor(150_000_000 / k));
	const stallMoves = Math.max(50_000, 50 * n); // no new best for this long: give up
	const random = seededRandom('uniform lottery');
	const offsets = Array.from({ length: k }, (_, j) => Math.floor((j * n) / k));
	const quotasOf = problem.people.map((p) => problem.quotas.flatMap((q, i) => (p.features[q.category] === q.feature ? [i] : [])));
	const has = problem.people.map((_, a) => {
		const m = new Uint8Array(Q);
		for (const q of quotasOf[a]) m[q] = 1;
		return m;
	});
	const mins = problem.quotas.map((q) => q.min);
	const maxs = problem.quotas.map((q) => q.max);
	const cost = (q: number, count: number) => (count < mins[q] ? mins[q] - count : count > maxs[q] ? count - maxs[q] : 0);

	// The order, and per panel the count of each quota's people and its violation.
	const order = Array.from({ length: n }, (_, i) => i);
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[order[i], order[j]] = [order[j], order[i]];
	}
	const count = new Int32Array(n * Q);
	for (let u = 0; u < n; u++) for (const o of offsets) for (const q of quotasOf[order[(u + o) % n]]) count[u * Q + q]++;
	const violationOf = (u: number) => {
		let v = 0;
		for (let q = 0; q < Q; q++) v += cost(q, count[u * Q + q]);
		return v;
	};
	const violation = new Int32Array(n);
	let total = 0;
	for (let u = 0; u < n; u++) total += violation[u] = violationOf(u);

	// Panel u' containing position p: u' = p − offsetⱼ (mod n). A swap of the people at p and r
	// changes the panels holding one of them, not those holding both.
	const stamp = new Int32Array(n);
	let epoch = 0;
	const change = (u: number, leaving: number, entering: number, isDry: boolean) => {
		let delta = 0;
		for (const q of quotasOf[leaving])
			if (!has[entering][q]) {
				const c = count[u * Q + q];
				delta += cost(q, c - 1) - cost(q, c);
				if (!isDry) count[u * Q + q] = c - 1;
			}
		for (const q of quotasOf[entering])
			if (!has[leaving][q]) {
				const c = count[u * Q + q];
				delta += cost(q, c + 1) - cost(q, c);
				if (!isDry) count[u * Q + q] = c + 1;
			}
		return delta;
	};
	let moves = 0;
	let best = total;
	let bestAt = 0;
	for (; total > 0; moves++) {
		if (moves >= maxMoves || moves - bestAt > stallMoves) return null;
		if (moves % 20_000 === 0) options.checkTime?.(moves);
		// A panel that breaks a quota, one quota it breaks, one of its people who adds to the breach,
		// and someone elsewhere who does not.
		let u = Math.floor(random() * n);
		while (violation[u] === 0) u = (u + 1) % n;
		let broken = -1;
		for (let q = 0; q < Q; q++) if (cost(q, count[u * Q + q]) > 0 && (broken < 0 || random() < 0.5)) broken = q;
		const isOver = count[u * Q + broken] > maxs[broken];
		let p = -1;
		for (let t = 0; t < 4 * k && p < 0; t++) {
			const candidate = (u + offsets[Math.floor(random() * k)]) % n;
			if (has[order[candidate]][broken] === (isOver ? 1 : 0)) p = candidate;
		}
		let r = -1;
		for (let t = 0; t < 200 && p >= 0 && r < 0; t++) {
			const candidate = Math.floor(random() * n);
			if (has[order[candidate]][broken] === (isOver ? 0 : 1)) r = candidate;
		}
		if (p < 0 || r < 0) continue;
		const a = order[p];
		const b = order[r];
		epoch++;
		for (const o of offsets) stamp[(p - o + n) % n] = epoch;
		const shared: number[] = [];
		for (const o of offsets) if (stamp[(r - o + n) % n] === epoch) shared.push((r - o + n) % n);
		epoch++;
		for (const w of shared) stamp[w] = epoch;
		// The panels that change: those of p lose a and gain b, those of r the reverse.
		const eachChanged = (visit: (u: number, leaving: number, entering: number) => void) => {
			for (const o of offsets) {
				const up = (p - o + n) % n;
				if (stamp[up] !== epoch) visit(up, a, b);
				const ur = (r - o + n) % n;
				if (stamp[ur] !== epoch) visit(ur, b, a);
			}
		};
		let delta = 0;
		eachChanged((w, leaving, entering) => (delta += change(w, leaving, entering, true)));
		if (delta > 0) continue;
		eachChanged((w, leaving, entering) => {
			change(w, leaving, entering, false);
			total -= violation[w];
			total += violation[w] = violationOf(w);
		});
		order[p] = b;
		order[r] = a;
		if (total < best) {
			best = total;
			bestAt = moves;
		}
	}
	const panels = Array.from({ length: n }, (_, u) => offsets.map((o) => order[(u + o) % n]));
	// Checked whole, independently of the counts the search kept.
	if (panels.some((members) => panelProblems(problem, members).length > 0)) return null;
	return { panels, moves };
}
