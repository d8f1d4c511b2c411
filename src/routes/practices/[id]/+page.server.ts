import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { getPublishedPractice } from '$lib/server/queries/practices';
import { categoryDisplayLabel } from '$lib/domain/reference';
import { isUuid } from '$lib/domain/ids';
import { localizeReferenceData, referenceNames } from '$lib/server/reference-names';

// One published good practice. The submitter's name and email are never shown.
export const load: PageServerLoad = async ({ params, setHeaders, locals }) => {
	if (!isUuid(params.id)) error(404);
	const row = await getPublishedPractice(getDb(), params.id);
	if (!row) error(404);
	setHeaders({ 'cache-control': 'public, max-age=60' });
	const names = referenceNames(locals.locale);
	return {
		practice: {
			title: row.p.title,
			summary: row.p.summary,
			country: row.country && names.country(row.p.countryCode, row.country),
			subregion: row.subregion && names.subregion(row.p.subregionId, row.subregion),
			category: row.category ? categoryDisplayLabel(names.category(row.p.categoryId, row.category)) : null,
			since: row.p.periodStart?.slice(0, 4) ?? null,
			until: row.p.periodEnd?.slice(0, 4) ?? null,
			links: row.p.links
		},
		objectives: localizeReferenceData(row.objectives, locals.locale),
		principles: localizeReferenceData(row.principles, locals.locale)
	};
};
