import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { parseZoomReport, parseZoomTime, splitZoomName, ZoomReportError } from './zoom';
import { matchRegistrants, type Registrant } from './match';
import type { PersonId, RegistrationId } from '../ids';

const table = (csv: string) => parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: false }) as string[][];
const ZONE = 'Asia/Bangkok'; // UTC+7

// Fictional meeting report: the summary block Zoom puts on top, a BOM, a rename and a rejoin.
const MEETING = `\uFEFFMeeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants
812 3456 7890,Regional consultation on labour migration,10/25/2026 09:58:12 AM,10/25/2026 12:05:40 PM,host@example.org,128,4

Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
Ana L (Ana Lima),ana@example.org,10/25/2026 09:59:01 AM,10/25/2026 10:40:00 AM,41,Yes
Ana L (Ana Lima),ANA@example.org,10/25/2026 10:45:00 AM,10/25/2026 12:00:30 PM,76,Yes
Bui Van Long,,10/25/2026 10:00:00 AM,10/25/2026 11:00:00 AM,60,Yes
Secretariat,host@example.org,10/25/2026 09:58:12 AM,10/25/2026 12:05:40 PM,128,No
`;

// The same people, columns in another order and case, 24-hour times, no summary.
const REORDERED = `leave time,DURATION (MINUTES),join time,name (original name),user email
10/25/2026 10:40:00,41,10/25/2026 09:59:01,Ana L (Ana Lima),ana@example.org
10/25/2026 12:00:30,76,10/25/2026 10:45:00,Ana L (Ana Lima),ana@example.org
`;

// Fictional webinar attendee report: several sections, each with its header.
const WEBINAR = `Attendee Report,
Report Generated:,"10/26/2026 09:00"
Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,Unique Viewers
Open call webinar,901 2345 6789,"Oct 25, 2026 14:00:00",90,3,2

Host Details,
Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Country/Region Name
Yes,Network Secretariat,host@example.org,"Oct 25, 2026 13:55:00","Oct 25, 2026 15:31:00",96,Thailand

Panelist Details,
Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Country/Region Name
Yes,Sefa Toleafoa,sefa@example.org,"Oct 25, 2026 13:58:00","Oct 25, 2026 15:30:00",92,Samoa

Attendee Details,
Attended,User Name (Original Name),First Name,Last Name,Email,Registration Time,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name
Yes,Mere T (Mere Tuilagi),Mere,Tuilagi,mere@example.org,"Oct 20, 2026 10:00:00","Oct 25, 2026 14:05:00","Oct 25, 2026 14:35:00",30,Yes,Fiji
Yes,Mere T (Mere Tuilagi),Mere,Tuilagi,mere@example.org,"Oct 20, 2026 10:00:00","Oct 25, 2026 14:50:00","Oct 25, 2026 15:20:00",30,Yes,Fiji
No,Raj Kumar,Raj,Kumar,raj@example.org,"Oct 21, 2026 10:00:00",--,--,--,--,
`;

describe('Zoom meeting participant report', () => {
	it('sums rejoins per person, keeps renamed and original names, and converts local times from the zone', () => {
		const report = parseZoomReport(table(MEETING), ZONE);
		expect(report.kind).toBe('meeting');
		expect(report.topic).toBe('Regional consultation on labour migration');
		expect(report.attendees.map((a) => [a.name, a.originalName, a.email, a.totalMinutes, a.sessions.length])).toEqual([
			['Ana L', 'Ana Lima', 'ana@example.org', 117, 2],
			['Bui Van Long', null, null, 60, 1],
			['Secretariat', null, 'host@example.org', 128, 1]
		]);
		const ana = report.attendees[0];
		expect(ana.firstJoin.toISOString()).toBe('2026-10-25T02:59:01.000Z');
		expect(ana.lastLeave.toISOString()).toBe('2026-10-25T05:00:30.000Z');
		expect(ana.isGuest).toBe(true);
	});

	it('finds columns by name in any order and case', () => {
		const [ana] = parseZoomReport(table(REORDERED), ZONE).attendees;
		expect([ana.name, ana.totalMinutes, ana.firstJoin.toISOString(), ana.lastLeave.toISOString()]).toEqual(['Ana L', 117, '2026-10-25T02:59:01.000Z', '2026-10-25T05:00:30.000Z']);
	});
});

describe('Zoom webinar attendee report', () => {
	it('reads each section, skips registrants who did not attend, and sums rejoins', () => {
		const report = parseZoomReport(table(WEBINAR), ZONE);
		expect(report.kind).toBe('webinar');
		expect(report.attendees.map((a) => [a.role, a.name, a.originalName, a.totalMinutes, a.sessions.length, a.country])).toEqual([
			['host', 'Network Secretariat', null, 96, 1, 'Thailand'],
			['panelist', 'Sefa Toleafoa', null, 92, 1, 'Samoa'],
			['attendee', 'Mere T', 'Mere Tuilagi', 60, 2, 'Fiji']
		]);
		expect(report.attendees[2].firstJoin.toISOString()).toBe('2026-10-25T07:05:00.000Z');
	});
});

describe('malformed reports', () => {
	it('refuses a file without a participant table, saying what it expected', () => {
		expect(() => parseZoomReport(table('Meeting ID,Topic\n1,Something\n'), ZONE)).toThrow(/No participant table was found/);
	});
	it('lists every bad row and returns nothing', () => {
		const bad = `Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)
Ana Lima,ana@example.org,yesterday,10/25/2026 10:40:00 AM,41
,x@example.org,10/25/2026 10:40:00 AM,10/25/2026 10:30:00 AM,ten
Bui Van Long,,10/25/2026 10:00:00 AM,10/25/2026 11:00:00 AM,60
`;
		let error: unknown;
		try {
			parseZoomReport(table(bad), ZONE);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(ZoomReportError);
		expect((error as ZoomReportError).problems).toEqual([
			'Line 2: join time "yesterday" is not a date and time.',
			'Line 3: no name; leaves before joining; duration "ten" is not a number of minutes.'
		]);
	});
});

describe('Zoom times and names', () => {
	it.each([
		['10/25/2026 01:05:40 PM', '2026-10-25T06:05:40.000Z'],
		['10/25/2026 12:00:00 AM', '2026-10-24T17:00:00.000Z'],
		['10/25/2026 13:05', '2026-10-25T06:05:00.000Z'],
		['2026-10-25 13:05:40', '2026-10-25T06:05:40.000Z'],
		['Oct 25, 2026 01:05:40 PM', '2026-10-25T06:05:40.000Z'],
		['25/10/2026 13:05:40', '2026-10-25T06:05:40.000Z']
	])('reads %s', (value, iso) => {
		expect(parseZoomTime(value, ZONE)?.toISOString()).toBe(iso);
	});
	it('refuses what is not a time', () => {
		for (const v of ['--', '10/25/2026', '13/13/2026 10:00', '10/25/2026 13:00 PM']) expect(parseZoomTime(v, ZONE)).toBeNull();
	});
	it('splits a renamed participant', () => {
		expect(splitZoomName('Ana L (Ana Lima)')).toEqual({ name: 'Ana L', originalName: 'Ana Lima' });
		expect(splitZoomName('Ana Lima')).toEqual({ name: 'Ana Lima', originalName: null });
	});
});

describe('matching to registrants', () => {
	const registrants: Registrant[] = [
		{ registrationId: 'r1' as RegistrationId, personId: 'p1' as PersonId, name: 'Ana Lima', email: 'ana@example.org' },
		{ registrationId: 'r2' as RegistrationId, personId: 'p2' as PersonId, name: 'Bùi Văn Long', email: 'long@example.org' },
		{ registrationId: 'r3' as RegistrationId, personId: 'p3' as PersonId, name: 'Sam Lee', email: 'sam1@example.org' },
		{ registrationId: 'r4' as RegistrationId, personId: 'p4' as PersonId, name: 'Sam Lee', email: 'sam2@example.org' },
		{ registrationId: 'r5' as RegistrationId, personId: 'p5' as PersonId, name: 'Mere Tuilagi', email: 'mere@example.org' }
	];
	it('matches by email, then by name in any order and without diacritics, and leaves ambiguous names unmatched', () => {
		const reported = [
			{ name: 'Ana L', originalName: null, email: 'ANA@example.org' },
			{ name: 'Long Bui Van', originalName: null, email: null },
			{ name: 'Sam Lee', originalName: null, email: 'other@example.org' },
			{ name: 'Mere T', originalName: 'Mere Tuilagi', email: null },
			{ name: 'Guest 7', originalName: null, email: null }
		];
		expect(matchRegistrants(reported, registrants).map((m) => [m.reported.name, m.registrant?.registrationId ?? null, m.by])).toEqual([
			['Ana L', 'r1', 'email'],
			['Long Bui Van', 'r2', 'name'],
			['Sam Lee', null, null],
			['Mere T', 'r5', 'name'],
			['Guest 7', null, null]
		]);
	});
});
