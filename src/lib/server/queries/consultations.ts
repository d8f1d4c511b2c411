// Read models of consultations for the public pages and the staff area.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db';
import {
	agendaItem,
	agendaSpeaker,
	consultation,
	consultationObjective,
	document,
	guidingQuestion,
	objective,
	organization,
	organizingTeamMember,
	person,
	registration,
	report,
	reportVersion,
	reviewProcess,
	statement
} from '../db/schema';
import type { ConsultationId } from '../../domain/ids';

export type ConsultationRow = typeof consultation.$inferSelect;
export type ProcessRow = typeof reviewProcess.$inferSelect;

/** A review process by its slug; null when there is none. */
export async function processBySlug(db: Executor, slug: string): Promise<ProcessRow | null> {
	const [p] = await db.select().from(reviewProcess).where(eq(reviewProcess.slug, slug));
	return p ?? null;
}

/** A consultation by its slug, whatever its status (staff pages); null when there is none. */
export async function getConsultationBySlug(db: Executor, slug: string): Promise<ConsultationRow | null> {
	const [c] = await db.select().from(consultation).where(eq(consultation.slug, slug));
	return c ?? null;
}

/** A published consultation by its slug (public pages and the open-data API); null otherwise. */
export async function getPublishedConsultation(db: Executor, slug: string): Promise<ConsultationRow | null> {
	const [c] = await db.select().from(consultation).where(and(eq(consultation.slug, slug), eq(consultation.status, 'published')));
	return c ?? null;
}

/** A published consultation of one review process (the open call for written inputs); null otherwise. */
export async function getPublishedConsultationInProcess(db: Executor, processId: string, slug: string) {
	const [c] = await db
		.select({ id: consultation.id, slug: consultation.slug, title: consultation.title })
		.from(consultation)
		.where(and(eq(consultation.slug, slug), eq(consultation.processId, processId), eq(consultation.status, 'published')));
	return c ?? null;
}

/** Every consultation's id, slug and title, by date (staff pickers). */
export function listConsultationTitles(db: Executor) {
	return db.select({ id: consultation.id, slug: consultation.slug, title: consultation.title }).from(consultation).orderBy(asc(consultation.startsAt));
}

/**
 * A review process's published consultations by date, each with the slug of its report when a
 * version of it is published (null otherwise).
 */
export async function listProcessConsultations(db: Executor, processId: string) {
	const rows = await db
		.select({ slug: consultation.slug, title: consultation.title, startsAt: consultation.startsAt, endsAt: consultation.endsAt, timeZone: consultation.timeZone, reportSlug: report.slug, published: reportVersion.number })
		.from(consultation)
		.leftJoin(report, eq(report.consultationId, consultation.id))
		.leftJoin(reportVersion, and(eq(reportVersion.reportId, report.id), eq(reportVersion.state, 'published')))
		.where(and(eq(consultation.processId, processId), eq(consultation.status, 'published')))
		.orderBy(asc(consultation.startsAt));
	const bySlug = new Map<string, { slug: string; title: string; startsAt: Date; endsAt: Date; timeZone: string; reportSlug: string | null }>();
	for (const r of rows) {
		const seen = bySlug.get(r.slug);
		if (!seen || (r.published && !seen.reportSlug)) bySlug.set(r.slug, { slug: r.slug, title: r.title, startsAt: r.startsAt, endsAt: r.endsAt, timeZone: r.timeZone, reportSlug: r.published ? r.reportSlug : null });
	}
	return [...bySlug.values()];
}

/** The review processes, by title (the home page links them). */
export function listReviewProcesses(db: Executor) {
	return db.select({ slug: reviewProcess.slug, title: reviewProcess.title }).from(reviewProcess).orderBy(reviewProcess.title);
}

/** An uploaded document of a published consultation, with its content; null when there is none. */
export async function getPublishedDocument(db: Executor, slug: string, documentId: string) {
	const [row] = await db
		.select({ d: document })
		.from(document)
		.innerJoin(consultation, eq(document.consultationId, consultation.id))
		.where(and(eq(document.id, documentId), eq(consultation.slug, slug), eq(consultation.status, 'published')));
	return row?.d.content ? row.d : null;
}

export async function listPublishedConsultations(db: Executor): Promise<ConsultationRow[]> {
	return db.select().from(consultation).where(eq(consultation.status, 'published')).orderBy(asc(consultation.startsAt));
}

export async function listConsultationsWithRegistrationCounts(db: Executor) {
	const rows = await db
		.select({ c: consultation, registrations: count(registration.id) })
		.from(consultation)
		.leftJoin(registration, eq(registration.consultationId, consultation.id))
		.groupBy(consultation.id)
		.orderBy(asc(consultation.startsAt));
	return rows.map((r) => ({ ...r.c, registrations: r.registrations }));
}

export interface AgendaEntry {
	id: string;
	position: number;
	startsAt: Date;
	endsAt: Date;
	title: string;
	description: string | null;
	moderatorId: string | null;
	moderator: { name: string; honorific: string | null; jobTitle: string | null } | null;
	speakerIds: string[];
	speakers: { name: string; honorific: string | null; jobTitle: string | null; role: string }[];
	questions: string[];
}

export interface ConceptNote {
	consultation: ConsultationRow;
	objectives: { number: number; title: string; shortTitle: string; cluster: number | null }[];
	team: { name: string; acronym: string | null; role: string }[];
	agenda: AgendaEntry[];
	documents: { title: string; url: string | null; fileName: string | null; id: string }[];
}

/** Everything the public concept-note page shows. Only published consultations; drafts stay hidden. */
export async function getPublishedConceptNote(db: Executor, slug: string): Promise<ConceptNote | null> {
	const c = await getPublishedConsultation(db, slug);
	return c ? conceptNoteOf(db, c) : null;
}

/** The same, whatever the consultation's status, for its organizers. */
export async function getConceptNoteForStaff(db: Executor, consultationId: ConsultationId): Promise<ConceptNote> {
	const [c] = await db.select().from(consultation).where(eq(consultation.id, consultationId));
	return conceptNoteOf(db, c);
}

async function conceptNoteOf(db: Executor, c: ConsultationRow): Promise<ConceptNote> {
	const objectives = await db
		.select({ number: objective.number, title: objective.title, shortTitle: objective.shortTitle, cluster: objective.cluster })
		.from(consultationObjective)
		.innerJoin(objective, eq(consultationObjective.objectiveId, objective.id))
		.where(eq(consultationObjective.consultationId, c.id))
		.orderBy(asc(objective.number));

	const team = await db
		.select({ name: organization.name, acronym: organization.acronym, role: organizingTeamMember.role })
		.from(organizingTeamMember)
		.innerJoin(organization, eq(organizingTeamMember.organizationId, organization.id))
		.where(eq(organizingTeamMember.consultationId, c.id))
		.orderBy(asc(organizingTeamMember.position));

	const moderator = alias(person, 'moderator');
	const items = await db
		.select({ item: agendaItem, moderator: { name: moderator.name, honorific: moderator.honorific, jobTitle: moderator.jobTitle } })
		.from(agendaItem)
		.leftJoin(moderator, eq(agendaItem.moderatorId, moderator.id))
		.where(eq(agendaItem.consultationId, c.id))
		.orderBy(asc(agendaItem.position));
	const itemIds = items.map((i) => i.item.id);
	const speakers = itemIds.length
		? await db
				.select({ itemId: agendaSpeaker.agendaItemId, personId: person.id, name: person.name, honorific: person.honorific, jobTitle: person.jobTitle, role: agendaSpeaker.role })
				.from(agendaSpeaker)
				.innerJoin(person, eq(agendaSpeaker.personId, person.id))
				.where(inArray(agendaSpeaker.agendaItemId, itemIds))
				.orderBy(asc(agendaSpeaker.position))
		: [];
	const questions = itemIds.length
		? await db.select().from(guidingQuestion).where(inArray(guidingQuestion.agendaItemId, itemIds)).orderBy(asc(guidingQuestion.position))
		: [];

	const agenda: AgendaEntry[] = items.map(({ item, moderator: m }) => ({
		id: item.id,
		position: item.position,
		startsAt: item.startsAt,
		endsAt: item.endsAt,
		title: item.title,
		description: item.description,
		moderatorId: item.moderatorId,
		moderator: m?.name ? m : null,
		speakerIds: speakers.filter((s) => s.itemId === item.id).map((s) => s.personId),
		speakers: speakers.filter((s) => s.itemId === item.id).map(({ itemId: _itemId, personId: _personId, ...s }) => s),
		questions: questions.filter((q) => q.agendaItemId === item.id).map((q) => q.text)
	}));

	const documents = await db
		.select({ id: document.id, title: document.title, url: document.url, fileName: document.fileName })
		.from(document)
		.where(eq(document.consultationId, c.id))
		.orderBy(asc(document.position));

	return { consultation: c, objectives, team, agenda, documents };
}

/** A framework's objectives by number (filters and tags). */
export function listObjectives(db: Executor, frameworkId: string) {
	return db.select({ number: objective.number, shortTitle: objective.shortTitle }).from(objective).where(eq(objective.frameworkId, frameworkId)).orderBy(asc(objective.number));
}

/** A consultation's agenda items in order, with how many statements the notes hold for each. */
export function agendaWithStatementCounts(db: Executor, consultationId: ConsultationId) {
	return db
		.select({ id: agendaItem.id, title: agendaItem.title, startsAt: agendaItem.startsAt, endsAt: agendaItem.endsAt, statements: count(statement.id) })
		.from(agendaItem)
		.leftJoin(statement, eq(statement.agendaItemId, agendaItem.id))
		.where(eq(agendaItem.consultationId, consultationId))
		.groupBy(agendaItem.id)
		.orderBy(asc(agendaItem.position));
}

/** The slug of a review process (a consultation page links its process). */
export async function processSlugOf(db: Executor, processId: string): Promise<string | null> {
	const [p] = await db.select({ slug: reviewProcess.slug }).from(reviewProcess).where(eq(reviewProcess.id, processId));
	return p?.slug ?? null;
}

/** Every objective with its cluster, by number (the consultation form's checklist). */
export function listObjectivesWithClusters(db: Executor) {
	// The id and short title let pages name a GCM objective in the reader's language (localizeReferenceData).
	return db.select({ id: objective.id, number: objective.number, title: objective.title, shortTitle: objective.shortTitle, cluster: objective.cluster }).from(objective).orderBy(asc(objective.number));
}

/** What the consultation form shows beside the consultation's own row: its objectives and its organizing team. */
export async function consultationFormExtras(db: Executor, consultationId: ConsultationId) {
	const [chosen, team] = await Promise.all([
		db.select({ id: consultationObjective.objectiveId }).from(consultationObjective).where(eq(consultationObjective.consultationId, consultationId)),
		db.select().from(organizingTeamMember).where(eq(organizingTeamMember.consultationId, consultationId))
	]);
	return {
		objectiveIds: chosen.map((o) => o.id),
		leadAgencyIds: team.filter((t) => t.role === 'lead-agency').map((t) => t.organizationId),
		coDesignerIds: team.filter((t) => t.role === 'co-designer').map((t) => t.organizationId)
	};
}
