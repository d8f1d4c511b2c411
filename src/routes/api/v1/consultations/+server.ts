import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { consultationsList } from '$lib/server/queries/open-data';

export const GET: RequestHandler = async ({ url }) =>
	json({ consultations: await consultationsList(getDb(), url.origin) }, { headers: { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' } });
