// Open data: a published consultation's attendance statistics, small cells suppressed ("<k").
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { getPublishedConsultation } from '$lib/server/queries/consultations';
import { consultationStatistics, statisticsLabels } from '$lib/server/queries/attendees';
import { attendanceSentence, categoryNoun, genderSentence, OTHER_GROUPS, publicBreakdown, type Breakdown } from '$lib/domain/statistics';
import { suppressCount } from '$lib/domain/privacy/small-cells';

export const GET: RequestHandler = async ({ params, setHeaders }) => {
	const db = getDb();
	const found = await getPublishedConsultation(db, params.slug);
	if (!found) error(404, 'No published consultation has this address.');
	const c = { ...found, k: found.anonymityThreshold };
	const stats = await consultationStatistics(db, c.id);
	const labels = await statisticsLabels(db);
	const table = (rows: Breakdown[], label: (v: string) => string | undefined) =>
		publicBreakdown(rows, c.k).map((r) => ({ value: r.value, label: r.value === OTHER_GROUPS ? `other groups (fewer than ${c.k} each, merged)` : r.value === null ? 'not known' : (label(r.value) ?? r.value), count: r.count }));
	const isTooSmall = stats.total > 0 && stats.total < c.k;
	setHeaders({ 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' });
	return json({
		consultation: { slug: c.slug, title: c.title, startsAt: c.startsAt.toISOString() },
		k: c.k,
		attended: suppressCount(stats.total, c.k),
		byCategory: isTooSmall ? [] : table(stats.byCategory, (v) => labels.categories.get(v)),
		byCountry: isTooSmall ? [] : table(stats.byCountry, (v) => labels.countries.get(v)),
		bySubregion: isTooSmall ? [] : table(stats.bySubregion, (v) => labels.subregions.get(v)),
		byGender: isTooSmall ? [] : table(stats.byGender, (v) => v),
		sentences:
			stats.total && !isTooSmall
				? [attendanceSentence(stats, { category: categoryNoun, country: (code) => labels.countries.get(code) ?? code }, c.k), genderSentence(stats, c.k)].filter(Boolean)
				: []
	});
};
