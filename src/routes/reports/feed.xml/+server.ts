import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { atomFeed } from '$lib/server/reports/public';

export const GET: RequestHandler = async ({ url }) =>
	new Response(await atomFeed(getDb(), url.origin), { headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' } });
