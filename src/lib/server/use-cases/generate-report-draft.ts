// Generating a report's draft from the consultation (agenda, notes, attendance) and saving it as the
// report's next version.
import { desc, eq, max } from 'drizzle-orm';
import type { Database } from '../db';
import { consultation, report, reportVersion } from '../db/schema';
import { FORBIDDEN, NOT_FOUND, policy, type Actor, type Forbidden, type NotFound } from '../../domain/policy';
import { draftReport } from '../../domain/report/draft';
import { loadDraftInput } from '../queries/draft-input';
import { saveBlocks } from './save-report-version';
import { GENERATED_NOTE } from '../../domain/report/version-note';

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
			.values({ reportId: r.id, number: (last ?? 0) + 1, state: 'draft', basedOnVersionId: latest?.id ?? null, createdByUserId: actor.kind === 'staff' ? actor.userId : null, note: GENERATED_NOTE })
			.returning();
		await saveBlocks(tx, v.id, doc.blocks);
		return { ok: true as const, versionId: v.id, number: v.number };
	});
}
