import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { listPublishedReports } from '$lib/server/queries/reports';
import { formatDate } from '$lib/domain/time';

export const load: PageServerLoad = async ({ setHeaders, locals }) => {
	const reports = (await listPublishedReports(getDb())).map((r) => ({ slug: r.slug, title: r.title, number: r.number, publishedAt: formatDate(r.publishedAt, r.timeZone, locals.locale) }));
	setHeaders({ 'cache-control': 'public, max-age=300' });
	return { reports };
};
