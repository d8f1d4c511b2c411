// Publication makes the published version's lettered recommendations tracked ones (called in the
// publication's transaction).
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db';
import { consultation, followUp, objective, recommendation, recommendationObjective, report, reportVersion, reviewProcess, statement, statementObjective } from '../db/schema';
import { numberBlocks } from '../../domain/report/model';
import { suggestObjectives } from '../../domain/notes/objective-tags';
import { suggestAddressees } from '../../domain/follow-up/recommendations';
import { readBlocks } from '../queries/report-blocks';

const sameText = (s: string) => s.trim().replace(/[.!?…]+$/, '').replace(/\s+/g, ' ').toLowerCase();

/**
 * Called in the publication's transaction: the published version's recommendations become (or
 * update) tracked ones. A corrected wording keeps its status and log (matched by text, else by its
 * place, "para. 14 (B)"); a recommendation dropped from the report is removed only if nothing was
 * recorded about it yet.
 */
export async function syncRecommendations(tx: Executor, versionId: string, now: Date): Promise<{ added: number; updated: number; removed: number }> {
	const [v] = await tx
		.select({ consultationId: report.consultationId, processId: consultation.processId, frameworkId: reviewProcess.frameworkId })
		.from(reportVersion)
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.innerJoin(consultation, eq(consultation.id, report.consultationId))
		.leftJoin(reviewProcess, eq(reviewProcess.id, consultation.processId))
		.where(eq(reportVersion.id, versionId));
	if (!v) return { added: 0, updated: 0, removed: 0 };
	const items: { paragraphNumber: number | null; letter: string; text: string }[] = [];
	let lastParagraph: number | null = null;
	for (const b of numberBlocks((await readBlocks(tx, versionId)).map((r) => r.block))) {
		if (b.kind === 'paragraph') lastParagraph = b.number;
		if (b.kind === 'list-item' && b.isRecommendation) items.push({ paragraphNumber: lastParagraph, letter: b.letter, text: b.text });
	}
	const existing = await tx.select().from(recommendation).where(eq(recommendation.consultationId, v.consultationId)).for('update');
	const said = await tx
		.select({ id: statement.id, text: statement.text })
		.from(statement)
		.where(and(eq(statement.consultationId, v.consultationId), eq(statement.isRecommendation, true)));
	const objectives = await tx.select().from(objective).where(eq(objective.frameworkId, v.frameworkId ?? 'gcm'));
	const unmatched = new Set(existing.map((r) => r.id));
	let added = 0;
	let updated = 0;
	for (const [position, item] of items.entries()) {
		const byText = existing.find((r) => unmatched.has(r.id) && sameText(r.text) === sameText(item.text));
		const byPlace = existing.find((r) => unmatched.has(r.id) && r.paragraphNumber === item.paragraphNumber && r.listLetter === item.letter);
		const match = byText ?? byPlace;
		const fields = { reportVersionId: versionId, paragraphNumber: item.paragraphNumber, listLetter: item.letter, position, text: item.text };
		if (match) {
			unmatched.delete(match.id);
			await tx.update(recommendation).set({ ...fields, updatedAt: now }).where(eq(recommendation.id, match.id));
			updated++;
			continue;
		}
		const source = said.find((s) => sameText(s.text) === sameText(item.text));
		const [row] = await tx
			.insert(recommendation)
			.values({ ...fields, processId: v.processId, consultationId: v.consultationId, statementId: source?.id ?? null, addressees: suggestAddressees(item.text) })
			.returning({ id: recommendation.id });
		const tagged = source ? (await tx.select({ id: statementObjective.objectiveId }).from(statementObjective).where(eq(statementObjective.statementId, source.id))).map((t) => t.id) : [];
		const objectiveIds = tagged.length ? tagged : suggestObjectives(item.text, objectives, 3).filter((s) => s.score >= 2).map((s) => s.objectiveId);
		if (objectiveIds.length) await tx.insert(recommendationObjective).values(objectiveIds.map((objectiveId) => ({ recommendationId: row.id, objectiveId })));
		added++;
	}
	let removed = 0;
	if (unmatched.size) {
		const logged = new Set((await tx.select({ id: followUp.recommendationId }).from(followUp).where(inArray(followUp.recommendationId, [...unmatched]))).map((f) => f.id));
		const drop = existing.filter((r) => unmatched.has(r.id) && r.status === 'open' && !logged.has(r.id)).map((r) => r.id);
		if (drop.length) await tx.delete(recommendation).where(inArray(recommendation.id, drop));
		removed = drop.length;
	}
	return { added, updated, removed };
}
