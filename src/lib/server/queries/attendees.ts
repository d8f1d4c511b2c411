// The people in the room of a consultation, as the privacy core and the statistics need them:
// everyone who attended (report or check-in) plus the agenda's speakers and moderators, who are
// on the record; everyone else is non-attributable. Descriptive fields come from the registration
// snapshot (what they registered as), else from the directory.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Executor } from '../db';
import { agendaItem, agendaSpeaker, attendance, country, organization, person, registration, stakeholderCategory, subregion } from '../db/schema';
import type { PrivacyAttendee } from '../../domain/privacy/check';
import { attendanceStatistics, type AttendanceStatistics } from '../../domain/statistics';
import { protectionOf } from './protected';
import type { ConsultationId, PersonId } from '../../domain/ids';

export interface RoomAttendee extends PrivacyAttendee {
	personId: PersonId;
	hasAttended: boolean;
}

export async function onRecordPersonIds(db: Executor, consultationId: ConsultationId): Promise<Set<PersonId>> {
	const items = await db.select({ id: agendaItem.id, moderatorId: agendaItem.moderatorId }).from(agendaItem).where(eq(agendaItem.consultationId, consultationId));
	const ids = new Set(items.map((i) => i.moderatorId).filter((id): id is PersonId => !!id));
	if (items.length) {
		const speakers = await db.select({ personId: agendaSpeaker.personId }).from(agendaSpeaker).where(inArray(agendaSpeaker.agendaItemId, items.map((i) => i.id)));
		for (const s of speakers) ids.add(s.personId);
	}
	return ids;
}

/** The room; `alsoPersonIds` adds people expected in it (before attendance is known). */
export async function roomAttendees(db: Executor, consultationId: ConsultationId, alsoPersonIds: readonly PersonId[] = []): Promise<RoomAttendee[]> {
	const onRecord = await onRecordPersonIds(db, consultationId);
	const attended = await db
		.selectDistinct({ personId: attendance.personId })
		.from(attendance)
		.where(and(eq(attendance.consultationId, consultationId), isNotNull(attendance.personId)));
	const attendedIds = new Set(attended.map((a) => a.personId!));
	const ids = [...new Set([...attendedIds, ...onRecord, ...alsoPersonIds])];
	if (!ids.length) return [];
	const rows = await db
		.select({
			personId: person.id,
			name: person.name,
			email: person.email,
			phone: person.phone,
			organization: organization.name,
			acronym: organization.acronym,
			aliases: organization.aliases,
			personCountry: person.countryCode,
			personCategory: person.categoryId,
			personGender: person.gender,
			regCountry: registration.countryCode,
			regCategory: registration.categoryId,
			regGender: registration.gender
		})
		.from(person)
		.leftJoin(organization, eq(organization.id, person.organizationId))
		.leftJoin(registration, and(eq(registration.personId, person.id), eq(registration.consultationId, consultationId)))
		.where(inArray(person.id, ids));
	const countries = new Map((await db.select({ code: country.code, subregionId: country.subregionId }).from(country)).map((c) => [c.code, c.subregionId]));
	const seen = new Set<string>();
	return rows
		.filter((r) => !seen.has(r.personId) && seen.add(r.personId))
		.map((r) => {
			const countryCode = r.regCountry ?? r.personCountry;
			return {
				personId: r.personId,
				name: r.name,
				email: r.email,
				organization: r.organization,
				organizationAliases: [...(r.aliases ?? []), ...(r.acronym ? [r.acronym] : [])],
				country: countryCode,
				subregion: countryCode ? (countries.get(countryCode) ?? null) : null,
				category: r.regCategory ?? r.personCategory,
				gender: r.regGender ?? r.personGender,
				attribution: onRecord.has(r.personId) ? ('on-record' as const) : ('non-attributable' as const),
				hasAttended: attendedIds.has(r.personId)
			};
		});
}

/** Who attended, from the one definition of who is protected (queries/protected), counted by group. */
export async function consultationStatistics(db: Executor, consultationId: ConsultationId): Promise<AttendanceStatistics> {
	const { people } = await protectionOf(db, { consultationId });
	const seen = new Set<string>();
	const attendees = people.filter((a) => a.hasAttended && a.personId && !seen.has(a.personId) && seen.add(a.personId));
	return attendanceStatistics(attendees.map((a) => ({ category: a.category ?? null, country: a.country ?? null, subregion: a.subregion ?? null, gender: a.gender ?? null })));
}

export async function statisticsLabels(db: Executor) {
	const [categories, countries, subregions] = await Promise.all([
		db.select({ id: stakeholderCategory.id, label: stakeholderCategory.label }).from(stakeholderCategory),
		db.select({ code: country.code, name: country.name }).from(country),
		db.select({ id: subregion.id, name: subregion.name }).from(subregion)
	]);
	return {
		categories: new Map(categories.map((c) => [c.id, c.label])),
		countries: new Map(countries.map((c) => [c.code, c.name])),
		subregions: new Map(subregions.map((s) => [s.id, s.name]))
	};
}
