import { beforeAll, describe, expect, it } from 'vitest';
import highsLoader from 'highs';
import { leximin, InfeasibleQuotas, SelectionTimeLimit } from './leximin';
import { isUniformPossible, uniformLottery } from './uniform';
import { panelProblems, type Person, type Quota, type SelectionProblem } from './problem';
import { drawPanel, peoplePanels, shuffleClasses } from './realize';
import { seededRandom } from './random';
import { diagnose } from './infeasibility';
import { replacementFor, waitingList } from './waiting-list';
import { deriveQuotas, seatsForShare } from './quotas';
import { parseQuotaForm } from './quota-form';
import type { LpSolver } from './solver';

let highs: LpSolver;
beforeAll(async () => {
	highs = (await highsLoader()) as unknown as LpSolver;
});

// ---------------------------------------------------------------------------------------------
// Brute force, independent of the solver's method: every feasible panel of people, then LEXIMIN by
// LPs over all of them, deciding who is tight by maximizing each person's probability in turn.
// ---------------------------------------------------------------------------------------------

function allPanels(problem: SelectionProblem): number[][] {
	const n = problem.people.length;
	const out: number[][] = [];
	const pick = (start: number, chosen: number[]) => {
		if (chosen.length === problem.panelSize) {
			if (panelProblems(problem, chosen).length === 0) out.push([...chosen]);
			return;
		}
		for (let i = start; i < n; i++) pick(i + 1, [...chosen, i]);
	};
	pick(0, []);
	return out;
}

function lp(rows: string[], objective: string, sense: 'Maximize' | 'Minimize' = 'Maximize') {
	const r = highs.solve([sense, ` obj: ${objective}`, 'Subject To', ...rows, 'End'].join('\n'), { output_flag: false });
	if (r.Status !== 'Optimal') throw new Error(r.Status);
	return r.ObjectiveValue;
}

function bruteForceLeximin(problem: SelectionProblem): number[] {
	const panels = allPanels(problem);
	const n = problem.people.length;
	const prob = (i: number) => panels.flatMap((p, j) => (p.includes(i) ? [`l${j}`] : [])).join(' + ') || '0 l0';
	const fixed = new Map<number, number>();
	const base = () => {
		const rows = [` sum: ${panels.map((_, j) => `l${j}`).join(' + ')} = 1`];
		for (const [i, f] of fixed) rows.push(` f${i}: ${prob(i)} >= ${f - 1e-9}`);
		return rows;
	};
	while (fixed.size < n) {
		const unfixed = [...Array(n).keys()].filter((i) => !fixed.has(i));
		const rows = base();
		for (const i of unfixed) rows.push(` u${i}: ${prob(i)} - z >= 0`);
		const z = lp(rows, 'z');
		let isAnyFixed = false;
		for (const i of unfixed) {
			const rows2 = base();
			for (const j of unfixed) rows2.push(` u${j}: ${prob(j)} >= ${z - 1e-9}`);
			if (lp(rows2, prob(i)) <= z + 1e-7) {
				fixed.set(i, z);
				isAnyFixed = true;
			}
		}
		if (!isAnyFixed) throw new Error('no progress');
	}
	return [...Array(n).keys()].map((i) => fixed.get(i)!);
}

function randomInstance(seed: string): SelectionProblem {
	const random = seededRandom(seed);
	const int = (a: number, b: number) => a + Math.floor(random() * (b - a + 1));
	const n = int(6, 9);
	const people: Person[] = Array.from({ length: n }, () => ({
		features: { gender: random() < 0.5 ? 'woman' : 'man', region: ['north', 'south', 'east'][int(0, 2)] },
		group: random() < 0.4 ? `org${int(1, 3)}` : null
	}));
	const panelSize = int(2, 4);
	const quotas: Quota[] = [
		{ category: 'gender', feature: 'woman', min: int(0, 2), max: int(2, 4) },
		{ category: 'gender', feature: 'man', min: int(0, 1), max: int(1, 4) },
		{ category: 'region', feature: 'north', min: int(0, 1), max: int(1, 3) },
		{ category: 'region', feature: 'south', min: 0, max: int(1, 3) },
		{ category: 'region', feature: 'east', min: int(0, 1), max: 4 }
	];
	return { people, quotas, panelSize };
}

describe('LEXIMIN against brute force on tiny instances', () => {
	const seeds = Array.from({ length: 24 }, (_, i) => `tiny-${i}`);
	it.each(seeds)('instance %s: same probabilities as enumerating every panel, or infeasible on both sides', (seed) => {
		const problem = randomInstance(seed);
		const feasible = allPanels(problem);
		if (feasible.length === 0) {
			expect(() => leximin(highs, problem)).toThrow(InfeasibleQuotas);
			expect(diagnose(highs, problem).conflicts.length + diagnose(highs, problem).relaxations.length).toBeGreaterThan(0);
			return;
		}
		const result = leximin(highs, problem);
		const expected = bruteForceLeximin(problem);
		for (const [i, p] of result.probabilities.entries()) expect(p).toBeCloseTo(expected[i], 6);
		// Stage by stage, without the relaxation's shortcut: the same.
		const staged = leximin(highs, problem, undefined, { isRelaxationTried: false });
		for (const [i, p] of staged.probabilities.entries()) expect(p).toBeCloseTo(expected[i], 6);
		expect(result.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(problem.panelSize, 9);

		// The panels of people: each satisfies every rule, they sum to 1 and give the same marginals.
		const panels = peoplePanels(result.classes, result.panels);
		expect(panels.reduce((s, p) => s + p.probability, 0)).toBeCloseTo(1, 9);
		const marginals = new Array(problem.people.length).fill(0);
		for (const p of panels) {
			expect(panelProblems(problem, p.members)).toEqual([]);
			for (const i of p.members) marginals[i] += p.probability;
		}
		for (const [i, p] of result.probabilities.entries()) expect(marginals[i]).toBeCloseTo(p, 9);

		// Shuffling the order within classes changes which panels, not the probabilities.
		const shuffledPanels = peoplePanels(shuffleClasses(result.classes, seededRandom(seed)), result.panels);
		const again = new Array(problem.people.length).fill(0);
		for (const p of shuffledPanels) {
			expect(panelProblems(problem, p.members)).toEqual([]);
			for (const i of p.members) again[i] += p.probability;
		}
		for (const [i, p] of result.probabilities.entries()) expect(again[i]).toBeCloseTo(p, 9);
	});

	it('covers instances that are feasible, with groups, and infeasible', () => {
		const problems = seeds.map(randomInstance);
		const feasible = problems.filter((p) => allPanels(p).length > 0);
		expect(feasible.length).toBeGreaterThan(10);
		expect(feasible.some((p) => new Set(p.people.map((x) => x.group).filter(Boolean)).size < p.people.filter((x) => x.group).length)).toBe(true);
		expect(problems.length - feasible.length).toBeGreaterThan(0);
		// Every method is checked: the uniform layout, the relaxation reached by a mix of panels, and
		// stage by stage where no mix reaches the relaxation.
		const methods = new Set(feasible.map((p) => leximin(highs, p).method));
		expect([...methods].sort()).toEqual(['layout', 'relaxation', 'stages']);
	});
});

describe('the relaxation shortcut', () => {
	it('falls back to the stages when the solver fails in it, and handles a panel of 0', () => {
		const problem = randomInstance('tiny-3');
		const expected = leximin(highs, problem, undefined, { isRelaxationTried: false });
		let models = 0;
		const failingFirst = {
			solve: highs.solve.bind(highs),
			constants: highs.constants,
			createModel: () => {
				if (models++ === 0) throw new Error('solver failure');
				return highs.createModel();
			}
		};
		const result = leximin(failingFirst, problem);
		expect(models).toBeGreaterThan(1);
		expect(result.method).toBe('stages');
		for (const [i, p] of result.probabilities.entries()) expect(p).toBeCloseTo(expected.probabilities[i], 9);

		const none = leximin(highs, { people: [{ features: { g: 'a' } }, { features: { g: 'a' } }, { features: { g: 'b' } }], quotas: [], panelSize: 0 });
		expect(none.probabilities).toEqual([0, 0, 0]);
	});
});

// A pool with many dimensions where almost everyone is a class of one, quotas within a seat of
// proportional: the shape where column generation creeps and the layout of uniform.ts finishes.
function manyDimensions(n: number, k: number, seed: string): SelectionProblem {
	const random = seededRandom(seed);
	const sizes = [2, 3, 4, 5, 6, 4, 3];
	const people: Person[] = Array.from({ length: n }, () => ({ features: Object.fromEntries(sizes.map((m, d) => [`d${d}`, `v${Math.floor(random() * m)}`])) }));
	const quotas: Quota[] = sizes.flatMap((m, d) =>
		Array.from({ length: m }, (_, v) => {
			const share = (people.filter((p) => p.features[`d${d}`] === `v${v}`).length * k) / n;
			return { category: `d${d}`, feature: `v${v}`, min: Math.max(0, Math.floor(share) - 1), max: Math.ceil(share) + 1 };
		})
	);
	return { people, quotas, panelSize: k };
}

describe('uniform lottery by layout', () => {
	it('gives everyone exactly k/n with panels that each meet every quota, the same on every run', () => {
		const problem = manyDimensions(500, 40, 'layout');
		const result = leximin(highs, problem);
		expect(result.panelSearches).toBe(0);
		expect(result.classes.classes.length).toBeGreaterThan(400); // nearly everyone a class of one
		for (const p of result.probabilities) expect(p).toBeCloseTo(40 / 500, 12);
		const panels = peoplePanels(result.classes, result.panels);
		expect(panels.reduce((s, p) => s + p.probability, 0)).toBeCloseTo(1, 12);
		for (const p of panels) expect(panelProblems(problem, p.members)).toEqual([]);
		expect(JSON.stringify(leximin(highs, problem).panels)).toBe(JSON.stringify(result.panels));
	});

	it('is not tried when a quota or a group rules out equal chances, and gives up within its budget', () => {
		const problem = manyDimensions(300, 30, 'layout-2');
		expect(isUniformPossible(problem)).toBe(true);
		// A minimum above the quota's proportional share: some must have more than k/n.
		const share = (problem.people.filter((p) => p.features.d0 === 'v0').length * 30) / 300;
		const above = { ...problem, quotas: problem.quotas.map((q) => (q.category === 'd0' && q.feature === 'v0' ? { ...q, min: Math.floor(share) + 2, max: 30 } : q)) };
		expect(isUniformPossible(above)).toBe(false);
		const grouped = { ...problem, people: problem.people.map((p, i) => ({ ...p, group: i < 2 ? 'same-org' : null })) };
		expect(isUniformPossible(grouped)).toBe(false);
		expect(uniformLottery(problem, { maxMoves: 10 })).toBeNull();
		// Without the layout, column generation reaches the same k/n.
		const result = leximin(highs, grouped);
		expect(result.panelSearches).toBeGreaterThan(0);
		expect(result.minProbability).toBeLessThanOrEqual(30 / 300 + 1e-9);
	});

	it('stops at the time limit while searching the layout', () => {
		const seen: number[] = [];
		expect(() =>
			uniformLottery(manyDimensions(500, 40, 'layout'), {
				checkTime: (moves) => {
					seen.push(moves);
					throw new SelectionTimeLimit(1);
				}
			})
		).toThrow(SelectionTimeLimit);
		expect(seen).toEqual([0]);
		expect(() => leximin(highs, manyDimensions(500, 40, 'layout'), undefined, { timeLimitSeconds: 1e-6 })).toThrow(SelectionTimeLimit);
	});
});

describe('symmetry and groups', () => {
	it('gives interchangeable people equal probabilities and keeps one person per group', () => {
		// Four women in one organization and four men alone; 2 seats, at least one woman.
		const people: Person[] = [
			...Array.from({ length: 4 }, () => ({ features: { gender: 'woman' }, group: 'org-a' })),
			...Array.from({ length: 4 }, () => ({ features: { gender: 'man' } }))
		];
		const problem = { people, quotas: [{ category: 'gender', feature: 'woman', min: 1, max: 2 }], panelSize: 2 };
		const result = leximin(highs, problem);
		// Exactly one woman (one per organization) and one man in every panel.
		expect(result.probabilities.slice(0, 4).every((p) => Math.abs(p - 0.25) < 1e-9)).toBe(true);
		expect(result.probabilities.slice(4).every((p) => Math.abs(p - 0.25) < 1e-9)).toBe(true);
		expect(result.classes.classes).toHaveLength(2);
	});

	it('draws the same panel from the same seed, and draws from the distribution', () => {
		const problem = randomInstance('tiny-3');
		const result = leximin(highs, problem);
		const a = drawPanel(result.classes, result.panels, seededRandom('seed-1')());
		const b = drawPanel(result.classes, result.panels, seededRandom('seed-1')());
		expect(a).toEqual(b);
		expect(panelProblems(problem, a)).toEqual([]);
		// Over many seeds, each person is drawn about as often as their probability says.
		const counts = new Array(problem.people.length).fill(0);
		const runs = 4000;
		for (let s = 0; s < runs; s++) for (const i of drawPanel(result.classes, result.panels, seededRandom(`s${s}`)())) counts[i]++;
		for (const [i, p] of result.probabilities.entries()) expect(Math.abs(counts[i] / runs - p)).toBeLessThan(0.04);
	});
});

describe('infeasible quotas', () => {
	const people: Person[] = [
		...Array.from({ length: 3 }, () => ({ features: { gender: 'woman', region: 'north' } })),
		...Array.from({ length: 7 }, () => ({ features: { gender: 'man', region: 'south' } }))
	];
	it('names a quota that asks for more people than registered, and the smallest relaxation', () => {
		const quotas = [
			{ category: 'gender', feature: 'woman', min: 5, max: 6 },
			{ category: 'gender', feature: 'man', min: 0, max: 6 }
		];
		const problem = { people, quotas, panelSize: 8 };
		expect(() => leximin(highs, problem)).toThrow(InfeasibleQuotas);
		const d = diagnose(highs, problem);
		expect(d.conflicts).toContainEqual({ kind: 'too-few-people', quota: quotas[0], available: 3 });
		expect(d.relaxations.reduce((s, r) => s + r.seats, 0)).toBe(2);
		// Two seats of change: women's minimum 5 → 3 and men's maximum 6 → 5 — or the other way round.
		expect(d.relaxations).toEqual(expect.arrayContaining([expect.objectContaining({ bound: 'min', from: 5, to: 3 })]));
	});

	it('reports minimums that add up to more than the panel, and a pool smaller than the panel', () => {
		const quotas = [
			{ category: 'gender', feature: 'woman', min: 3, max: 3 },
			{ category: 'gender', feature: 'man', min: 4, max: 7 }
		];
		expect(diagnose(highs, { people, quotas, panelSize: 6 }).conflicts).toContainEqual({ kind: 'minimums-exceed-panel', category: 'gender', total: 7, panelSize: 6 });
		expect(diagnose(highs, { people, quotas: [], panelSize: 11 })).toEqual({ conflicts: [{ kind: 'pool-too-small', available: 10, panelSize: 11 }], relaxations: [] });
	});
});

describe('waiting list', () => {
	it('orders first those who can replace someone, and replaces a decliner without breaking a quota', () => {
		const people: Person[] = [
			{ features: { gender: 'woman' } },
			{ features: { gender: 'woman' } },
			{ features: { gender: 'man' } },
			{ features: { gender: 'man' } },
			{ features: { gender: 'woman' }, group: 'org' },
			{ features: { gender: 'woman' }, group: 'org' }
		];
		const problem = { people, quotas: [{ category: 'gender', feature: 'woman', min: 2, max: 2 }], panelSize: 3 };
		const panel = [0, 2, 4]; // two women (one from org), one man
		const list = waitingList(problem, panel, seededRandom('w'));
		expect(list.map((e) => e.person).sort()).toEqual([1, 3, 5]);
		const man = list.find((e) => e.person === 3)!;
		expect(man.canReplace).toEqual([2]);
		const colleague = list.find((e) => e.person === 5)!;
		expect(colleague.canReplace).toEqual([4]); // replaces her colleague only: one per organization
		expect(replacementFor(problem, panel, 0, list.map((e) => e.person))).toBe(1);
		expect(replacementFor(problem, panel, 2, list.map((e) => e.person))).toBe(3);
	});
});

describe('quotas from targets', () => {
	it('turns shares into seats and rules into minimums, leaving visible any target nobody can meet', () => {
		expect(seatsForShare(40, 20)).toBe(8);
		expect(seatsForShare(40, 21)).toBe(9);
		const quotas = deriveQuotas(
			[
				{ category: 'gender', counts: { woman: 12, man: 15 } },
				{ category: 'subregion', counts: { pacific: 3, 'south-east-asia': 20 } },
				{ category: 'category', counts: { academia: 1, 'trade-unions': 9 } }
			],
			{ panelSize: 10, targets: { gender: { woman: 40, 'non-binary': 5 } }, eachAtLeast: { subregion: 2 }, everyPresent: ['category'] }
		);
		expect(quotas).toEqual([
			{ category: 'gender', feature: 'man', min: 0, max: 10 },
			{ category: 'gender', feature: 'non-binary', min: 1, max: 0 },
			{ category: 'gender', feature: 'woman', min: 4, max: 10 },
			{ category: 'subregion', feature: 'pacific', min: 2, max: 3 },
			{ category: 'subregion', feature: 'south-east-asia', min: 2, max: 10 },
			{ category: 'category', feature: 'academia', min: 1, max: 1 },
			{ category: 'category', feature: 'trade-unions', min: 1, max: 9 }
		]);
	});
});

describe('quota form', () => {
	const known = { gender: ['woman', 'man'], subregion: ['pacific'] };
	it('reads rows with a min, a max or both, and skips empty rows', () => {
		const result = parseQuotaForm(
			[
				['panelSize', '10'],
				['seed', 'abc-123'],
				['quota.gender.woman.min', '4'],
				['quota.gender.woman.max', ''],
				['quota.gender.man.min', ''],
				['quota.gender.man.max', ''],
				['quota.subregion.pacific.min', '1'],
				['quota.subregion.pacific.max', '3']
			],
			known,
			30
		);
		expect(result).toEqual({ ok: true, form: { panelSize: 10, seed: 'abc-123', quotas: [{ category: 'gender', feature: 'woman', min: 4, max: 10 }, { category: 'subregion', feature: 'pacific', min: 1, max: 3 }] } });
	});
	it('says what is wrong with each field', () => {
		const result = parseQuotaForm(
			[
				['panelSize', '40'],
				['seed', 'no spaces'],
				['quota.gender.woman.min', '5'],
				['quota.gender.woman.max', '2'],
				['quota.gender.man.min', 'x'],
				['quota.gender.robot.min', '1']
			],
			known,
			30
		);
		expect(result).toEqual({ ok: false, errors: { panelSize: 'panel-size-range', seed: 'seed-invalid', 'quota.gender.woman.min': 'min-above-max', 'quota.gender.man.min': 'whole-number', 'quota.gender.robot.min': 'invalid' } });
	});
});
