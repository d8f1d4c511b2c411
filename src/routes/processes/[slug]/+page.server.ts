import { and, asc, eq } from 'drizzle-orm';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { processOr404 } from '$lib/server/guards';
import { consultation, report, reportVersion } from '$lib/server/db/schema';
import { formatTimeRange } from '$lib/domain/time';

// A review process: its consultations, published reports and the follow-up pages.
export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	const db = getDb();
	const p = await processOr404(params.slug);
	const rows = await db
		.select({ slug: consultation.slug, title: consultation.title, startsAt: consultation.startsAt, endsAt: consultation.endsAt, timeZone: consultation.timeZone, reportSlug: report.slug, published: reportVersion.number })
		.from(consultation)
		.leftJoin(report, eq(report.consultationId, consultation.id))
		.leftJoin(reportVersion, and(eq(reportVersion.reportId, report.id), eq(reportVersion.state, 'published')))
		.where(and(eq(consultation.processId, p.id), eq(consultation.status, 'published')))
		.orderBy(asc(consultation.startsAt));
	const consultations = new Map<string, { slug: string; title: string; when: string; reportSlug: string | null }>();
	for (const r of rows) {
		const seen = consultations.get(r.slug);
		if (!seen || (r.published && !seen.reportSlug)) {
			consultations.set(r.slug, { slug: r.slug, title: r.title, when: formatTimeRange(r.startsAt, r.endsAt, r.timeZone, locals.locale).date, reportSlug: r.published ? r.reportSlug : null });
		}
	}
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return { process: { slug: p.slug, title: p.title, description: p.description }, consultations: [...consultations.values()] };
};
