// Saving an edited report as its next version. The edit names the version it started from: if someone
// saved another version since, nothing is overwritten and the editor is told (their text is kept).
import { desc, eq } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { footnote, paragraph, report, reportVersion } from '../db/schema';
import { FORBIDDEN, NOT_FOUND, policy, type Actor, type Forbidden, type NotFound } from '../../domain/policy';
import type { Block } from '../../domain/report/model';
import { applyEdits, type BlockEdit } from '../../domain/report/edit';
import { RECOMMENDATION_SECTION } from '../queries/report-blocks';

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
	const applied = applyEdits(edits);
	if (applied.ok) return saveVersion(db, actor, slug, basedOnNumber, applied.blocks, note);
	const r = await reportToEdit(db, actor, slug);
	return 'ok' in r ? r : { ok: false, reason: 'invalid', errors: applied.errors };
}

/** The report of consultation `slug`, for someone who may write its versions. */
export async function reportToEdit(db: Executor, actor: Actor, slug: string): Promise<typeof report.$inferSelect | Forbidden | NotFound> {
	const [r] = await db.select().from(report).where(eq(report.slug, slug));
	if (!r) return NOT_FOUND;
	return policy.canTakeNotes(actor, r.consultationId) ? r : FORBIDDEN;
}

/**
 * Saves blocks as the report's next version, based on version `basedOnNumber`: refused as a
 * conflict when another version was saved since (the row lock makes two savers take turns).
 */
export async function saveVersion(db: Database, actor: Actor, slug: string, basedOnNumber: number, blocks: readonly Block[], note: string): Promise<SaveEditResult> {
	const r = await reportToEdit(db, actor, slug);
	if ('ok' in r) return r;
	return db.transaction(async (tx) => {
		await tx.select({ id: report.id }).from(report).where(eq(report.id, r.id)).for('update');
		const [latest] = await tx.select().from(reportVersion).where(eq(reportVersion.reportId, r.id)).orderBy(desc(reportVersion.number)).limit(1);
		if (!latest || latest.number !== basedOnNumber) return { ok: false as const, reason: 'conflict' as const, latest: latest?.number ?? 0 };
		const [v] = await tx
			.insert(reportVersion)
			.values({ reportId: r.id, number: latest.number + 1, state: 'draft', basedOnVersionId: latest.id, createdByUserId: actor.kind === 'staff' ? actor.userId : null, note: note.trim() || null })
			.returning();
		await saveBlocks(tx, v.id, blocks);
		return { ok: true as const, number: v.number };
	});
}
