// Reads of the notes of a consultation: the item a rapporteur writes under, the people who may be
// named as speakers, the protected set statements are checked against, and each statement with the
// privacy core's findings.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { agendaItem, consultation, objective, organization, person, registration, statement, statementObjective } from '../db/schema';
import { FORBIDDEN, NOT_FOUND, policy, type Actor } from '../../domain/policy';
import type { StatementDescriptor } from '../../domain/notes/statement';
import { checkSpeakerDescriptors } from '../../domain/privacy/anonymity';
import { checkText, type PrivacyFinding } from '../../domain/privacy/check';
import { onRecordPersonIds } from './attendees';
import { protectionOf, type Protection } from './protected';
import { writeAudit } from './audit';
import { isUuid, type ConsultationId, type PersonId } from '../../domain/ids';

export interface PersonOption {
	id: PersonId;
	label: string; // unique: "Name (Organization)"
	isOnRecord: boolean;
}

/** The room a descriptor is counted against, and everyone the leak scan looks for: the one definition (queries/protected). */
export async function notesProtection(db: Executor, consultationId: ConsultationId): Promise<Protection> {
	return protectionOf(db, { consultationId });
}

export async function peopleOptions(db: Executor, consultationId: ConsultationId): Promise<PersonOption[]> {
	const onRecord = await onRecordPersonIds(db, consultationId);
	const registrants = await db.select({ personId: registration.personId }).from(registration).where(eq(registration.consultationId, consultationId));
	const ids = [...new Set([...onRecord, ...registrants.map((r) => r.personId)])];
	if (!ids.length) return [];
	const rows = await db
		.select({ id: person.id, name: person.name, organization: organization.name })
		.from(person)
		.leftJoin(organization, eq(organization.id, person.organizationId))
		.where(inArray(person.id, ids))
		.orderBy(asc(person.name));
	const counts = new Map<string, number>();
	for (const r of rows) counts.set(`${r.name} (${r.organization ?? ''})`, (counts.get(`${r.name} (${r.organization ?? ''})`) ?? 0) + 1);
	const options = rows.map((r) => {
		const base = r.organization ? `${r.name} (${r.organization})` : r.name;
		return { id: r.id, label: (counts.get(`${r.name} (${r.organization ?? ''})`) ?? 0) > 1 ? `${base} #${r.id.slice(0, 4)}` : base, isOnRecord: onRecord.has(r.id) };
	});
	// Listed speakers first: they are the ones a rapporteur picks most.
	return options.sort((a, b) => Number(b.isOnRecord) - Number(a.isOnRecord) || a.label.localeCompare(b.label));
}

export async function findItem(db: Executor, slug: string, itemId: string) {
	if (!isUuid(itemId)) return null;
	const [row] = await db
		.select({ consultation, item: agendaItem })
		.from(agendaItem)
		.innerJoin(consultation, eq(consultation.id, agendaItem.consultationId))
		.where(and(eq(consultation.slug, slug), eq(agendaItem.id, itemId)));
	return row ?? null;
}

export async function notesOfItem(db: Database, actor: Actor, slug: string, itemId: string) {
	const found = await findItem(db, slug, itemId);
	if (!found) return NOT_FOUND;
	const { consultation: c, item } = found;
	if (!policy.canTakeNotes(actor, c.id)) return FORBIDDEN;
	const [items, people, protection, objectives, rows] = await Promise.all([
		db.select({ id: agendaItem.id, title: agendaItem.title, startsAt: agendaItem.startsAt, endsAt: agendaItem.endsAt }).from(agendaItem).where(eq(agendaItem.consultationId, c.id)).orderBy(asc(agendaItem.position)),
		peopleOptions(db, c.id),
		notesProtection(db, c.id),
		db.select({ id: objective.id, number: objective.number, title: objective.title, shortTitle: objective.shortTitle }).from(objective).orderBy(asc(objective.number)),
		db.select().from(statement).where(eq(statement.agendaItemId, item.id)).orderBy(asc(statement.position), asc(statement.createdAt))
	]);
	const tags = rows.length ? await db.select().from(statementObjective).where(inArray(statementObjective.statementId, rows.map((r) => r.id))) : [];
	await writeAudit(db, actor, { action: 'statement.view-speakers', subjectType: 'agenda-item', subjectId: item.id, details: { consultation: c.slug, statements: rows.length } });
	const label = new Map(people.map((p) => [p.id, p.label]));
	const statements = rows.map((r) => ({
		id: r.id,
		version: r.updatedAt.toISOString(),
		speakerId: r.speakerId,
		speaker: r.speakerId ? (label.get(r.speakerId) ?? null) : null,
		attribution: r.attribution as 'on-record' | 'non-attributable',
		descriptors: r.descriptors,
		text: r.text,
		isRecommendation: r.isRecommendation,
		objectives: tags.filter((t) => t.statementId === r.id).map((t) => t.objectiveId),
		findings: statementFindings(r, protection)
	}));
	return {
		ok: true as const,
		consultation: c,
		item,
		items,
		people,
		// Facts only, no names: the page counts a descriptor's anonymity set as it is chosen.
		facts: protection.room.filter((a) => a.attribution === 'non-attributable').map((a) => ({ category: a.category ?? null, country: a.country ?? null, subregion: a.subregion ?? null, gender: a.gender ?? null })),
		objectives,
		statements
	};
}

export type NoteFinding = { kind: 'descriptor'; severity: 'block'; matching: number; k: number; descriptor: Record<string, string> } | PrivacyFinding;

/** What the privacy core says of one statement: its descriptors' anonymity sets and leaks in its text. */
export function statementFindings(s: { attribution: string; descriptors: readonly StatementDescriptor[]; text: string }, protection: Protection): NoteFinding[] {
	const findings: NoteFinding[] = [];
	const { k } = protection;
	if (s.attribution === 'non-attributable') {
		const descriptors = s.descriptors.map((d) => ({ [d.kind]: d.value }));
		const nonAttributable = protection.room.filter((a) => a.attribution === 'non-attributable');
		for (const f of checkSpeakerDescriptors(descriptors, nonAttributable, k)) findings.push({ kind: 'descriptor', severity: 'block', matching: f.matching, k, descriptor: f.descriptor as Record<string, string> });
	}
	findings.push(...checkText(s.text, protection.people, k, protection.room).findings);
	return findings;
}
