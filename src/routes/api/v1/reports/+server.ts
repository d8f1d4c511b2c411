import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { reportsList } from '$lib/server/queries/open-data';

export const GET: RequestHandler = async ({ url }) =>
	json({ reports: await reportsList(getDb(), url.origin) }, { headers: { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' } });
