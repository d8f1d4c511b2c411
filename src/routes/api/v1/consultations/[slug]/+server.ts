import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { consultationDetail } from '$lib/server/queries/open-data';

export const GET: RequestHandler = async ({ params, url }) => {
	const detail = await consultationDetail(getDb(), params.slug, url.origin);
	if (!detail) error(404, 'No published consultation has this address.');
	return json(detail, { headers: { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' } });
};
