// Rapporteurs' notes per agenda item: statements with their speaker, attribution, descriptors,
// objective tags and recommendations. Who said what is shown only to the consultation's organizers
// and rapporteurs, and each time it is shown the audit log records it. A save is idempotent (the
// form carries the statement's id) and refuses to overwrite a version someone else saved meanwhile.
import { and, eq, max } from 'drizzle-orm';
import type { Database } from '../db';
import { agendaItem, objective, statement, statementObjective } from '../db/schema';
import { FORBIDDEN, NOT_FOUND, policy, type Actor, type Forbidden, type NotFound } from '../../domain/policy';
import { descriptorsOf, asDescriptor, type StatementForm } from '../../domain/notes/statement';
import { anonymitySet } from '../../domain/privacy/anonymity';
import { onRecordPersonIds } from '../queries/attendees';
import { writeAudit } from '../queries/audit';
import { peopleOptions, notesProtection, findItem } from '../queries/notes';
import type { PersonId } from '../../domain/ids';

export type SaveStatementResult =
	| { ok: true; statementId: string; attribution: 'on-record' | 'non-attributable'; descriptorCount: number | null }
	| Forbidden
	| NotFound
	| { ok: false; reason: 'invalid'; errors: Record<string, string> }
	| { ok: false; reason: 'conflict' };

export async function saveStatement(db: Database, actor: Actor, slug: string, itemId: string, form: StatementForm, now: Date): Promise<SaveStatementResult> {
	const found = await findItem(db, slug, itemId);
	if (!found) return NOT_FOUND;
	const { consultation: c, item } = found;
	if (!policy.canTakeNotes(actor, c.id)) return FORBIDDEN;
	const errors: Record<string, string> = {};
	let speakerId: PersonId | null = null;
	if (form.speaker) {
		const match = (await peopleOptions(db, c.id)).find((p) => p.label === form.speaker);
		if (!match) errors.speaker = 'speaker-unknown';
		else speakerId = match.id;
	}
	const known = new Set((await db.select({ id: objective.id }).from(objective)).map((o) => o.id));
	if (form.objectives.some((o) => !known.has(o))) errors.objectives = 'invalid';
	if (Object.keys(errors).length) return { ok: false, reason: 'invalid', errors };
	const onRecord = await onRecordPersonIds(db, c.id);
	const attribution = form.attribution === 'auto' ? (speakerId && onRecord.has(speakerId) ? 'on-record' : 'non-attributable') : form.attribution;
	if (attribution === 'on-record' && !speakerId) return { ok: false, reason: 'invalid', errors: { speaker: 'on-record-needs-speaker' } };
	const descriptors = attribution === 'non-attributable' ? descriptorsOf(form) : [];

	return db.transaction(async (tx) => {
		await tx.select({ id: agendaItem.id }).from(agendaItem).where(eq(agendaItem.id, item.id)).for('update');
		const [existing] = await tx.select({ id: statement.id, updatedAt: statement.updatedAt, agendaItemId: statement.agendaItemId }).from(statement).where(eq(statement.id, form.statementId));
		if (existing && existing.agendaItemId !== item.id) return { ok: false as const, reason: 'invalid' as const, errors: { statementId: 'invalid' } };
		// A new statement sent again (a retry after a dropped connection) is already saved: nothing to do.
		const isRetry = existing && !form.version;
		if (existing && form.version && existing.updatedAt.toISOString() !== form.version) return { ok: false as const, reason: 'conflict' as const };
		if (existing && !isRetry) {
			await tx.update(statement).set({ speakerId, attribution, descriptors, text: form.text, isRecommendation: form.isRecommendation, updatedAt: now }).where(eq(statement.id, existing.id));
		} else if (!existing) {
			const [{ last }] = await tx.select({ last: max(statement.position) }).from(statement).where(eq(statement.agendaItemId, item.id));
			await tx.insert(statement).values({
				id: form.statementId,
				consultationId: c.id,
				agendaItemId: item.id,
				speakerId,
				attribution,
				descriptors,
				text: form.text,
				isRecommendation: form.isRecommendation,
				position: (last ?? 0) + 1,
				createdByUserId: actor.kind === 'staff' ? actor.userId : null,
				createdAt: now,
				updatedAt: now
			});
		}
		if (!isRetry) {
			await tx.delete(statementObjective).where(eq(statementObjective.statementId, form.statementId));
			if (form.objectives.length) await tx.insert(statementObjective).values([...new Set(form.objectives)].map((objectiveId) => ({ statementId: form.statementId, objectiveId })));
		}
		const { room } = await notesProtection(tx, c.id);
		const descriptorCount = descriptors.length ? anonymitySet(asDescriptor(descriptors), room.filter((a) => a.attribution === 'non-attributable')) : null;
		return { ok: true as const, statementId: form.statementId, attribution, descriptorCount };
	});
}

export type DeleteStatementResult = { ok: true } | Forbidden | NotFound;

export async function deleteStatement(db: Database, actor: Actor, slug: string, itemId: string, statementId: string): Promise<DeleteStatementResult> {
	const found = await findItem(db, slug, itemId);
	if (!found) return NOT_FOUND;
	if (!policy.canTakeNotes(actor, found.consultation.id)) return FORBIDDEN;
	const deleted = await db
		.delete(statement)
		.where(and(eq(statement.id, statementId), eq(statement.agendaItemId, found.item.id)))
		.returning({ id: statement.id });
	if (!deleted.length) return NOT_FOUND;
	await writeAudit(db, actor, { action: 'statement.delete', subjectType: 'statement', subjectId: statementId, details: { consultation: found.consultation.slug } });
	return { ok: true };
}
