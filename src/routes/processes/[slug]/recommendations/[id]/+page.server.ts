import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { recommendationById } from '$lib/server/queries/recommendations';
import { localizeReferenceData } from '$lib/server/reference-names';

// One recommendation's public page: a stable address to cite in follow-up correspondence.
export const load: PageServerLoad = async ({ params, setHeaders, locals }) => {
	const r = await recommendationById(getDb(), params.id);
	if (!r || r.processSlug !== params.slug) error(404);
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return { recommendation: localizeReferenceData(r, locals.locale) };
};
