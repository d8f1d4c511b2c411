// Report versions in the database: a generated draft saved as version n+1, a version read back as
// a ReportDocument, and publication behind the privacy gate. Published versions never change; a
// correction is a new published version with a note.
import { and, desc, eq, inArray, max } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { consultation, footnote, paragraph, report, reportVersion } from '../db/schema';
import { FORBIDDEN, NOT_FOUND, policy, type Actor, type Forbidden, type NotFound } from '../../domain/policy';
import { draftReport } from '../../domain/report/draft';
import { plainText, type Block, type ReportDocument } from '../../domain/report/model';
import { applyEdits, diffBlocks, type BlockEdit, type DiffEntry } from '../../domain/report/edit';
import { FORMATS, loadDraftInput } from './draft-input';
import { protectionOf } from '../queries/protected';
import { assertCleared, findingsOf, passGate, type Clearance, type PublicText, type StoredFinding, type TextCheck } from '../privacy/gate';
import { writeAudit } from '../queries/audit';
import { syncRecommendations } from '../follow-up/recommendations';
import { readBlocks, RECOMMENDATION_SECTION } from '../queries/report-blocks';

export { readBlocks };
import { formatTimeRange } from '../../domain/time';
import { isUuid } from '../../domain/ids';


/** paragraph.section of a lettered item that is a recommendation (tracked once published). */

export async function saveBlocks(tx: Executor, versionId: string, blocks: readonly Block[]): Promise<void> {
	for (const [i, b] of blocks.entries()) {
		const [row] = await tx
			.insert(paragraph)
			.values({
				versionId,
				position: i + 1,
				kind: b.kind,
				section: b.kind === 'heading' ? b.numeral : b.kind === 'annex' && b.isHeader ? 'header' : b.kind === 'list-item' && b.isRecommendation ? RECOMMENDATION_SECTION : null,
				text: b.kind === 'annex' ? JSON.stringify(b.cells) : b.text
			})
			.returning({ id: paragraph.id });
		if ((b.kind === 'paragraph' || b.kind === 'list-item') && b.footnotes.length) {
			await tx.insert(footnote).values(b.footnotes.map((text, j) => ({ paragraphId: row.id, position: j + 1, text })));
		}
	}
}

export type CreateDraftResult = { ok: true; versionId: string; number: number } | Forbidden | NotFound;

/** Generates a fresh draft from the consultation and saves it as the report's next version. */
export async function createDraftVersion(db: Database, actor: Actor, slug: string, origin = ''): Promise<CreateDraftResult> {
	const loaded = await loadDraftInput(db, slug, origin);
	if (!loaded) return NOT_FOUND;
	if (!policy.canTakeNotes(actor, loaded.consultationId)) return FORBIDDEN;
	const doc = draftReport(loaded.input);
	return db.transaction(async (tx) => {
		await tx.select({ id: consultation.id }).from(consultation).where(eq(consultation.id, loaded.consultationId)).for('update');
		let [r] = await tx.select().from(report).where(eq(report.consultationId, loaded.consultationId));
		if (!r) [r] = await tx.insert(report).values({ consultationId: loaded.consultationId, slug, title: doc.title }).returning();
		const [{ last }] = await tx.select({ last: max(reportVersion.number) }).from(reportVersion).where(eq(reportVersion.reportId, r.id));
		const [latest] = await tx.select({ id: reportVersion.id }).from(reportVersion).where(eq(reportVersion.reportId, r.id)).orderBy(desc(reportVersion.number)).limit(1);
		const [v] = await tx
			.insert(reportVersion)
			.values({ reportId: r.id, number: (last ?? 0) + 1, state: 'draft', basedOnVersionId: latest?.id ?? null, createdByUserId: actor.kind === 'staff' ? actor.userId : null, note: 'Generated from the consultation.' })
			.returning();
		await saveBlocks(tx, v.id, doc.blocks);
		return { ok: true as const, versionId: v.id, number: v.number };
	});
}

export async function versionDocument(db: Executor, versionId: string): Promise<ReportDocument | null> {
	const [v] = await db
		.select({ title: report.title, startsAt: consultation.startsAt, endsAt: consultation.endsAt, timeZone: consultation.timeZone, format: consultation.format })
		.from(reportVersion)
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.innerJoin(consultation, eq(consultation.id, report.consultationId))
		.where(eq(reportVersion.id, versionId));
	if (!v) return null;
	const blocks = (await readBlocks(db, versionId)).map((b) => b.block);
	const when = formatTimeRange(v.startsAt, v.endsAt, v.timeZone, 'en');
	return { title: v.title, subtitle: `${when.date} · ${FORMATS[v.format] ?? v.format}`, blocks };
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

export type PublishResult =
	| { ok: true; number: number }
	| Forbidden
	| NotFound
	| { ok: false; reason: 'blocked'; findings: StoredFinding[] }
	| { ok: false; reason: 'already-published' }
	| { ok: false; reason: 'override-needs-reason' };

/**
 * Publishes a version after the privacy gate: its whole text and the publication note (which the
 * feed, the API and the report page carry) are checked against everyone the consultation
 * protects. A blocking finding stops it unless an admin overrides it with a written reason, which
 * the audit log keeps with the findings.
 */
export async function publishVersion(db: Database, actor: Actor, versionId: string, options: { note?: string; overrideReason?: string | null } = {}): Promise<PublishResult> {
	if (!isUuid(versionId)) return NOT_FOUND;
	const [v] = await db
		.select({ id: reportVersion.id, state: reportVersion.state, number: reportVersion.number, consultationId: report.consultationId })
		.from(reportVersion)
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.where(eq(reportVersion.id, versionId));
	if (!v) return NOT_FOUND;
	if (!policy.canOrganize(actor, v.consultationId)) return FORBIDDEN;
	if (v.state === 'published') return { ok: false, reason: 'already-published' };
	if (options.overrideReason != null && !options.overrideReason.trim()) {
		const probe = (await privacyGate(db, versionId))!;
		if (!probe.isBlocked) return { ok: false, reason: 'override-needs-reason' };
	}
	const doc = (await versionDocument(db, versionId))!;
	return db.transaction(async (tx) => {
		const gate = await passGate(tx, actor, { consultationId: v.consultationId }, { type: 'report-version', id: versionId }, { report: plainText(doc), note: options.note?.trim() ?? '' }, { overrideReason: options.overrideReason, overrideAction: 'report.publish-override' });
		if (!gate.ok) return { ok: false as const, reason: 'blocked' as const, findings: gate.findings };
		if (!(await markVersionPublished(tx, gate.clearance, versionId, gate.texts.note || null))) return { ok: false as const, reason: 'already-published' as const };
		const recommendations = await syncRecommendations(tx, versionId);
		await writeAudit(tx, actor, { action: 'report.publish', subjectType: 'report-version', subjectId: versionId, details: { number: v.number, recommendations } });
		return { ok: true as const, number: v.number };
	});
}

/** The only write that makes a version public: it needs the gate's clearance for that version. */
async function markVersionPublished(tx: Executor, clearance: Clearance, versionId: string, note: PublicText | null): Promise<boolean> {
	assertCleared(clearance, 'report-version', versionId);
	const updated = await tx
		.update(reportVersion)
		.set({ state: 'published', publishedAt: new Date(), note })
		.where(and(eq(reportVersion.id, versionId), inArray(reportVersion.state, ['draft', 'circulated'])))
		.returning({ id: reportVersion.id });
	return updated.length > 0;
}

export async function publishedVersions(db: Executor, reportSlug: string) {
	return db
		.select({ id: reportVersion.id, number: reportVersion.number, publishedAt: reportVersion.publishedAt, note: reportVersion.note, title: report.title, slug: report.slug })
		.from(reportVersion)
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.where(and(eq(report.slug, reportSlug), eq(reportVersion.state, 'published')))
		.orderBy(desc(reportVersion.number));
}

export type SaveEditResult =
	| { ok: true; number: number }
	| Forbidden
	| NotFound
	| { ok: false; reason: 'invalid'; errors: Record<number, string> }
	| { ok: false; reason: 'conflict'; latest: number };

/**
 * Saves an edited version as the next one. The edit names the version it started from: if someone
 * saved another version since, nothing is overwritten and the editor is told (their text is kept).
 */
export async function saveEditedVersion(db: Database, actor: Actor, slug: string, basedOnNumber: number, edits: readonly BlockEdit[], note: string): Promise<SaveEditResult> {
	const [r] = await db.select().from(report).where(eq(report.slug, slug));
	if (!r) return NOT_FOUND;
	if (!policy.canTakeNotes(actor, r.consultationId)) return FORBIDDEN;
	const applied = applyEdits(edits);
	if (!applied.ok) return { ok: false, reason: 'invalid', errors: applied.errors };
	return db.transaction(async (tx) => {
		await tx.select({ id: report.id }).from(report).where(eq(report.id, r.id)).for('update');
		const [latest] = await tx.select().from(reportVersion).where(eq(reportVersion.reportId, r.id)).orderBy(desc(reportVersion.number)).limit(1);
		if (!latest || latest.number !== basedOnNumber) return { ok: false as const, reason: 'conflict' as const, latest: latest?.number ?? 0 };
		const [v] = await tx
			.insert(reportVersion)
			.values({ reportId: r.id, number: latest.number + 1, state: 'draft', basedOnVersionId: latest.id, createdByUserId: actor.kind === 'staff' ? actor.userId : null, note: note.trim() || null })
			.returning();
		await saveBlocks(tx, v.id, applied.blocks);
		return { ok: true as const, number: v.number };
	});
}

/** The changes a version made to the one it was based on. */
export async function versionDiff(db: Executor, versionId: string): Promise<{ fromNumber: number; entries: DiffEntry[] } | null> {
	const [v] = await db.select({ basedOn: reportVersion.basedOnVersionId }).from(reportVersion).where(eq(reportVersion.id, versionId));
	if (!v?.basedOn) return null;
	const [from] = await db.select({ number: reportVersion.number }).from(reportVersion).where(eq(reportVersion.id, v.basedOn));
	const [before, after] = await Promise.all([readBlocks(db, v.basedOn), readBlocks(db, versionId)]);
	return { fromNumber: from.number, entries: diffBlocks(before.map((b) => b.block), after.map((b) => b.block)) };
}
