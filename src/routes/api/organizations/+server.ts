// Suggestions for the organization picker as a registrant types: at most ten directory records
// whose name, acronym or alias contains the letters typed. The same names a registration form has
// always offered, nothing more (no people, no counts).
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb, getReadCache } from '$lib/server/runtime';
import { findOrganizations, SUGGESTIONS } from '$lib/server/queries/organization-choices';
import { MAX_QUERY } from '$lib/domain/organization-search';

export const GET: RequestHandler = async ({ url }) => {
	const query = (url.searchParams.get('q') ?? '').slice(0, MAX_QUERY);
	const { matches, isMore } = await findOrganizations(getReadCache(), getDb(), query, SUGGESTIONS);
	return json({ query, matches, isMore }, { headers: { 'cache-control': 'public, max-age=60' } });
};
