// The organization picker's server side: matches for a few typed letters, from the directory held in
// memory (the read cache), so that suggestions as one types cost no query; and the record a form
// names, read alone (also kept in memory), so that a form never reloads the whole directory.
import type { Executor } from '../db';
import type { ReadCache } from '../read-cache';
import { cachedOrganizationChoice, cachedOrganizationChoices } from './cached';
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

/** The directory record with this id (not merged away), or null: one row, not the whole directory. */
export async function organizationChoice(cache: ReadCache, db: Executor, id: unknown): Promise<OrganizationMatch | null> {
	const organizationId = typeof id === 'string' ? idOf<OrganizationId>(id) : null;
	return organizationId ? cachedOrganizationChoice(cache, db, organizationId) : null;
}
