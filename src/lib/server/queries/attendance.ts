// Reads of who came: a consultation's registrants with their attendance, and the Zoom rows not yet
// matched to anyone.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { attendance, person, registration } from '../db/schema';
import { type Registrant } from '../../domain/attendance/match';
import type { ConsultationId } from '../../domain/ids';

export async function registrantsOf(db: Executor, consultationId: ConsultationId): Promise<Registrant[]> {
	return db
		.select({ registrationId: registration.id, personId: registration.personId, name: person.name, email: person.email })
		.from(registration)
		.innerJoin(person, eq(person.id, registration.personId))
		.where(eq(registration.consultationId, consultationId))
		.orderBy(asc(person.name));
}

/** The rows of a report that matched nobody, one per person (email, or name when Zoom had none). */
export async function unmatchedAttendance(db: Executor, consultationId: ConsultationId) {
	const rows = await db
		.select({
			key: sql<string>`coalesce(${attendance.email}, 'name:' || ${attendance.displayName})`,
			name: sql<string>`min(${attendance.displayName})`,
			email: attendance.email,
			minutes: sql<number>`coalesce(sum(extract(epoch from (${attendance.leftAt} - ${attendance.joinedAt})) / 60), 0)::int`
		})
		.from(attendance)
		.where(and(eq(attendance.consultationId, consultationId), isNull(attendance.personId)))
		.groupBy(sql`coalesce(${attendance.email}, 'name:' || ${attendance.displayName})`, attendance.email)
		.orderBy(sql`min(${attendance.displayName})`);
	return rows;
}

/** Each registrant with the minutes the reports give and whether they were checked in. */
export async function attendanceOf(db: Executor, consultationId: ConsultationId) {
	const registrants = await db
		.select({ registrationId: registration.id, name: person.name, email: person.email, status: registration.status })
		.from(registration)
		.innerJoin(person, eq(person.id, registration.personId))
		.where(eq(registration.consultationId, consultationId))
		.orderBy(asc(person.name));
	const sessions = await db
		.select({ registrationId: attendance.registrationId, source: attendance.source, joinedAt: attendance.joinedAt, leftAt: attendance.leftAt })
		.from(attendance)
		.where(eq(attendance.consultationId, consultationId));
	return registrants.map((r) => {
		const mine = sessions.filter((s) => s.registrationId === r.registrationId);
		const minutes = mine.filter((s) => s.source !== 'check-in').reduce((sum, s) => sum + (s.leftAt ? (s.leftAt.getTime() - s.joinedAt.getTime()) / 60_000 : 0), 0);
		return { ...r, attended: mine.length > 0, isCheckedIn: mine.some((s) => s.source === 'check-in'), minutes: Math.round(minutes) };
	});
}
