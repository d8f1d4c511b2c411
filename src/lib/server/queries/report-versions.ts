// Reads of report versions: a version as a ReportDocument, the privacy gate's stored findings on it,
// the published versions of a report, and what a version changed from the one it was based on.
import { and, eq, desc } from 'drizzle-orm';
import type { Executor } from '../db';
import { consultation, report, reportVersion } from '../db/schema';
import { plainText, type ReportDocument } from '../../domain/report/model';
import { isUuid } from '../../domain/ids';
import { diffBlocks, type DiffEntry } from '../../domain/report/edit';
import { protectionOf } from './protected';
import { findingsOf, type TextCheck } from '../privacy/gate';
import { formatDate, formatTimeRange } from '../../domain/time';
import { FORMATS } from './draft-input';
import { readBlocks } from './report-blocks';

export async function versionDocument(db: Executor, versionId: string): Promise<ReportDocument | null> {
	const [v] = await db
		.select({ title: report.title, startsAt: consultation.startsAt, endsAt: consultation.endsAt, timeZone: consultation.timeZone, format: consultation.format, number: reportVersion.number, state: reportVersion.state, publishedAt: reportVersion.publishedAt, createdAt: reportVersion.createdAt })
		.from(reportVersion)
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.innerJoin(consultation, eq(consultation.id, report.consultationId))
		.where(eq(reportVersion.id, versionId));
	if (!v) return null;
	const blocks = (await readBlocks(db, versionId)).map((b) => b.block);
	const when = formatTimeRange(v.startsAt, v.endsAt, v.timeZone, 'en');
	return { title: v.title, subtitle: `${when.date} · ${FORMATS[v.format] ?? v.format}`, edition: editionLine(v), versionId, blocks };
}

/** "Version 3 · Published on 21 October 2026" / "Version 2 · Draft of 14 October 2026", in the consultation's zone. */
function editionLine(v: { number: number; state: string; publishedAt: Date | null; createdAt: Date; timeZone: string }): string {
	return v.state === 'published' && v.publishedAt
		? `Version ${v.number} · Published on ${formatDate(v.publishedAt, v.timeZone, 'en')}`
		: `Version ${v.number} · Draft of ${formatDate(v.createdAt, v.timeZone, 'en')}, not for citation`;
}

/** The gate's findings on a version's whole text, against everyone the consultation protects (stored, not rescanned). */
export async function privacyGate(db: Executor, versionId: string): Promise<TextCheck | null> {
	const [v] = await db
		.select({ consultationId: report.consultationId })
		.from(reportVersion)
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.where(eq(reportVersion.id, versionId));
	const doc = await versionDocument(db, versionId);
	if (!v || !doc) return null;
	return findingsOf(db, await protectionOf(db, { consultationId: v.consultationId }), plainText(doc));
}

export async function publishedVersions(db: Executor, reportSlug: string) {
	return db
		.select({ id: reportVersion.id, number: reportVersion.number, publishedAt: reportVersion.publishedAt, note: reportVersion.note, title: report.title, slug: report.slug, timeZone: consultation.timeZone })
		.from(reportVersion)
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.innerJoin(consultation, eq(consultation.id, report.consultationId))
		.where(and(eq(report.slug, reportSlug), eq(reportVersion.state, 'published')))
		.orderBy(desc(reportVersion.number));
}

/** The changes a version made to the one it was based on. */
export async function versionDiff(db: Executor, versionId: string): Promise<{ fromNumber: number; entries: DiffEntry[] } | null> {
	const [v] = await db.select({ basedOn: reportVersion.basedOnVersionId }).from(reportVersion).where(eq(reportVersion.id, versionId));
	if (!v?.basedOn) return null;
	const [from] = await db.select({ number: reportVersion.number }).from(reportVersion).where(eq(reportVersion.id, v.basedOn));
	const [before, after] = await Promise.all([readBlocks(db, v.basedOn), readBlocks(db, versionId)]);
	return { fromNumber: from.number, entries: diffBlocks(before.map((b) => b.block), after.map((b) => b.block)) };
}

export async function versionWithConsultation(db: Executor, versionId: string) {
	if (!isUuid(versionId)) return null;
	const [row] = await db
		.select({ v: reportVersion, c: consultation, title: report.title })
		.from(reportVersion)
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.innerJoin(consultation, eq(consultation.id, report.consultationId))
		.where(eq(reportVersion.id, versionId));
	return row ?? null;
}

/** A published version of a report (the latest when `number` is null), with its document; null when there is none. */
export async function publishedVersion(db: Executor, slug: string, number: number | null) {
	const [v] = await db
		.select({ id: reportVersion.id, number: reportVersion.number, publishedAt: reportVersion.publishedAt, note: reportVersion.note, timeZone: consultation.timeZone })
		.from(reportVersion)
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.innerJoin(consultation, eq(consultation.id, report.consultationId))
		.where(and(eq(report.slug, slug), eq(reportVersion.state, 'published'), number === null ? undefined : eq(reportVersion.number, number)))
		.orderBy(desc(reportVersion.number))
		.limit(1);
	if (!v) return null;
	const doc = await versionDocument(db, v.id);
	return doc ? { ...v, publishedAt: v.publishedAt!, doc } : null;
}

/** The latest published versions of every report, newest first (the Atom feed). */
export function listRecentPublications(db: Executor, limit = 50) {
	return db
		.select({ slug: report.slug, title: report.title, number: reportVersion.number, publishedAt: reportVersion.publishedAt, note: reportVersion.note })
		.from(reportVersion)
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.where(eq(reportVersion.state, 'published'))
		.orderBy(desc(reportVersion.publishedAt))
		.limit(limit);
}
