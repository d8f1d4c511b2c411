// Zoom's participant reports, read into one row per person. Two kinds of file:
// - the meeting participant report: an optional meeting summary block, a blank line, then a table
//   with `Name (Original Name)`, `User Email`, `Join Time`, `Leave Time`, `Duration (Minutes)`, `Guest`;
// - the webinar attendee report: several titled sections (host, panelists, attendees), each with
//   its own header row (`Attended`, `User Name (Original Name)`, `Email`, `Join Time`, `Leave Time`,
//   `Time in Session (minutes)`, `Country/Region Name`).
// Headers are matched by name, in any order and case; a person who left and rejoined has one row
// per session, summed here. Zoom writes local times without a zone: the caller says which zone.

import { fold } from '../privacy/normalize';
import { zonedToInstant } from '../time';

export interface ZoomSession {
	join: Date;
	leave: Date;
	minutes: number;
}

export interface ZoomAttendee {
	name: string; // the name the person joined with (renamed display name, else the original)
	originalName: string | null; // what Zoom had before a rename, in parentheses
	email: string | null;
	totalMinutes: number;
	firstJoin: Date;
	lastLeave: Date;
	sessions: ZoomSession[];
	isGuest: boolean | null;
	country: string | null; // webinar reports only: Zoom's Country/Region Name
	role: 'participant' | 'host' | 'panelist' | 'attendee';
}

export interface ZoomReport {
	kind: 'meeting' | 'webinar';
	topic: string | null;
	attendees: ZoomAttendee[];
}

/** What is wrong with one line of the report; pages word it in the reader's language. */
export type ZoomRowIssue =
	| { kind: 'no-name' }
	| { kind: 'bad-join'; value: string }
	| { kind: 'bad-leave'; value: string }
	| { kind: 'leaves-before-joining' }
	| { kind: 'bad-duration'; value: string };

export type ZoomProblem = { kind: 'no-participant-table' } | { kind: 'bad-line'; line: number; issues: ZoomRowIssue[] };

function englishIssue(i: ZoomRowIssue): string {
	switch (i.kind) {
		case 'no-name':
			return 'no name';
		case 'bad-join':
			return `join time "${i.value}" is not a date and time`;
		case 'bad-leave':
			return `leave time "${i.value}" is not a date and time`;
		case 'leaves-before-joining':
			return 'leaves before joining';
		case 'bad-duration':
			return `duration "${i.value}" is not a number of minutes`;
	}
}

/** The English wording (the CLI). */
export function englishZoomProblem(p: ZoomProblem): string {
	return p.kind === 'no-participant-table'
		? 'No participant table was found. A Zoom participant report has a header row with "Name (Original Name)" (or "User Name (Original Name)") and "Join Time", usually with "User Email", "Leave Time" and "Duration (Minutes)".'
		: `Line ${p.line}: ${p.issues.map(englishIssue).join('; ')}.`;
}

export class ZoomReportError extends Error {
	/** In English, one per line of the report. */
	readonly problems: string[];
	constructor(public readonly found: ZoomProblem[]) {
		const problems = found.map(englishZoomProblem);
		super(problems.join('\n'));
		this.problems = problems;
	}
}

const norm = (s: string) => s.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');

const COLUMN_NAMES = {
	name: ['name (original name)', 'user name (original name)', 'name', 'user name', 'participant', 'display name'],
	email: ['user email', 'email', 'email address', 'attendee email'],
	join: ['join time', 'join time (utc)'],
	leave: ['leave time', 'leave time (utc)'],
	minutes: ['duration (minutes)', 'time in session (minutes)', 'duration (mins)', 'duration'],
	guest: ['guest', 'is guest'],
	attended: ['attended'],
	country: ['country/region name', 'country/region'],
	firstName: ['first name'],
	lastName: ['last name']
} as const;
type Column = keyof typeof COLUMN_NAMES;

function headerColumns(row: readonly string[]): Partial<Record<Column, number>> | null {
	const cells = row.map(norm);
	const at: Partial<Record<Column, number>> = {};
	for (const [column, names] of Object.entries(COLUMN_NAMES) as [Column, readonly string[]][]) {
		const i = cells.findIndex((c) => names.includes(c));
		if (i >= 0) at[column] = i;
	}
	const hasName = at.name !== undefined || at.firstName !== undefined;
	return hasName && at.join !== undefined ? at : null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Zoom's local time formats: "10/25/2026 10:59:01 AM", "10/25/2026 13:05", "2026-10-25 10:59:01", "Oct 25, 2026 10:59:01 AM". */
export function parseZoomTime(value: string, zone: string): Date | null {
	const v = value.trim();
	let y: number, mo: number, d: number, rest: string;
	let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T]+(.*)$/.exec(v);
	if (m) {
		[mo, d, y, rest] = [Number(m[1]), Number(m[2]), Number(m[3]), m[4]];
		if (mo > 12 && d <= 12) [mo, d] = [d, mo]; // a day-first export
	} else if ((m = /^(\d{4})-(\d{2})-(\d{2})[ T]+(.*)$/.exec(v))) {
		[y, mo, d, rest] = [Number(m[1]), Number(m[2]), Number(m[3]), m[4]];
	} else if ((m = /^([A-Za-z]{3})[a-z]* (\d{1,2}),? (\d{4})[ T]+(.*)$/.exec(v))) {
		[mo, d, y, rest] = [MONTHS.indexOf(m[1].toLowerCase()) + 1, Number(m[2]), Number(m[3]), m[4]];
		if (mo === 0) return null;
	} else return null;
	const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/.exec(rest.trim());
	if (!t) return null;
	let hour = Number(t[1]);
	if (t[4]) {
		if (hour < 1 || hour > 12) return null;
		hour = (hour % 12) + (t[4].toLowerCase() === 'pm' ? 12 : 0);
	}
	const pad = (n: number) => String(n).padStart(2, '0');
	try {
		return zonedToInstant(`${y}-${pad(mo)}-${pad(d)}`, `${pad(hour)}:${t[2]}:${t[3] ?? '00'}`, zone);
	} catch {
		return null;
	}
}

/** "Ana L (Ana Lima)" → display "Ana L", original "Ana Lima". */
export function splitZoomName(value: string): { name: string; originalName: string | null } {
	const m = /^(.*\S)\s*\(([^()]+)\)\s*$/.exec(value.trim());
	if (m && m[1].trim()) return { name: m[1].trim(), originalName: m[2].trim() };
	return { name: value.trim(), originalName: null };
}

const ROLES: [RegExp, ZoomAttendee['role']][] = [
	[/^host details/i, 'host'],
	[/^panelist details/i, 'panelist'],
	[/^attendee details/i, 'attendee']
];

export function parseZoomReport(table: readonly (readonly string[])[], zone: string): ZoomReport {
	const problems: ZoomProblem[] = [];
	const rawRows: { line: number; role: ZoomAttendee['role']; name: string; originalName: string | null; email: string | null; join: Date; leave: Date; minutes: number; isGuest: boolean | null; country: string | null }[] = [];
	let header: Partial<Record<Column, number>> | null = null;
	let role: ZoomAttendee['role'] = 'participant';
	let sawWebinar = false;
	let topic: string | null = null;

	table.forEach((row, index) => {
		const line = index + 1;
		const cells = row.map((c) => (c ?? '').trim());
		if (!cells.some(Boolean)) return;
		const title = ROLES.find(([re]) => re.test(cells[0]));
		if (title && cells.slice(1).every((c) => !c)) {
			role = title[1];
			sawWebinar = true;
			header = null;
			return;
		}
		const asHeader = headerColumns(cells);
		if (asHeader) {
			header = asHeader;
			if (asHeader.attended !== undefined) sawWebinar = true;
			return;
		}
		if (!header) {
			// The summary block above the table: keep the topic, skip the rest.
			const topicAt = cells.map(norm).indexOf('topic');
			if (topicAt >= 0 && table[index + 1]) topic = (table[index + 1][topicAt] ?? '').trim() || null;
			return;
		}
		const h: Partial<Record<Column, number>> = header;
		const cell = (c: Column) => (h[c] !== undefined ? (cells[h[c]!] ?? '') : '');
		if (h.attended !== undefined && !/^yes$/i.test(cell('attended'))) {
			if (/^no$/i.test(cell('attended'))) return; // registered, never came
			// A row that is not a participant: a new section's title line.
			header = null;
			return;
		}
		const full = cell('name') || [cell('firstName'), cell('lastName')].filter(Boolean).join(' ');
		const { name, originalName } = splitZoomName(full);
		const join = parseZoomTime(cell('join'), zone);
		const leave = h.leave !== undefined ? parseZoomTime(cell('leave'), zone) : null;
		const stated = cell('minutes') ? Number(cell('minutes')) : NaN;
		const issues: ZoomRowIssue[] = [];
		if (!name) issues.push({ kind: 'no-name' });
		if (!join) issues.push({ kind: 'bad-join', value: cell('join') });
		if (h.leave !== undefined && !leave) issues.push({ kind: 'bad-leave', value: cell('leave') });
		if (join && leave && leave < join) issues.push({ kind: 'leaves-before-joining' });
		if (cell('minutes') && (!Number.isFinite(stated) || stated < 0)) issues.push({ kind: 'bad-duration', value: cell('minutes') });
		if (issues.length) {
			problems.push({ kind: 'bad-line', line, issues });
			return;
		}
		const end = leave ?? new Date(join!.getTime() + (Number.isFinite(stated) ? stated : 0) * 60_000);
		const minutes = Number.isFinite(stated) ? stated : Math.round((end.getTime() - join!.getTime()) / 60_000);
		const guest = cell('guest').toLowerCase();
		rawRows.push({
			line,
			role,
			name,
			originalName,
			email: cell('email') ? cell('email').toLowerCase() : null,
			join: join!,
			leave: end,
			minutes,
			isGuest: guest === 'yes' ? true : guest === 'no' ? false : null,
			country: cell('country') || null
		});
	});

	if (!rawRows.length && !problems.length) {
		throw new ZoomReportError([{ kind: 'no-participant-table' }]);
	}
	if (problems.length) throw new ZoomReportError(problems);

	// Rejoins: one person per email, or per name when Zoom has no email.
	const byPerson = new Map<string, ZoomAttendee>();
	for (const r of rawRows) {
		const key = r.email ?? `name:${fold(r.originalName ?? r.name).text.replace(/\s+/g, ' ')}`;
		const session = { join: r.join, leave: r.leave, minutes: r.minutes };
		const seen = byPerson.get(key);
		if (!seen) {
			byPerson.set(key, { name: r.name, originalName: r.originalName, email: r.email, totalMinutes: r.minutes, firstJoin: r.join, lastLeave: r.leave, sessions: [session], isGuest: r.isGuest, country: r.country, role: r.role });
			continue;
		}
		seen.sessions.push(session);
		seen.totalMinutes += r.minutes;
		if (r.join < seen.firstJoin) seen.firstJoin = r.join;
		if (r.leave > seen.lastLeave) seen.lastLeave = r.leave;
		seen.originalName ??= r.originalName;
		seen.country ??= r.country;
		if (r.role === 'host' || r.role === 'panelist') seen.role = r.role;
	}
	const attendees = [...byPerson.values()];
	for (const a of attendees) a.sessions.sort((x, y) => x.join.getTime() - y.join.getTime());
	return { kind: sawWebinar ? 'webinar' : 'meeting', topic, attendees };
}
