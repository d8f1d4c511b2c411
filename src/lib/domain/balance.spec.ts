import { describe, expect, it } from 'vitest';
import { againstTargets, balanceBy, parseTargets } from './balance';

describe('balanceBy', () => {
	it('counts, sorts by size and gives shares that add up to 100', () => {
		const rows = ['woman', 'woman', 'man', null, 'woman', 'man', 'non-binary'].map((gender) => ({ gender }));
		const result = balanceBy(rows, (r) => r.gender);
		expect(result).toEqual([
			{ key: 'woman', count: 3, percent: 43 },
			{ key: 'man', count: 2, percent: 29 },
			{ key: '', count: 1, percent: 14 },
			{ key: 'non-binary', count: 1, percent: 14 }
		]);
		expect(result.reduce((s, r) => s + r.percent, 0)).toBe(100);
	});
	it('splits three equal groups as 34/33/33, not 33/33/33', () => {
		const result = balanceBy(['a', 'b', 'c'], (x) => x);
		expect(result.map((r) => r.percent)).toEqual([34, 33, 33]);
	});
	it('returns nothing for no rows', () => {
		expect(balanceBy([], () => 'x')).toEqual([]);
	});
});

describe('againstTargets', () => {
	const rows = balanceBy(['woman', 'woman', 'man', 'man', 'man'], (g) => g);

	it('marks each value met or below its target by the exact share', () => {
		const checked = againstTargets(rows, { woman: 40, man: 61 }, 5);
		expect(checked.find((r) => r.key === 'woman')).toMatchObject({ count: 2, target: 40, check: 'met' });
		expect(checked.find((r) => r.key === 'man')).toMatchObject({ count: 3, target: 61, check: 'below' });
	});

	it('lists a targeted value nobody registered under as 0 and below', () => {
		const checked = againstTargets(rows, { 'non-binary': 5 }, 5);
		expect(checked.at(-1)).toEqual({ key: 'non-binary', count: 0, percent: 0, target: 5, check: 'below' });
	});

	it('says none where there is no target', () => {
		expect(againstTargets(rows, undefined, 5).map((r) => r.check)).toEqual(['none', 'none']);
	});
});

describe('parseTargets', () => {
	const known = { subregion: ['south-asia', 'pacific'], gender: ['woman', 'man'], category: ['trade-unions'] };

	it('keeps whole per cents, skips empty and zero fields', () => {
		const result = parseTargets(
			[
				['target.gender.woman', '40'],
				['target.gender.man', ''],
				['target.subregion.pacific', ' 15 '],
				['target.category.trade-unions', '0'],
				['other', 'x']
			],
			known
		);
		expect(result).toEqual({ ok: true, targets: { gender: { woman: 40 }, subregion: { pacific: 15 } } });
	});

	it('refuses a value that is not a per cent, an unknown value, and targets over 100 in one dimension', () => {
		const result = parseTargets(
			[
				['target.gender.woman', '40.5'],
				['target.gender.robot', '10'],
				['target.subregion.pacific', '60'],
				['target.subregion.south-asia', '50'],
				['target.category.trade-unions', '101']
			],
			known
		);
		expect(result).toEqual({
			ok: false,
			errors: {
				'target.gender.woman': 'percent',
				'target.gender.robot': 'invalid',
				'target.category.trade-unions': 'percent',
				'target.subregion': 'targets-over-100'
			}
		});
	});
});
