import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { practiceFilterOptions, searchPractices } from '$lib/server/queries/practices';
import { categoryDisplayLabel } from '$lib/domain/reference';
import { localizeReferenceData } from '$lib/server/reference-names';

const PAGE = 20;

export const load: PageServerLoad = async ({ url, setHeaders, locals }) => {
	const db = getDb();
	const get = (k: string) => url.searchParams.get(k)?.trim() || undefined;
	const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
	const filter = { q: get('q'), objectiveId: get('objective'), subregionId: get('subregion'), categoryId: get('category') };
	const result = await searchPractices(db, { ...filter, limit: PAGE, offset: (page - 1) * PAGE });
	const { objectives, subregions, categories } = localizeReferenceData(await practiceFilterOptions(db), locals.locale);
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return {
		filter,
		page,
		pages: Math.max(1, Math.ceil(result.total / PAGE)),
		total: result.total,
		practices: result.rows.map((r) => ({ id: r.id, title: r.title, summary: r.summary, subregion: subregions.find((s) => s.id === r.subregionId)?.name ?? null })),
		objectives,
		subregions,
		categories: categories.map((c) => ({ id: c.id, label: categoryDisplayLabel(c.label) }))
	};
};
