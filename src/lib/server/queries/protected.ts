// Who is protected by the Chatham House Rule: the one definition every public exit checks against
// (the notes page, the report gate, moderation, follow-up notes, pledges, consultation texts,
// statistics). Per consultation:
//   - protected (never named): everyone who registered (any state: submitted, selected, waitlisted,
//     declined, confirmed, withdrawn), everyone who attended or was checked in (matched to the
//     directory or not: an unmatched videoconference name and email are protected too), and every
//     speaker of a non-attributable statement;
//   - on the record (may be named): the agenda's speakers and moderators.
// A review process protects the union over its consultations; a text tied to no process (a good
// practice, a pledge without a process) is checked against every room of every consultation.
//
// Descriptors ("a parliamentarian from Bhutan") are counted against the room: those who attended,
// or, before attendance is known, the registrants holding a place (selected, confirmed), with the
// speakers on the record. The strictest k of the consultations in scope applies.
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Executor } from '../db';
import { agendaItem, agendaSpeaker, attendance, consultation, country, organization, person, registration, statement } from '../db/schema';
import type { PrivacyAttendee } from '../../domain/privacy/check';
import { DEFAULT_K } from '../../domain/privacy/small-cells';
import type { ConsultationId, PersonId } from '../../domain/ids';

export type ProtectionScope = { consultationId: ConsultationId } | { processId: string | null } | 'everywhere';

export interface ProtectedPerson extends PrivacyAttendee {
	personId: PersonId | null;
	hasAttended: boolean;
}

export interface Protection {
	/** The leak scan's list: every protected person, with the on-record speakers (who may be named). */
	people: ProtectedPerson[];
	/** Whom descriptors are counted against. */
	room: ProtectedPerson[];
	k: number;
	/** Changes whenever who is protected changes: a stored check is valid only for the same fingerprint. */
	fingerprint: string;
}


export function describeScope(scope: ProtectionScope): string {
	if (scope === 'everywhere') return 'every consultation';
	return 'consultationId' in scope ? 'this consultation' : scope.processId ? 'the consultations of this review process' : 'every consultation';
}

async function consultationsIn(db: Executor, scope: ProtectionScope) {
	const columns = { id: consultation.id, k: consultation.anonymityThreshold };
	if (scope === 'everywhere' || ('processId' in scope && !scope.processId)) return db.select(columns).from(consultation);
	if ('consultationId' in scope) return db.select(columns).from(consultation).where(eq(consultation.id, scope.consultationId));
	return db.select(columns).from(consultation).where(eq(consultation.processId, scope.processId!));
}

export async function protectionOf(db: Executor, scope: ProtectionScope): Promise<Protection> {
	const consultations = await consultationsIn(db, scope);
	const ids = consultations.map((c) => c.id);
	const k = consultations.length ? Math.max(...consultations.map((c) => c.k)) : DEFAULT_K;
	if (!ids.length) return { people: [], room: [], k, fingerprint: fingerprintOf([], [], k) };

	const items = await db.select({ id: agendaItem.id, consultationId: agendaItem.consultationId, moderatorId: agendaItem.moderatorId }).from(agendaItem).where(inArray(agendaItem.consultationId, ids));
	const speakers = items.length ? await db.select({ itemId: agendaSpeaker.agendaItemId, personId: agendaSpeaker.personId }).from(agendaSpeaker).where(inArray(agendaSpeaker.agendaItemId, items.map((i) => i.id))) : [];
	const itemConsultation = new Map(items.map((i) => [i.id, i.consultationId]));
	const onRecord: { consultationId: ConsultationId; personId: PersonId }[] = [];
	for (const i of items) if (i.moderatorId) onRecord.push({ consultationId: i.consultationId, personId: i.moderatorId });
	for (const s of speakers) onRecord.push({ consultationId: itemConsultation.get(s.itemId)!, personId: s.personId });

	const registrations = await db
		.select({ consultationId: registration.consultationId, personId: registration.personId, status: registration.status, countryCode: registration.countryCode, categoryId: registration.categoryId, gender: registration.gender })
		.from(registration)
		.where(inArray(registration.consultationId, ids));
	const attended = await db
		.select({ consultationId: attendance.consultationId, personId: attendance.personId, displayName: attendance.displayName, email: attendance.email })
		.from(attendance)
		.where(inArray(attendance.consultationId, ids));
	const statementSpeakers = await db
		.selectDistinct({ consultationId: statement.consultationId, personId: statement.speakerId })
		.from(statement)
		.where(and(inArray(statement.consultationId, ids), eq(statement.attribution, 'non-attributable'), isNotNull(statement.speakerId)));

	// Per consultation: who is in it, and how.
	type Member = { consultationId: ConsultationId; personId: PersonId; isInRoom: boolean; hasAttended: boolean };
	const members = new Map<string, Member>();
	const add = (consultationId: ConsultationId, personId: PersonId, isInRoom: boolean, hasAttended: boolean) => {
		const key = `${consultationId}:${personId}`;
		const m = members.get(key) ?? { consultationId, personId, isInRoom: false, hasAttended: false };
		m.isInRoom ||= isInRoom;
		m.hasAttended ||= hasAttended;
		members.set(key, m);
	};
	const attendedIn = new Set(attended.filter((a) => a.personId).map((a) => a.consultationId));
	for (const a of attended) if (a.personId) add(a.consultationId, a.personId, true, true);
	for (const r of registrations) add(r.consultationId, r.personId, !attendedIn.has(r.consultationId) && (r.status === 'selected' || r.status === 'confirmed'), false);
	for (const s of statementSpeakers) add(s.consultationId, s.personId!, false, false);
	for (const r of onRecord) add(r.consultationId, r.personId, true, false);

	const personIds = [...new Set([...members.values()].map((m) => m.personId))];
	const rows = personIds.length
		? await db
				.select({ id: person.id, name: person.name, email: person.email, countryCode: person.countryCode, categoryId: person.categoryId, gender: person.gender, organization: organization.name, acronym: organization.acronym, aliases: organization.aliases })
				.from(person)
				.leftJoin(organization, eq(organization.id, person.organizationId))
				.where(inArray(person.id, personIds))
		: [];
	const byId = new Map(rows.map((r) => [r.id, r]));
	const subregions = new Map((await db.select({ code: country.code, subregionId: country.subregionId }).from(country)).map((c) => [c.code, c.subregionId]));
	const snapshot = new Map(registrations.map((r) => [`${r.consultationId}:${r.personId}`, r]));

	const people = new Map<string, ProtectedPerson>(); // one entry per person and attribution
	const room = new Map<string, ProtectedPerson>();
	for (const m of members.values()) {
		const p = byId.get(m.personId);
		if (!p) continue;
		const key = `${m.consultationId}:${m.personId}`;
		const reg = snapshot.get(key);
		const countryCode = reg?.countryCode ?? p.countryCode;
		const attribution = onRecord.some((r) => r.consultationId === m.consultationId && r.personId === m.personId) ? ('on-record' as const) : ('non-attributable' as const);
		const entry: ProtectedPerson = {
			personId: p.id,
			name: p.name,
			email: p.email,
			organization: p.organization,
			organizationAliases: [...(p.aliases ?? []), ...(p.acronym ? [p.acronym] : [])],
			country: countryCode,
			subregion: countryCode ? (subregions.get(countryCode) ?? null) : null,
			category: reg?.categoryId ?? p.categoryId,
			gender: reg?.gender ?? p.gender,
			attribution,
			hasAttended: m.hasAttended
		};
		const existing = people.get(`${attribution}:${p.id}`);
		if (!existing) people.set(`${attribution}:${p.id}`, entry);
		else existing.hasAttended ||= entry.hasAttended;
		if (m.isInRoom && !room.has(p.id)) room.set(p.id, entry);
	}
	// Attendees the videoconference report named but nobody matched to the directory: the name as
	// the report gave it, cleaned of what is not a name ("Grace Okonjo (UNDP)", "… - IOM", "iPhone").
	for (const a of attended) {
		if (a.personId || (!a.displayName && !a.email)) continue;
		const name = a.displayName ? nameOfDisplayName(a.displayName) : null;
		if (!name && !a.email) continue;
		const key = `unmatched:${name ?? ''}:${a.email ?? ''}`;
		if (!people.has(key)) people.set(key, { personId: null, name: name ?? '', email: a.email, attribution: 'non-attributable', hasAttended: true });
	}
	// Across several consultations, someone protected in one of them stays protected everywhere in
	// the scope, even if they spoke on the record in another: their on-record entry is dropped.
	if (ids.length > 1) {
		for (const [key, entry] of people) {
			if (entry.attribution === 'on-record' && entry.personId && people.has(`non-attributable:${entry.personId}`)) people.delete(key);
		}
	}
	const list = [...people.values()];
	// Descriptors are counted against the protected people in the room: a named speaker on the record
	// is attributed by name, so a reader can rule them out of "a parliamentarian from Bhutan".
	const roomList = [...room.values()].filter((p) => p.attribution === 'non-attributable');
	return { people: list, room: roomList, k, fingerprint: fingerprintOf(list, roomList, k) };
}

/** Words a videoconference shows instead of a name: a device, a role, a room. */
const NOT_A_NAME = new Set(['participant', 'guest', 'host', 'co-host', 'cohost', 'iphone', 'ipad', 'android', 'samsung', 'galaxy', 'user', 'admin', 'zoom', 'room', 'conference', 'meeting', 'interpreter', 'interpretation', 'moderator', 'rapporteur', 'secretariat', 'unknown', 'anonymous', 'test', 'call-in', 'phone', 'user', 'laptop', 'desktop', 'pc', 'mac', 'macbook', 'the', 'of', 'and', 'a']);

/** The person's name in a videoconference display name, or null when it holds none. */
export function nameOfDisplayName(displayName: string): string | null {
	const cleaned = displayName
		.replace(/\([^)]*\)|\[[^\]]*\]|\{[^}]*\}/g, ' ') // "(UNDP)", "[she/her]"
		.split(/\s[-–—|/]\s|,|\s@\s/)[0] // "… - IOM", "…, Ministry of Labour", "… | Org"
		.replace(/\s+/g, ' ')
		.trim();
	const words = cleaned.split(' ').filter((w) => /\p{L}/u.test(w));
	if (!words.length || words.every((w) => NOT_A_NAME.has(w.toLowerCase().replace(/[^\p{L}-]/gu, '')))) return null;
	return words.join(' ');
}

/** Protected sets loaded once per scope, for a page or a sheet that checks many texts. */
export function protectionCache(db: Executor): (scope: ProtectionScope) => Promise<Protection> {
	const loaded = new Map<string, Promise<Protection>>();
	return (scope) => {
		const key = JSON.stringify(scope);
		if (!loaded.has(key)) loaded.set(key, protectionOf(db, scope));
		return loaded.get(key)!;
	};
}

function fingerprintOf(people: readonly ProtectedPerson[], room: readonly ProtectedPerson[], k: number): string {
	const line = (p: ProtectedPerson) => [p.attribution, p.name, p.email ?? '', p.organization ?? '', (p.organizationAliases ?? []).join(','), p.country ?? '', p.category ?? '', p.gender ?? ''].join('\u0001');
	const hash = createHash('sha256');
	hash.update(`k=${k}\n`);
	for (const l of people.map(line).sort()) hash.update(`${l}\n`);
	hash.update('room\n');
	for (const l of room.map(line).sort()) hash.update(`${l}\n`);
	return hash.digest('hex');
}
