// Reads of published reports for the public pages.
import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { consultation, report, reportVersion } from '../db/schema';
import type { ConsultationId } from '../../domain/ids';

/** Every report with a published version: its latest published number and the day, newest first. */
export async function listPublishedReports(db: Executor) {
	const rows = await db
		.selectDistinctOn([report.slug], { slug: report.slug, title: report.title, number: reportVersion.number, publishedAt: reportVersion.publishedAt, timeZone: consultation.timeZone })
		.from(reportVersion)
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.innerJoin(consultation, eq(consultation.id, report.consultationId))
		.where(eq(reportVersion.state, 'published'))
		.orderBy(report.slug, desc(reportVersion.number));
	return rows.map((r) => ({ ...r, publishedAt: r.publishedAt! })).sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
}

/** The newest version of a consultation's report, draft or published; null before the first draft. */
export async function latestReportVersion(db: Executor, consultationId: ConsultationId): Promise<{ id: string; number: number; state: string } | null> {
	const [latest] = await db
		.select({ id: reportVersion.id, number: reportVersion.number, state: reportVersion.state })
		.from(reportVersion)
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.where(eq(report.consultationId, consultationId))
		.orderBy(desc(reportVersion.number))
		.limit(1);
	return latest ?? null;
}

/** Every version of a consultation's report, newest first (drafts, circulated and published). */
export function listReportVersions(db: Executor, consultationId: ConsultationId) {
	return db
		.select({ id: reportVersion.id, number: reportVersion.number, state: reportVersion.state, createdAt: reportVersion.createdAt, publishedAt: reportVersion.publishedAt, note: reportVersion.note, commentsCloseAt: reportVersion.commentsCloseAt })
		.from(reportVersion)
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.where(eq(report.consultationId, consultationId))
		.orderBy(desc(reportVersion.number));
}
