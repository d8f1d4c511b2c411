// The agenda and background documents of a consultation, edited by its organizers. Items are kept
// in time order: positions are renumbered after every change (through negative numbers first, so
// the unique (consultation, position) index never sees two items on one position).
import { clearedList, fieldErrors, listFields, passGate } from '../privacy/gate';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db';
import { agendaItem, agendaSpeaker, consultation, document, guidingQuestion, person } from '../db/schema';
import { FORBIDDEN, policy, type Actor, type Forbidden } from '../../domain/policy';
import type { AgendaItemValues } from '../../domain/agenda-input';
import { isUuid, type ConsultationId, type PersonId } from '../../domain/ids';
import { findingText } from '../privacy/finding-text';

export type AgendaResult = { ok: true } | Forbidden | { ok: false; reason: 'not-found' } | { ok: false; reason: 'invalid'; errors: Record<string, string>; findings?: string[]; canOverride?: boolean };

type Locked = { ok: true; c: typeof consultation.$inferSelect } | { ok: false; error: Forbidden | { ok: false; reason: 'not-found' } };

async function lockConsultation(tx: Transaction, actor: Actor, slug: string): Promise<Locked> {
	const [c] = await tx.select().from(consultation).where(eq(consultation.slug, slug)).for('update');
	if (!c) return { ok: false, error: { ok: false, reason: 'not-found' } };
	if (!policy.canOrganize(actor, c.id)) return { ok: false, error: FORBIDDEN };
	return { ok: true, c };
}

async function renumber(tx: Transaction, consultationId: ConsultationId) {
	const items = await tx.select({ id: agendaItem.id }).from(agendaItem).where(eq(agendaItem.consultationId, consultationId)).orderBy(asc(agendaItem.startsAt), asc(agendaItem.endsAt));
	await tx.update(agendaItem).set({ position: sql`-${agendaItem.position}` }).where(eq(agendaItem.consultationId, consultationId));
	for (const [i, item] of items.entries()) await tx.update(agendaItem).set({ position: i + 1 }).where(eq(agendaItem.id, item.id));
}

/** `overrideReason`: an administrator's written reason to save past a blocking privacy finding (audited). */
export async function saveAgendaItem(db: Database, actor: Actor, slug: string, itemId: string | null, values: AgendaItemValues, options: { overrideReason?: string | null } = {}): Promise<AgendaResult> {
	return db.transaction(async (tx) => {
		const locked = await lockConsultation(tx, actor, slug);
		if (!locked.ok) return locked.error;
		const people = [values.moderatorId, ...values.speakerIds].filter((id): id is PersonId => !!id);
		if (people.length) {
			const found = await tx.select({ id: person.id }).from(person).where(inArray(person.id, people));
			if (found.length !== new Set(people).size) return { ok: false as const, reason: 'invalid' as const, errors: { speakerIds: 'invalid' } };
		}
		// The agenda is public (consultation page, open data): its texts pass the privacy gate.
		const texts = { title: values.title, description: values.description ?? '', ...listFields('questions', values.questions) };
		const gate = await passGate(tx, actor, { consultationId: locked.c.id }, { type: 'consultation', id: locked.c.id }, texts, { overrideReason: options.overrideReason });
		if (!gate.ok) return { ok: false as const, reason: 'invalid' as const, errors: fieldErrors(texts, gate.findings), findings: gate.findings.map((f) => findingText(f)), canOverride: gate.canOverride };
		let id = itemId;
		const questions = clearedList(gate.texts, 'questions', values.questions.length);
		const row = { title: gate.texts.title, description: values.description === null ? null : gate.texts.description, startsAt: values.startsAt, endsAt: values.endsAt, moderatorId: values.moderatorId };
		if (id) {
			const updated = await tx.update(agendaItem).set(row).where(and(eq(agendaItem.id, id), eq(agendaItem.consultationId, locked.c.id))).returning({ id: agendaItem.id });
			if (!updated.length) return { ok: false as const, reason: 'not-found' as const };
			await tx.delete(agendaSpeaker).where(eq(agendaSpeaker.agendaItemId, id));
			await tx.delete(guidingQuestion).where(eq(guidingQuestion.agendaItemId, id));
		} else {
			const [{ max }] = await tx.select({ max: sql<number>`coalesce(max(${agendaItem.position}), 0)` }).from(agendaItem).where(eq(agendaItem.consultationId, locked.c.id));
			const [created] = await tx.insert(agendaItem).values({ ...row, consultationId: locked.c.id, position: Number(max) + 1 }).returning({ id: agendaItem.id });
			id = created.id;
		}
		if (values.speakerIds.length) await tx.insert(agendaSpeaker).values(values.speakerIds.map((personId, i) => ({ agendaItemId: id!, personId, role: 'panelist' as const, position: i })));
		if (questions.length) await tx.insert(guidingQuestion).values(questions.map((text, i) => ({ agendaItemId: id!, position: i + 1, text })));
		await renumber(tx, locked.c.id);
		return { ok: true as const };
	});
}

export async function deleteAgendaItem(db: Database, actor: Actor, slug: string, itemId: string): Promise<AgendaResult> {
	return db.transaction(async (tx) => {
		const locked = await lockConsultation(tx, actor, slug);
		if (!locked.ok) return locked.error;
		if (!isUuid(itemId)) return { ok: false as const, reason: 'not-found' as const };
		const deleted = await tx.delete(agendaItem).where(and(eq(agendaItem.id, itemId), eq(agendaItem.consultationId, locked.c.id))).returning({ id: agendaItem.id });
		if (!deleted.length) return { ok: false as const, reason: 'not-found' as const };
		await renumber(tx, locked.c.id);
		return { ok: true as const };
	});
}

export async function addDocument(
	db: Database,
	actor: Actor,
	slug: string,
	doc: { title: string; url: string } | { title: string; fileName: string; mediaType: string; content: Buffer },
	options: { overrideReason?: string | null } = {}
): Promise<AgendaResult> {
	return db.transaction(async (tx) => {
		const locked = await lockConsultation(tx, actor, slug);
		if (!locked.ok) return locked.error;
		// A document's title is public on the consultation page: it passes the privacy gate.
		const gate = await passGate(tx, actor, { consultationId: locked.c.id }, { type: 'document', id: locked.c.id }, { title: doc.title }, { overrideReason: options.overrideReason });
		if (!gate.ok) return { ok: false as const, reason: 'invalid' as const, errors: { title: 'privacy' }, findings: gate.findings.map((f) => findingText(f)), canOverride: gate.canOverride };
		const [{ max }] = await tx.select({ max: sql<number>`coalesce(max(${document.position}), -1)` }).from(document).where(eq(document.consultationId, locked.c.id));
		await tx.insert(document).values({ consultationId: locked.c.id, position: Number(max) + 1, ...doc, title: gate.texts.title });
		return { ok: true as const };
	});
}

export async function deleteDocument(db: Database, actor: Actor, slug: string, documentId: string): Promise<AgendaResult> {
	return db.transaction(async (tx) => {
		const locked = await lockConsultation(tx, actor, slug);
		if (!locked.ok) return locked.error;
		if (!isUuid(documentId)) return { ok: false as const, reason: 'not-found' as const };
		const deleted = await tx.delete(document).where(and(eq(document.id, documentId), eq(document.consultationId, locked.c.id))).returning({ id: document.id });
		return deleted.length ? { ok: true as const } : { ok: false as const, reason: 'not-found' as const };
	});
}
