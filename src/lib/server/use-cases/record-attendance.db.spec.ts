import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeConsultation, makePerson, makeRegistration, makeStaffActor, fixtureText } from '../../../../tests/support/factories';
import { readCsv } from '../imports/read-table';
import { agendaItem, agendaSpeaker, attendance, auditLog } from '../db/schema';
import { checkIn, importZoomAttendance, matchAttendanceByHand } from './record-attendance';
import { attendanceOf, unmatchedAttendance } from '../queries/attendance';
import { consultationStatistics, roomAttendees } from '../queries/attendees';

const t = useTestDatabase();

// Fictional people. The meeting is on 3 December 2026, 11:00–14:00 in Bangkok (04:00–07:00 UTC).
async function setUp() {
	const c = await makeConsultation(t.db);
	const rapporteur = await makeStaffActor(t.db, 'rapporteur', { rapporteurOf: [c.id] });
	const stamp = c.slug;
	const ana = await makePerson(t.db, { name: 'Ana Lima', email: `ana-${stamp}@example.org`, countryCode: 'FJ', categoryId: 'parliamentarians', gender: 'woman' });
	const long = await makePerson(t.db, { name: 'Bùi Văn Long', email: `long-${stamp}@example.org`, countryCode: 'VN', categoryId: 'trade-unions', gender: 'man' });
	const mere = await makePerson(t.db, { name: 'Mere Tuilagi', email: `mere-${stamp}@example.org`, countryCode: 'WS', categoryId: 'parliamentarians', gender: 'woman' });
	const regs = {
		ana: await makeRegistration(t.db, c, ana, { status: 'confirmed' }),
		long: await makeRegistration(t.db, c, long, { status: 'confirmed' }),
		mere: await makeRegistration(t.db, c, mere, { status: 'confirmed' })
	};
	const report = [
		'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest',
		`Ana L (Ana Lima),ANA-${stamp}@example.org,12/03/2026 10:59:00 AM,12/03/2026 12:00:00 PM,61,Yes`,
		`Ana L (Ana Lima),ana-${stamp}@example.org,12/03/2026 12:10:00 PM,12/03/2026 01:00:00 PM,50,Yes`,
		'Long Bui Van,,12/03/2026 11:00:00 AM,12/03/2026 02:00:00 PM,180,Yes',
		'Guest 7,,12/03/2026 11:05:00 AM,12/03/2026 11:35:00 AM,30,Yes'
	].join('\n');
	return { c, rapporteur, regs, people: { ana, long, mere }, table: await readCsv(report) };
}

describe(`attendance on ${testDriver}`, () => {
	it('imports a Zoom report: rejoins become sessions, people match by email then by name, the rest wait for staff', async () => {
		const { c, rapporteur, regs, table } = await setUp();
		const result = await importZoomAttendance(t.db, rapporteur, c.slug, table);
		expect(result).toEqual({
			ok: true,
			summary: { kind: 'meeting', people: 3, sessions: 4, matchedByEmail: 1, matchedByName: 1, unmatched: [{ name: 'Guest 7', email: null, minutes: 30 }] }
		});
		const rows = await t.db.select().from(attendance).where(eq(attendance.consultationId, c.id));
		expect(rows.filter((r) => r.registrationId === regs.ana.id).map((r) => r.joinedAt.toISOString()).sort()).toEqual(['2026-12-03T03:59:00.000Z', '2026-12-03T05:10:00.000Z']);
		expect(await unmatchedAttendance(t.db, c.id)).toEqual([{ key: 'name:Guest 7', name: 'Guest 7', email: null, minutes: 30 }]);
		const list = await attendanceOf(t.db, c.id);
		expect(list.map((r) => [r.name, r.attended, r.minutes])).toEqual([
			['Ana Lima', true, 111],
			['Bùi Văn Long', true, 180],
			['Mere Tuilagi', false, 0]
		]);
		const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'attendance.import'), eq(auditLog.subjectId, c.id)));
		expect(audit.details).toMatchObject({ people: 3, unmatched: 1 });
	});

	it('lets staff match the rest by hand, check in a person, and counts statistics from it', async () => {
		const { c, rapporteur, regs, table } = await setUp();
		await importZoomAttendance(t.db, rapporteur, c.slug, table);
		expect(await matchAttendanceByHand(t.db, rapporteur, c.slug, 'name:Guest 7', regs.mere.id)).toEqual({ ok: true, sessions: 1 });
		expect(await matchAttendanceByHand(t.db, rapporteur, c.slug, 'name:Guest 7', regs.mere.id)).toEqual({ ok: false, reason: 'invalid', field: 'key' });
		expect(await unmatchedAttendance(t.db, c.id)).toEqual([]);
		let stats = await consultationStatistics(t.db, c.id);
		expect(stats.total).toBe(3);
		expect(stats.byCategory).toEqual([
			{ value: 'parliamentarians', count: 2 },
			{ value: 'trade-unions', count: 1 }
		]);
		expect(stats.bySubregion).toEqual([
			{ value: 'pacific', count: 2 },
			{ value: 'south-east-asia', count: 1 }
		]);
		// A re-import replaces the report's rows; a check-in survives it and counts once.
		expect(await checkIn(t.db, rapporteur, c.slug, regs.mere.id, true)).toEqual({ ok: true });
		await importZoomAttendance(t.db, rapporteur, c.slug, table);
		stats = await consultationStatistics(t.db, c.id);
		expect(stats.total).toBe(3);
		expect((await attendanceOf(t.db, c.id)).find((r) => r.registrationId === regs.mere.id)).toMatchObject({ attended: true, isCheckedIn: true });
		expect(await checkIn(t.db, rapporteur, c.slug, regs.mere.id, false)).toEqual({ ok: true });
		expect((await consultationStatistics(t.db, c.id)).total).toBe(2);
	});

	it('refuses a malformed report with its problems and keeps the attendance it had', async () => {
		const { c, rapporteur, table } = await setUp();
		await importZoomAttendance(t.db, rapporteur, c.slug, table);
		const before = await t.db.select().from(attendance).where(eq(attendance.consultationId, c.id));
		const bad = await readCsv('Name (Original Name),User Email,Join Time,Leave Time\nAna Lima,a@example.org,tomorrow,12/03/2026 12:00:00 PM\n');
		expect(await importZoomAttendance(t.db, rapporteur, c.slug, bad)).toEqual({ ok: false, reason: 'invalid', problems: [{ kind: 'bad-line', line: 2, issues: [{ kind: 'bad-join', value: 'tomorrow' }] }] });
		expect(await t.db.select().from(attendance).where(eq(attendance.consultationId, c.id))).toHaveLength(before.length);
	});

	it('is only for the consultation’s organizers and rapporteurs', async () => {
		const { c, regs, table } = await setUp();
		const other = await makeStaffActor(t.db, 'rapporteur');
		expect(await importZoomAttendance(t.db, other, c.slug, table)).toEqual({ ok: false, reason: 'forbidden' });
		expect(await checkIn(t.db, other, c.slug, regs.ana.id, true)).toEqual({ ok: false, reason: 'forbidden' });
		expect(await importZoomAttendance(t.db, other, 'no-such-consultation', table)).toEqual({ ok: false, reason: 'not-found' });
	});

	it('counts agenda speakers as on the record and everyone else in the room as non-attributable', async () => {
		const { c, rapporteur, people, table } = await setUp();
		await importZoomAttendance(t.db, rapporteur, c.slug, table);
		const [item] = await t.db.insert(agendaItem).values({ consultationId: c.id, position: 1, title: fixtureText('Opening'), startsAt: c.startsAt, endsAt: c.endsAt }).returning();
		await t.db.insert(agendaSpeaker).values({ agendaItemId: item.id, personId: people.long.id });
		const room = await roomAttendees(t.db, c.id);
		expect(room.map((a) => [a.name, a.attribution, a.country, a.subregion]).sort()).toEqual([
			['Ana Lima', 'non-attributable', 'FJ', 'pacific'],
			['Bùi Văn Long', 'on-record', 'VN', 'south-east-asia']
		]);
	});
});
