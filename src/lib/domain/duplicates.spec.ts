import { describe, expect, it } from 'vitest';
import { findPersonDuplicates, levenshtein, nameKey } from './duplicates';

describe('nameKey', () => {
	it('ignores order, case and diacritics', () => {
		expect(nameKey('Nguyễn Văn An')).toBe(nameKey('an van NGUYEN'));
		expect(nameKey('Siriporn Saetang')).not.toBe(nameKey('Siriporn Srisuk'));
	});
});

describe('levenshtein', () => {
	it.each([
		['kitten', 'sitting', 3],
		['', 'abc', 3],
		['same', 'same', 0]
	])('%s → %s is %i', (a, b, d) => {
		expect(levenshtein(a, b)).toBe(d);
	});
});

describe('findPersonDuplicates', () => {
	const people = [
		{ id: '1', name: 'Maria Clara Santos', organizationId: 'o1' },
		{ id: '2', name: 'SANTOS Maria Clara', organizationId: 'o1' },
		{ id: '3', name: 'Maria Klara Santos', organizationId: 'o1' },
		{ id: '4', name: 'Maria Clara Santos', organizationId: 'o2' }, // another organization
		{ id: '5', name: 'Li Na', organizationId: 'o3' },
		{ id: '6', name: 'Li Ma', organizationId: 'o3' }, // short names: one letter is another person
		{ id: '7', name: 'No Org', organizationId: null }
	];
	it('pairs the same name in another order and a one-letter typo, within one organization only', () => {
		expect(findPersonDuplicates(people)).toEqual([
			{ a: '1', b: '2', reason: 'same-name' },
			{ a: '1', b: '3', reason: 'similar-name' },
			{ a: '2', b: '3', reason: 'similar-name' }
		]);
	});
});
