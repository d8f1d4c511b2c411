import { describe, expect, it } from 'vitest';
import { buildDashboard, type ConsultationFacts, type DashboardInput, type PersonFacts } from './dashboard';
import type { ConsultationId } from './ids';

const person = (category: string, subregion: string, gender: string): PersonFacts => ({ category, subregion, gender });
const many = (n: number, p: PersonFacts) => Array.from({ length: n }, () => p);

function input(consultations: ConsultationFacts[], coverage: DashboardInput['coverage'] = []): DashboardInput {
	return {
		groups: {
			category: [{ id: 'unions', label: 'Trade unions' }, { id: 'mps', label: 'Parliamentarians' }, { id: 'media', label: 'Media' }],
			subregion: [{ id: 'pacific', label: 'Pacific' }, { id: 'south', label: 'South Asia' }],
			gender: [{ id: 'woman', label: 'Woman' }, { id: 'man', label: 'Man' }]
		},
		network: [...many(50, person('unions', 'pacific', 'woman')), ...many(40, person('mps', 'south', 'man')), ...many(10, person('media', 'south', 'woman'))],
		consultations,
		objectives: [{ id: 'o1', number: 1, shortTitle: 'Data' }, { id: 'o2', number: 2, shortTitle: 'Drivers' }],
		coverage
	};
}

const held = (id: string, attended: PersonFacts[], targets: ConsultationFacts['targets'] = {}): ConsultationFacts => ({ id: id as ConsultationId, slug: id, title: id, targets, registered: attended, selected: attended, attended });

describe('the process dashboard', () => {
	it('flags a group of the network that never attended, but not before any consultation was held', () => {
		const d = buildDashboard(input([held('a', [...many(9, person('unions', 'pacific', 'woman')), person('mps', 'south', 'man')])]));
		expect(d.groups.category.map((g) => [g.value, g.flags])).toEqual([
			['unions', []],
			['mps', ['under-represented']], // 10 % of attendance, 40 % of the network
			['media', ['never-attended']]
		]);
		const upcoming = buildDashboard(input([{ ...held('b', []), registered: [person('unions', 'pacific', 'woman')] }]));
		expect(upcoming.groups.category.flatMap((g) => g.flags)).toEqual([]);
	});

	it('checks each consultation against its own targets, with exact shares', () => {
		const women = many(2, person('unions', 'pacific', 'woman'));
		const men = many(3, person('mps', 'south', 'man'));
		const d = buildDashboard(input([held('a', [...women, ...men], { gender: { woman: 40 } }), held('b', [...women, ...men], { gender: { woman: 41 } })]));
		const woman = d.groups.gender.find((g) => g.value === 'woman')!;
		expect(woman.perConsultation.map((p) => [p.attended.share, p.target, p.isBelowTarget])).toEqual([
			[40, 40, false],
			[40, 41, true]
		]);
		expect(woman.flags).toContain('below-target');
		expect(woman.attended).toEqual({ count: 4, total: 10, share: 40 });
	});

	it('maps objective tags per consultation and the open call, and flags objectives never discussed', () => {
		const d = buildDashboard(
			input(
				[held('a', [person('unions', 'pacific', 'woman')])],
				[
					{ objectiveId: 'o1', consultationId: 'a' as ConsultationId, kind: 'statements' },
					{ objectiveId: 'o1', consultationId: 'a' as ConsultationId, kind: 'recommendations' },
					{ objectiveId: 'o1', consultationId: null, kind: 'inputs' }
				]
			)
		);
		expect(d.hasOpenCall).toBe(true);
		expect(d.coverage.map((o) => [o.number, o.cells.map((c) => c.total), o.isNeverDiscussed])).toEqual([
			[1, [2, 1], false],
			[2, [0, 0], true]
		]);
	});
});
