import { describe, expect, it } from 'vitest';
import { MAX_QUERY, searchOrganizations } from './organization-search';

const list = [
	{ id: '1', name: 'Réseau des Travailleuses Migrantes', countryCode: 'KH', acronym: 'RTM', aliases: [] },
	{ id: '2', name: 'Migrant Workers Union', countryCode: 'NP', acronym: null, aliases: ['MWU Nepal'] },
	{ id: '3', name: 'Union of Domestic Workers', countryCode: 'PH', acronym: 'UDW', aliases: [] },
	{ id: '4', name: 'Workers’ Rights Centre', countryCode: 'TH', acronym: null, aliases: [] }
];
const ids = (query: string, limit = 10) => searchOrganizations(list, query, limit).map((o) => o.id);

describe('finding an organization by a few letters', () => {
	it('ignores accents, case, punctuation and word order', () => {
		expect(ids('reseau travailleuses')).toEqual(['1']);
		expect(ids('MIGRANTES RÉSEAU')).toEqual(['1']);
		expect(ids('workers rights')).toEqual(['4']);
	});

	it('finds by acronym and by alias', () => {
		expect(ids('rtm')).toEqual(['1']);
		expect(ids('mwu')).toEqual(['2']);
	});

	it('ranks a name that starts with the query first, then a word that does, then the rest', () => {
		expect(ids('union')).toEqual(['3', '2']);
		expect(ids('work')).toEqual(['4', '2', '3']);
		expect(ids('orkers')).toEqual(['2', '3', '4']);
	});

	it('needs two letters, reads at most MAX_QUERY characters and returns at most `limit`', () => {
		expect(ids('u')).toEqual([]);
		expect(ids('  ')).toEqual([]);
		expect(ids('workers', 2)).toHaveLength(2);
		expect(ids(`union${' x'.repeat(MAX_QUERY)}`)).toEqual([]); // the extra words count, up to the bound
		expect(searchOrganizations(list, 'a'.repeat(100_000), 10)).toEqual([]);
	});
});
