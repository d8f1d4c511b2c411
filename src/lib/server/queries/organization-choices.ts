// The organization picker's server side: matches for a few typed letters, and the record a form
// names, both from the directory held in memory (the read cache), so that suggestions as one types
// cost no query.
import type { Executor } from '../db';
import type { ReadCache } from '../read-cache';
import { cachedDirectoryOptions } from './cached';
import { searchOrganizations, type OrganizationMatch } from '../../domain/organization-search';

/** Suggestions while typing (JSON) and the list a search without JavaScript shows. */
export const SUGGESTIONS = 10;
export const SEARCH_RESULTS = 20;

/** At most `limit` matches, and whether there were more (the reader is then asked to type more). */
export async function findOrganizations(cache: ReadCache, db: Executor, query: string, limit: number): Promise<{ matches: OrganizationMatch[]; isMore: boolean }> {
	const { organizations } = await cachedDirectoryOptions(cache, db);
	const found = searchOrganizations(organizations, query, limit + 1);
	return { matches: found.slice(0, limit), isMore: found.length > limit };
}

const byId = new WeakMap<readonly OrganizationMatch[], Map<string, OrganizationMatch>>();

/** The directory record with this id (not merged away), or null. */
export async function organizationChoice(cache: ReadCache, db: Executor, id: unknown): Promise<OrganizationMatch | null> {
	if (typeof id !== 'string' || !id) return null;
	const { organizations } = await cachedDirectoryOptions(cache, db);
	let map = byId.get(organizations);
	if (!map) byId.set(organizations, (map = new Map(organizations.map((o) => [o.id, { id: o.id, name: o.name, countryCode: o.countryCode }]))));
	return map.get(id) ?? null;
}
