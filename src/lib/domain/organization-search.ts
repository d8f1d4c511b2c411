// Finding an organization in the directory by a few letters, as a registrant types them: accents,
// case and word order do not matter, an acronym or an alias finds it too. Pure: the caller holds the
// list (in memory, from the read cache) and this ranks it.

export interface SearchableOrganization {
	id: string;
	name: string;
	countryCode: string | null;
	acronym?: string | null;
	aliases?: readonly string[] | null;
}

export interface OrganizationMatch {
	id: string;
	name: string;
	countryCode: string | null;
}

/** A query is read up to this many characters, and needs at least MIN_QUERY of them. */
export const MAX_QUERY = 100;
export const MIN_QUERY = 2;

export function normalizeForSearch(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

interface Indexed {
	org: SearchableOrganization;
	name: string;
	words: string[];
	haystack: string;
}

const indexes = new WeakMap<readonly SearchableOrganization[], Indexed[]>();

function indexOf(list: readonly SearchableOrganization[]): Indexed[] {
	let index = indexes.get(list);
	if (!index) {
		index = list.map((org) => {
			const name = normalizeForSearch(org.name);
			const extra = [org.acronym ?? '', ...(org.aliases ?? [])].map(normalizeForSearch).join(' ');
			const haystack = `${name} ${extra}`.trim();
			return { org, name, words: haystack.split(' '), haystack };
		});
		indexes.set(list, index);
	}
	return index;
}

/**
 * The organizations whose name, acronym or alias contains every word of `query` (at most `limit`):
 * names that start with the query first, then those with a word that does, then the rest, each by name.
 */
export function searchOrganizations(list: readonly SearchableOrganization[], query: string, limit: number): OrganizationMatch[] {
	const q = normalizeForSearch(query.slice(0, MAX_QUERY));
	if (q.length < MIN_QUERY) return [];
	const tokens = q.split(' ').slice(0, 10);
	const found: { rank: number; i: Indexed }[] = [];
	for (const i of indexOf(list)) {
		if (!tokens.every((t) => i.haystack.includes(t))) continue;
		const rank = i.name.startsWith(q) ? 0 : tokens.every((t) => i.words.some((w) => w.startsWith(t))) ? 1 : 2;
		found.push({ rank, i });
	}
	found.sort((a, b) => a.rank - b.rank || a.i.org.name.localeCompare(b.i.org.name));
	return found.slice(0, limit).map(({ i }) => ({ id: i.org.id, name: i.org.name, countryCode: i.org.countryCode }));
}
