import { describe, expect, it } from 'vitest';
import { balanceBy } from './balance';

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
