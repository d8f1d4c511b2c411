import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { searchPractices } from '$lib/server/queries/practices';

// Published good practices: full-text search (q) and filters, 50 per page at most.
export const GET: RequestHandler = async ({ url }) => {
	const get = (k: string) => url.searchParams.get(k)?.trim() || undefined;
	const limit = Number(get('limit') ?? 20);
	const offset = Number(get('offset') ?? 0);
	if (!Number.isInteger(limit) || limit < 1 || limit > 50) error(400, 'limit must be a whole number from 1 to 50');
	if (!Number.isInteger(offset) || offset < 0) error(400, 'offset must be a whole number from 0');
	const result = await searchPractices(getDb(), { q: get('q'), objectiveId: get('objective'), subregionId: get('subregion'), countryCode: get('country'), categoryId: get('category'), limit, offset });
	return json(
		{
			total: result.total,
			practices: result.rows.map((r) => ({ id: r.id, title: r.title, summary: r.summary, country: r.countryCode, subregion: r.subregionId, category: r.categoryId, url: `${url.origin}/practices/${r.id}` }))
		},
		{ headers: { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' } }
	);
};
