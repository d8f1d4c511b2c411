// Attendance: a Zoom participant or webinar report imported for a consultation (matched to its
// registrants by email, then by name; the rest listed for staff to match by hand), and manual
// check-in. A new import replaces the previous one in one transaction: nothing half-imported.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { attendance, consultation, registration } from '../db/schema';
import { FORBIDDEN, NOT_FOUND, policy, type Actor, type Forbidden, type NotFound } from '../../domain/policy';
import { parseZoomReport, ZoomReportError, type ZoomAttendee, type ZoomProblem } from '../../domain/attendance/zoom';
import { matchRegistrants } from '../../domain/attendance/match';
import { writeAudit } from '../queries/audit';
import type { RegistrationId } from '../../domain/ids';
import { registrantsOf } from '../queries/attendance';

export interface ImportSummary {
	kind: 'meeting' | 'webinar';
	people: number;
	sessions: number;
	matchedByEmail: number;
	matchedByName: number;
	unmatched: { name: string; email: string | null; minutes: number }[];
}

export type ImportResult = { ok: true; summary: ImportSummary } | Forbidden | NotFound | { ok: false; reason: 'invalid'; problems: ZoomProblem[] };

async function lockConsultation(tx: Executor, slug: string) {
	const [c] = await tx
		.select({ id: consultation.id, timeZone: consultation.timeZone, startsAt: consultation.startsAt, endsAt: consultation.endsAt })
		.from(consultation)
		.where(eq(consultation.slug, slug))
		.for('update');
	return c;
}

/** The consultation of `slug`, when the actor takes notes there. */
async function forNoteTakers(db: Database, actor: Actor, slug: string): Promise<{ ok: true; id: string; timeZone: string } | Forbidden | NotFound> {
	const [found] = await db.select({ id: consultation.id, timeZone: consultation.timeZone }).from(consultation).where(eq(consultation.slug, slug));
	if (!found) return NOT_FOUND;
	if (!policy.canTakeNotes(actor, found.id)) return FORBIDDEN;
	return { ok: true, ...found };
}

/** Locks the consultation, then finds one of its registrations (undefined when it is not one of its). */
async function lockedRegistration(tx: Executor, slug: string, registrationId: RegistrationId) {
	const c = await lockConsultation(tx, slug);
	const [r] = await tx
		.select({ id: registration.id, personId: registration.personId })
		.from(registration)
		.where(and(eq(registration.id, registrationId), eq(registration.consultationId, c.id)));
	return { c, r };
}

export async function importZoomAttendance(db: Database, actor: Actor, slug: string, table: string[][]): Promise<ImportResult> {
	const found = await forNoteTakers(db, actor, slug);
	if (!found.ok) return found;
	let report;
	try {
		report = parseZoomReport(table, found.timeZone);
	} catch (error) {
		if (error instanceof ZoomReportError) return { ok: false, reason: 'invalid', problems: error.found };
		throw error;
	}
	return db.transaction(async (tx) => {
		const c = await lockConsultation(tx, slug);
		const matches = matchRegistrants<ZoomAttendee>(report.attendees, await registrantsOf(tx, c.id));
		await tx.delete(attendance).where(and(eq(attendance.consultationId, c.id), eq(attendance.source, 'zoom-csv')));
		const rows = matches.flatMap((m) =>
			m.reported.sessions.map((s) => ({
				consultationId: c.id,
				personId: m.registrant?.personId ?? null,
				registrationId: m.registrant?.registrationId ?? null,
				displayName: m.reported.originalName ?? m.reported.name,
				email: m.reported.email,
				joinedAt: s.join,
				leftAt: s.leave,
				source: 'zoom-csv' as const
			}))
		);
		if (rows.length) await tx.insert(attendance).values(rows);
		const summary: ImportSummary = {
			kind: report.kind,
			people: matches.length,
			sessions: rows.length,
			matchedByEmail: matches.filter((m) => m.by === 'email').length,
			matchedByName: matches.filter((m) => m.by === 'name').length,
			unmatched: matches.filter((m) => !m.registrant).map((m) => ({ name: m.reported.originalName ?? m.reported.name, email: m.reported.email, minutes: m.reported.totalMinutes }))
		};
		await writeAudit(tx, actor, { action: 'attendance.import', subjectType: 'consultation', subjectId: c.id, details: { ...summary, unmatched: summary.unmatched.length } });
		return { ok: true as const, summary };
	});
}

export type MatchResult = { ok: true; sessions: number } | Forbidden | NotFound | { ok: false; reason: 'invalid'; field: 'key' | 'registrationId' };

/** Staff match an unmatched person of the report to a registrant by hand. */
export async function matchAttendanceByHand(db: Database, actor: Actor, slug: string, key: string, registrationId: RegistrationId): Promise<MatchResult> {
	const found = await forNoteTakers(db, actor, slug);
	if (!found.ok) return found;
	return db.transaction(async (tx) => {
		const { c, r } = await lockedRegistration(tx, slug, registrationId);
		if (!r) return { ok: false as const, reason: 'invalid' as const, field: 'registrationId' as const };
		const which = key.startsWith('name:') ? and(isNull(attendance.email), eq(attendance.displayName, key.slice(5))) : eq(attendance.email, key);
		const updated = await tx
			.update(attendance)
			.set({ personId: r.personId, registrationId: r.id })
			.where(and(eq(attendance.consultationId, c.id), isNull(attendance.personId), which))
			.returning({ id: attendance.id });
		if (!updated.length) return { ok: false as const, reason: 'invalid' as const, field: 'key' as const };
		await writeAudit(tx, actor, { action: 'attendance.match', subjectType: 'registration', subjectId: r.id, details: { sessions: updated.length } });
		return { ok: true as const, sessions: updated.length };
	});
}

export type CheckInResult = { ok: true } | Forbidden | NotFound | { ok: false; reason: 'invalid' };

/** Manual check-in (present) or its removal (absent), for a room or for a report that missed someone. */
export async function checkIn(db: Database, actor: Actor, slug: string, registrationId: RegistrationId, isPresent: boolean): Promise<CheckInResult> {
	const found = await forNoteTakers(db, actor, slug);
	if (!found.ok) return found;
	return db.transaction(async (tx) => {
		const { c, r } = await lockedRegistration(tx, slug, registrationId);
		if (!r) return { ok: false as const, reason: 'invalid' as const };
		await tx.delete(attendance).where(and(eq(attendance.registrationId, r.id), inArray(attendance.source, ['check-in', 'manual'])));
		if (isPresent) {
			await tx.insert(attendance).values({ consultationId: c.id, personId: r.personId, registrationId: r.id, joinedAt: c.startsAt, leftAt: c.endsAt, source: 'check-in' });
		}
		return { ok: true as const };
	});
}
