// The organization picker's server side: matches for a few typed letters, from the directory held in
// memory (the read cache), so that suggestions as one types cost no query; and the record a form
// names, read alone by its key — not from the list, which a registration proposing a new
// organization has just dropped, and not kept in memory, where ids in any letter case, or every id of
// the directory, sent by one client would push out what pages show.
import type { Executor } from '../db';
import type { ReadCache } from '../read-cache';
import { cachedOrganizationChoices } from './cached';
import { getOrganizationChoice } from './directory-options';
import { idOf, type OrganizationId } from '../../domain/ids';
import { searchOrganizations, type OrganizationMatch } from '../../domain/organization-search';

/** Suggestions while typing (JSON) and the list a search without JavaScript shows. */
export const SUGGESTIONS = 10;
export const SEARCH_RESULTS = 20;

/** At most `limit` matches, and whether there were more (the reader is then asked to type more). */
export async function findOrganizations(cache: ReadCache, db: Executor, query: string, limit: number): Promise<{ matches: OrganizationMatch[]; isMore: boolean }> {
	const organizations = await cachedOrganizationChoices(cache, db);
	const found = searchOrganizations(organizations, query, limit + 1);
	return { matches: found.slice(0, limit), isMore: found.length > limit };
}

/** The directory record with this id (not merged away), or null: one row by its key, not the whole directory. */
export async function organizationChoice(db: Executor, id: unknown): Promise<OrganizationMatch | null> {
	const organizationId = typeof id === 'string' ? idOf<OrganizationId>(id) : null;
	return organizationId ? getOrganizationChoice(db, organizationId) : null;
}
