import { describe, expect, it } from 'vitest';
import gcm from '../../../reference/gcm.json';
import escap from '../../../reference/escap.json';
import { escapRows, gcmRows, slugify } from './reference';

describe('GCM reference data', () => {
	const rows = gcmRows(gcm);
	it('has the 23 objectives, numbered 1 to 23', () => {
		expect(rows.objectives.map((o) => o.number)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
	});
	it('assigns every objective to one of the four IMRF round tables (A/RES/73/326)', () => {
		const byCluster = new Map<number, number[]>();
		for (const o of rows.objectives) byCluster.set(o.cluster, [...(byCluster.get(o.cluster) ?? []), o.number]);
		expect(Object.fromEntries(byCluster)).toEqual({
			1: [2, 5, 6, 12, 18],
			2: [4, 8, 9, 10, 11, 13, 21],
			3: [14, 15, 16, 19, 20, 22],
			4: [1, 3, 7, 17, 23]
		});
	});
	it('has the 10 guiding principles lettered a to j', () => {
		expect(rows.principles.map((p) => p.letter).join('')).toBe('abcdefghij');
	});
	it('has the 13 stakeholder groups of para 44, ending with "other relevant stakeholders"', () => {
		expect(rows.categories).toHaveLength(13);
		expect(rows.categories.at(-1)).toMatchObject({ id: 'other-relevant-stakeholders', label: 'Other relevant stakeholders' });
		expect(rows.categories.find((c) => c.id === 'private-sector')?.label).toBe('Private sector');
	});
});

describe('ESCAP reference data', () => {
	const rows = escapRows(escap);
	it('has the five subregions', () => {
		expect(rows.subregions.map((s) => s.id)).toEqual([
			'east-and-north-east-asia',
			'south-east-asia',
			'south-and-south-west-asia',
			'north-and-central-asia',
			'pacific'
		]);
	});
	it('has 62 members and associate members with unique ISO alpha-2 codes', () => {
		expect(rows.countries).toHaveLength(62);
		expect(new Set(rows.countries.map((c) => c.code)).size).toBe(62);
		expect(rows.countries.every((c) => /^[A-Z]{2}$/.test(c.code))).toBe(true);
	});
	it('places Thailand in South-East Asia and leaves non-regional members without a subregion', () => {
		expect(rows.countries.find((c) => c.code === 'TH')?.subregionId).toBe('south-east-asia');
		expect(rows.countries.find((c) => c.code === 'FR')?.subregionId).toBeNull();
	});
	it('slugifies with diacritics removed', () => {
		expect(slugify('Türkiye & Côte')).toBe('turkiye-cote');
	});
});
