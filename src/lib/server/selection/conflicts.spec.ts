import { beforeAll, describe, expect, it } from 'vitest';
import highsLoader from 'highs';
import { leximin, InfeasibleQuotas } from '../../domain/selection/leximin';
import { clashPair, diagnose, type Conflict } from '../../domain/selection/infeasibility';
import type { Person, Quota } from '../../domain/selection/problem';
import type { LpSolver } from '../../domain/selection/solver';
import { describeDiagnosis } from './run';

let highs: LpSolver;
beforeAll(async () => {
	highs = (await highsLoader()) as unknown as LpSolver;
});

const many = (n: number, features: Record<string, string>, group?: (i: number) => string): Person[] => Array.from({ length: n }, (_, i) => ({ features, group: group?.(i) ?? null }));
const q = (category: string, feature: string, min: number, max: number): Quota => ({ category, feature, min, max });
const clashOf = (conflicts: Conflict[]) => conflicts.find((c): c is Extract<Conflict, { kind: 'clash' }> => c.kind === 'clash');
const single = (d: ReturnType<typeof diagnose>) => (d.singleChanges ?? []).map((r) => `${r.quota.feature} ${r.bound} ${r.from}→${r.to}`).sort();

describe('conflicts explained: a smallest set of quotas that cannot hold together, and each single change that makes a panel possible', () => {
	it('a minimum only reachable through another dimension’s forbidden value: every woman is from South-East Asia, which may have no seat', () => {
		const people = [...many(5, { gender: 'woman', subregion: 'SEA' }), ...many(8, { gender: 'man', subregion: 'PAC' }), ...many(3, { gender: 'man', subregion: 'SEA' })];
		const quotas = [q('gender', 'woman', 4, 6), q('gender', 'man', 0, 6), q('subregion', 'SEA', 0, 0), q('subregion', 'PAC', 0, 6)];
		const problem = { people, quotas, panelSize: 6 };
		expect(() => leximin(highs, problem)).toThrow(InfeasibleQuotas);
		const d = diagnose(highs, problem);
		const clash = clashOf(d.conflicts)!;
		expect(clash.bounds.map((b) => [b.quota.feature, b.bound, b.value, b.available])).toEqual([
			['woman', 'min', 4, 5],
			['SEA', 'max', 0, 8]
		]);
		expect(clash.overlaps).toEqual([{ a: 0, b: 1, seats: 5, isContained: true }]);
		expect(clashPair(clash)).not.toBeNull();
		expect(single(d)).toEqual(['SEA max 0→4', 'woman min 4→0']);
		const words = describeDiagnosis(d).join('\n');
		expect(words).toContain('gender = woman needs at least 4 seats, but everyone who could fill them is also subregion = SEA, where at most 0 seats are allowed.');
		expect(words).toContain('subregion = SEA: raise the maximum from 0 to 4');
		expect(words).toContain('gender = woman: lower the minimum from 4 to 0');
	});

	it('names the smallest clash, not the first irreducible one the deletion filter meets', () => {
		// Two clashes: the young must all sit for the Pacific, which may have no seat (two bounds); and
		// women and men at least 3 each, all from South-East Asia, which may have at most 5 of 6 seats
		// (three bounds, any two of which allow a panel). Dropping bounds in order keeps the three.
		const people = [
			...many(4, { gender: 'woman', subregion: 'SEA', age: 'older' }),
			...many(4, { gender: 'man', subregion: 'SEA', age: 'older' }),
			...many(4, { gender: 'other', subregion: 'SA', age: 'older' }),
			...many(2, { gender: 'other', subregion: 'PAC', age: 'young' })
		];
		const quotas = [q('age', 'young', 2, 6), q('subregion', 'PAC', 0, 0), q('gender', 'woman', 3, 6), q('gender', 'man', 3, 6), q('subregion', 'SEA', 0, 5)];
		const d = diagnose(highs, { people, quotas, panelSize: 6 });
		const clash = clashOf(d.conflicts)!;
		expect(clash.bounds.map((b) => `${b.quota.feature} ${b.bound} ${b.value}`)).toEqual(['young min 2', 'PAC max 0']);
		expect(clash.isSmallest).toBe(true);
		// Without the Pacific's clash, the three bounds are the smallest.
		const d3 = diagnose(highs, { people, quotas: quotas.slice(2), panelSize: 6 });
		expect(clashOf(d3.conflicts)!.bounds.map((b) => `${b.quota.feature} ${b.bound} ${b.value}`)).toEqual(['woman min 3', 'man min 3', 'SEA max 5']);
		expect(clashOf(d3.conflicts)!.isSmallest).toBe(true);
	});

	it('minimums that add up to more than the panel', () => {
		const people = [...many(5, { gender: 'woman' }), ...many(5, { gender: 'man' })];
		const d = diagnose(highs, { people, quotas: [q('gender', 'woman', 4, 6), q('gender', 'man', 4, 6)], panelSize: 6 });
		expect(d.conflicts).toContainEqual({ kind: 'minimums-exceed-panel', category: 'gender', total: 8, panelSize: 6 });
		expect(clashOf(d.conflicts)!.bounds.map((b) => `${b.quota.feature} ${b.bound} ${b.value}`)).toEqual(['woman min 4', 'man min 4']);
		expect(single(d)).toEqual(['man min 4→2', 'woman min 4→2']);
	});

	it('maximums that add up to less than the panel', () => {
		const people = [...many(5, { gender: 'woman' }), ...many(5, { gender: 'man' })];
		const d = diagnose(highs, { people, quotas: [q('gender', 'woman', 0, 3), q('gender', 'man', 0, 3)], panelSize: 8 });
		expect(d.conflicts).toContainEqual({ kind: 'maximums-below-panel', category: 'gender', total: 6, panelSize: 8 });
		expect(clashOf(d.conflicts)!.bounds.map((b) => `${b.quota.feature} ${b.bound} ${b.value}`)).toEqual(['woman max 3', 'man max 3']);
		expect(single(d)).toEqual(['man max 3→5', 'woman max 3→5']);
	});

	it('one person per organization leaves too few organizations for a minimum', () => {
		// Six women from two organizations: at most two of them can sit.
		const people = [...many(6, { gender: 'woman' }, (i) => `org-${i % 2}`), ...many(6, { gender: 'man' })];
		const quotas = [q('gender', 'woman', 3, 5), q('gender', 'man', 0, 5)];
		const d = diagnose(highs, { people, quotas, panelSize: 6 });
		expect(d.conflicts).toContainEqual({ kind: 'too-few-people', quota: quotas[0], available: 2 });
		expect(clashOf(d.conflicts)!.bounds.map((b) => [b.quota.feature, b.bound, b.value, b.available])).toEqual([['woman', 'min', 3, 2]]);
		// Lowering the women's minimum to 2 is not enough alone: men may hold at most 5 of 6 seats, so 1 woman must sit — 2 is possible.
		expect(single(d)).toEqual(['woman min 3→2']);
	});

	it('does not say "everyone" when one of an organization’s members is not in the other quota, and says when no single change is enough', () => {
		// Organization A has a woman from SEA and one from EU; B a woman from SEA and a man from EU.
		const people: Person[] = [
			{ features: { gender: 'woman', subregion: 'SEA' }, group: 'A' },
			{ features: { gender: 'woman', subregion: 'EU' }, group: 'A' },
			{ features: { gender: 'woman', subregion: 'SEA' }, group: 'B' },
			{ features: { gender: 'man', subregion: 'EU' }, group: 'B' },
			...many(4, { gender: 'man', subregion: 'EU' })
		];
		const d = diagnose(highs, { people, quotas: [q('gender', 'woman', 2, 6), q('gender', 'man', 0, 6), q('subregion', 'SEA', 0, 0), q('subregion', 'EU', 0, 6)], panelSize: 4 });
		const clash = clashOf(d.conflicts);
		if (clash) expect(clashPair(clash)).toBeNull();
		expect(describeDiagnosis(d).join('\n')).not.toContain('everyone who could fill them');

		// Two clashes at once (each dimension's maximums under the panel): no single change is enough, and it says so.
		const mixed = Array.from({ length: 10 }, (_, i) => ({ features: { gender: i < 5 ? 'woman' : 'man', region: i % 2 ? 'north' : 'south' } }));
		const both = diagnose(highs, { people: mixed, quotas: [q('gender', 'woman', 0, 3), q('gender', 'man', 0, 3), q('region', 'north', 0, 3), q('region', 'south', 0, 3)], panelSize: 8 });
		expect(both.singleChanges).toEqual([]);
		expect(describeDiagnosis(both)).toContain('No change to a single quota makes a panel possible; the smallest change over several quotas is below.');
	});

	it('finds the single change of a minimum far above the pool', () => {
		const d = diagnose(highs, { people: [...many(2, { gender: 'woman' }), ...many(2, { gender: 'man' })], quotas: [q('gender', 'woman', 100, 200)], panelSize: 2 });
		expect(single(d)).toEqual(['woman min 100→2']);
	});

	it('says nothing clashes when a panel exists, and nothing about quotas when the pool itself is too small', () => {
		const people = [...many(5, { gender: 'woman' }), ...many(5, { gender: 'man' })];
		expect(clashOf(diagnose(highs, { people, quotas: [q('gender', 'woman', 2, 4)], panelSize: 6 }).conflicts)).toBeUndefined();
		expect(diagnose(highs, { people, quotas: [q('gender', 'woman', 2, 4)], panelSize: 11 })).toEqual({ conflicts: [{ kind: 'pool-too-small', available: 10, panelSize: 11 }], relaxations: [] });
	});
});
