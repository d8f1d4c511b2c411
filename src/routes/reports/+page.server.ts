import { desc, eq } from 'drizzle-orm';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { report, reportVersion } from '$lib/server/db/schema';

export const load: PageServerLoad = async ({ setHeaders }) => {
	const rows = await getDb()
		.selectDistinctOn([report.slug], { slug: report.slug, title: report.title, number: reportVersion.number, publishedAt: reportVersion.publishedAt })
		.from(reportVersion)
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.where(eq(reportVersion.state, 'published'))
		.orderBy(report.slug, desc(reportVersion.number));
	setHeaders({ 'cache-control': 'public, max-age=300' });
	return { reports: rows.map((r) => ({ ...r, publishedAt: r.publishedAt!.toISOString().slice(0, 10) })).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)) };
};
