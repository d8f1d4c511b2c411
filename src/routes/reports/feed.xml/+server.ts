import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { listRecentPublications } from '$lib/server/queries/report-versions';
import { atomFeed } from '$lib/server/exports/atom-feed';

export const GET: RequestHandler = async ({ url }) =>
	new Response(atomFeed(await listRecentPublications(getDb()), url.origin), { headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' } });
