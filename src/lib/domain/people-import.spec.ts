import { describe, expect, it } from 'vitest';
import gcm from '../../../reference/gcm.json';
import escap from '../../../reference/escap.json';
import { escapRows, gcmRows } from './reference';
import { checkMapping, guessMapping, matchCategory, matchCountry, parseGender, validatePeopleImport, type ImportContext } from './people-import';
import type { OrganizationId } from './ids';

const ctx: ImportContext = {
	countries: escapRows(escap).countries,
	categories: gcmRows(gcm).categories,
	organizations: [
		{ id: 'org-1' as OrganizationId, name: 'Mekong Migrant Rights Network', aliases: ['MMRN'], countryCode: 'TH' },
		{ id: 'org-2' as OrganizationId, name: 'National Red Cross Society', aliases: [], countryCode: 'FJ' },
		{ id: 'org-3' as OrganizationId, name: 'National Red Cross Society', aliases: [], countryCode: 'WS' }
	],
	existingEmails: new Set(['known@example.org'])
};
const header = ['Full name', 'E-mail', 'Organisation', 'Country', 'Stakeholder group', 'Sex', 'Consent to contact'];
const mapping = guessMapping(header);

describe('guessMapping and checkMapping', () => {
	it('recognizes the usual header spellings', () => {
		expect(mapping).toEqual({ name: 0, email: 1, organization: 2, country: 3, category: 4, gender: 5, consentToContact: 6 });
		expect(checkMapping(mapping, header.length)).toEqual([]);
	});
	it('requires name and email and refuses one column for two fields', () => {
		expect(checkMapping({ name: 0, organization: 0 }, 3).map((p) => p.reason)).toEqual([
			'no column is mapped to the required field "email"',
			'column 1 is already mapped to "name"'
		]);
		expect(checkMapping({ name: 0, email: 5 }, 3).map((p) => p.reason)).toEqual(['column 6 does not exist (the file has 3 columns)']);
	});
});

describe('matching', () => {
	it.each([
		['TH', 'TH'],
		['th', 'TH'],
		['Thailand', 'TH'],
		['Viet Nam', 'VN'],
		['Vietnam', 'VN'],
		['Türkiye', 'TR'],
		['Turkey', 'TR'],
		["Lao People's Democratic Republic", 'LA'],
		['Atlantis', null],
		['XX', null]
	])('country %j → %j', (text, code) => {
		expect(matchCountry(text, ctx.countries)).toBe(code);
	});
	it.each([
		['trade-unions', 'trade-unions'],
		['Trade unions', 'trade-unions'],
		['the private sector', 'private-sector'],
		['NGO', 'civil-society'],
		['Parliamentarian', 'parliamentarians'],
		['aliens', null]
	])('category %j → %j', (text, id) => {
		expect(matchCategory(text, ctx.categories)).toBe(id);
	});
	it('keeps any other gender answer as the person’s own words', () => {
		expect(parseGender('F')).toEqual({ gender: 'woman', selfDescription: null });
		expect(parseGender('Homme')).toEqual({ gender: 'man', selfDescription: null });
		expect(parseGender('Two-spirit')).toEqual({ gender: 'self-described', selfDescription: 'Two-spirit' });
		expect(parseGender('')).toEqual({ gender: null, selfDescription: null });
	});
});

describe('validatePeopleImport', () => {
	const rows = [
		header,
		['Siriporn Saetang', 'siriporn@example.org', 'MMRN', 'Thailand', 'Civil society', 'F', 'yes'],
		['Bad Email', 'not-an-email', '', 'TH', '', '', ''],
		['Unknown Country', 'uc@example.org', '', 'Atlantis', '', '', ''],
		['Unknown Category', 'ucat@example.org', '', 'TH', 'aliens', '', ''],
		['Already Here', 'KNOWN@example.org', '', '', '', '', ''],
		['Twice A', 'twice@example.org', 'New Union', 'Fiji', 'trade union', 'M', 'no'],
		['Twice B', 'twice@example.org', '', '', '', '', ''],
		['', 'noname@example.org', '', '', '', '', ''],
		['', '', '', '', '', '', ''],
		['Fiji Red Cross', 'frc@example.org', 'National Red Cross Society', 'FJ', 'red cross', '', 'maybe'],
		['Samoa Red Cross', 'src@example.org', 'National Red Cross Society', 'WS', '', '', '']
	];
	const result = validatePeopleImport(rows, mapping, ctx);

	it('reports each problem row with its spreadsheet row number and a specific reason', () => {
		expect(result.problems.map((p) => [p.row, p.reason])).toEqual([
			[3, 'invalid email "not-an-email"'],
			[4, 'unknown country "Atlantis"'],
			[5, 'unknown stakeholder category "aliens"'],
			[6, 'duplicate: "known@example.org" is already in the directory'],
			[8, 'duplicate: "twice@example.org" is also on row 7'],
			[9, 'name is missing'],
			[11, '"maybe" is not yes or no']
		]);
	});

	it('skips blank lines and keeps the valid rows', () => {
		expect(result.people.map((p) => p.row)).toEqual([2, 7, 12]);
	});

	it('matches organizations by name or alias, in the person’s country, and creates the others once', () => {
		expect(result.people[0].organization).toEqual({ kind: 'existing', id: 'org-1' });
		expect(result.people[2].organization).toEqual({ kind: 'existing', id: 'org-3' });
		expect(result.newOrganizations).toEqual([{ kind: 'new', key: 'new union|FJ', name: 'New Union', countryCode: 'FJ', categoryId: 'trade-unions' }]);
	});

	it('normalizes the values it keeps', () => {
		expect(result.people[0]).toMatchObject({ countryCode: 'TH', categoryId: 'civil-society', gender: 'woman', consentToContact: true, consentToList: false });
	});
});
