// Reads of what the public sent in, for moderators: the queue of practices and written inputs
// waiting for a decision, each with what the privacy gate found in the texts that would become
// public, and the attachments.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db';
import { consultation, objective, practice, practiceObjective, writtenInput, writtenInputAttachment, writtenInputObjective } from '../db/schema';
import { protectionCache, type ProtectionScope } from './protected';
import { findingsOf, joinParts } from '../privacy/gate';
import { dateInZone } from '../../domain/time';
import type { ConsultationId } from '../../domain/ids';
import { findingText } from '../privacy/finding-text';

/** What a practice is checked against: its process's rooms, or every room when it names no process. */
export const practiceScope = (processId: string | null): ProtectionScope => (processId ? { processId } : 'everywhere');
/** A written input answers a process's open call, or one consultation's. */
export const inputScope = (w: { processId: string | null; consultationId: ConsultationId | null }): ProtectionScope => (w.processId ? { processId: w.processId } : w.consultationId ? { consultationId: w.consultationId } : 'everywhere');

/** What of a practice becomes public, as the gate checks it (the moderation page reads the same stored check). */
export const practiceTexts = (p: { title: string; summary: string; links: readonly string[] }) => ({ title: p.title, summary: p.summary, links: p.links.join('\n') });
/** What of a written input becomes public: its organization only with the author's consent. */
export const inputTexts = (w: { title: string | null; text: string; isAttributionConsented: boolean; organizationName: string | null }) => ({ title: w.title ?? '', text: w.text, organization: w.isAttributionConsented ? (w.organizationName ?? '') : '' });


/** An attachment of a written input, with its content; null when there is none. */
export async function getWrittenInputAttachment(db: Executor, id: string) {
	const [a] = await db.select().from(writtenInputAttachment).where(eq(writtenInputAttachment.id, id));
	return a ?? null;
}

/** Practices and written inputs waiting for moderation, oldest first, with the gate's findings. */
export async function moderationQueue(db: Executor) {
	const [practices, inputs, objectives] = await Promise.all([
		db.select().from(practice).where(eq(practice.status, 'submitted')).orderBy(asc(practice.createdAt)),
		db.select({ w: writtenInput, consultationTitle: consultation.title }).from(writtenInput).leftJoin(consultation, eq(consultation.id, writtenInput.consultationId)).where(eq(writtenInput.status, 'submitted')).orderBy(asc(writtenInput.submittedAt)),
		db.select({ id: objective.id, number: objective.number, shortTitle: objective.shortTitle }).from(objective).orderBy(asc(objective.number))
	]);
	// One protected set per scope; each text's findings are read back from the gate's store, not rescanned.
	const protectionFor = protectionCache(db);
	const findings = async (scope: ProtectionScope, texts: Record<string, string>) =>
		(await findingsOf(db, await protectionFor(scope), joinParts(Object.values(texts)))).findings.map((f) => ({ severity: f.severity, text: findingText(f) }));
	const inputIds = inputs.map((i) => i.w.id);
	const [tags, attachments, practiceTags] = await Promise.all([
		inputIds.length ? db.select().from(writtenInputObjective).where(inArray(writtenInputObjective.writtenInputId, inputIds)) : [],
		inputIds.length ? db.select({ id: writtenInputAttachment.id, inputId: writtenInputAttachment.writtenInputId, fileName: writtenInputAttachment.fileName, size: writtenInputAttachment.size }).from(writtenInputAttachment).where(inArray(writtenInputAttachment.writtenInputId, inputIds)) : [],
		practices.length ? db.select().from(practiceObjective).where(inArray(practiceObjective.practiceId, practices.map((p) => p.id))) : []
	]);
	return {
		objectives,
		practices: await Promise.all(
			practices.map(async (p) => ({
				id: p.id,
				title: p.title,
				summary: p.summary,
				submitter: { name: p.submitterName, email: p.submitterEmail },
				objectives: objectives.filter((o) => practiceTags.some((t) => t.practiceId === p.id && t.objectiveId === o.id)).map((o) => `${o.number}. ${o.shortTitle}`),
				findings: await findings(practiceScope(p.processId), practiceTexts(p))
			}))
		),
		inputs: await Promise.all(
			inputs.map(async ({ w, consultationTitle }) => ({
				id: w.id,
				title: w.title,
				text: w.text,
				author: { name: w.authorName, email: w.email, organization: w.organizationName },
				isAttributionConsented: w.isAttributionConsented,
				consultationTitle,
				objectiveIds: tags.filter((t) => t.writtenInputId === w.id).map((t) => t.objectiveId),
				attachments: attachments.filter((a) => a.inputId === w.id),
				findings: await findings(inputScope(w), inputTexts(w))
			}))
		)
	};
}

/** Published written inputs of a process (or one consultation): the author only with their consent. */
export async function publishedInputs(db: Executor, processId: string, consultationId?: ConsultationId) {
	// Dates in the consultation's zone; an input to the process takes the zone of its first consultation.
	const [first] = await db.select({ timeZone: consultation.timeZone }).from(consultation).where(eq(consultation.processId, processId)).orderBy(consultation.startsAt).limit(1);
	const rows = await db
		.select({ w: writtenInput, consultationTitle: consultation.title, consultationSlug: consultation.slug, timeZone: consultation.timeZone })
		.from(writtenInput)
		.leftJoin(consultation, eq(consultation.id, writtenInput.consultationId))
		.where(and(eq(writtenInput.processId, processId), eq(writtenInput.status, 'published'), ...(consultationId ? [eq(writtenInput.consultationId, consultationId)] : [])))
		.orderBy(writtenInput.submittedAt);
	const ids = rows.map((r) => r.w.id);
	const tags = ids.length
		? await db
				.select({ inputId: writtenInputObjective.writtenInputId, number: objective.number, shortTitle: objective.shortTitle })
				.from(writtenInputObjective)
				.innerJoin(objective, eq(objective.id, writtenInputObjective.objectiveId))
				.where(inArray(writtenInputObjective.writtenInputId, ids))
		: [];
	const attachments = ids.length ? await db.select({ inputId: writtenInputAttachment.writtenInputId }).from(writtenInputAttachment).where(inArray(writtenInputAttachment.writtenInputId, ids)) : [];
	return rows.map(({ w, consultationTitle, consultationSlug, timeZone }) => ({
		id: w.id,
		title: w.title,
		text: w.text,
		author: w.isAttributionConsented ? { name: w.authorName, organization: w.organizationName } : null,
		consultation: consultationSlug ? { slug: consultationSlug, title: consultationTitle! } : null,
		objectives: tags.filter((t) => t.inputId === w.id).sort((a, b) => a.number - b.number).map((t) => ({ number: t.number, shortTitle: t.shortTitle })),
		attachments: attachments.filter((a) => a.inputId === w.id).length,
		submittedOn: dateInZone(w.submittedAt, timeZone ?? first?.timeZone ?? 'UTC')
	}));
}
