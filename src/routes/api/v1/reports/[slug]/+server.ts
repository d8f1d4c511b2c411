import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { reportDetail } from '$lib/server/queries/open-data';

export const GET: RequestHandler = async ({ params, url }) => {
	const detail = await reportDetail(getDb(), params.slug, url.origin);
	if (!detail) error(404, 'No published report has this address.');
	return json(detail, { headers: { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' } });
};
