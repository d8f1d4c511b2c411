// A consultation as an iCalendar event (RFC 5545). Times are written in UTC ("Z"): `ics` cannot write
// a VTIMEZONE, and UTC instants are exact in every calendar whatever the reader's zone. The meeting
// link goes only into the copy mailed to confirmed participants, never into the public file.
import { createEvent } from 'ics';
import { m } from '../../paraglide/messages';
import type { Locale } from '../../paraglide/runtime';
import { mailLocale } from '../messages/locale';

export interface CalendarConsultation {
	id: string;
	slug: string;
	title: string;
	startsAt: Date;
	endsAt: Date;
	timeZone: string;
	venue: string | null;
}

/**
 * Written once a minute per version of the event: `ics` validates every field with a schema, about
 * a millisecond per file, and a registration burst attaches the same file to every confirmation. The
 * key is everything the file says, so a changed consultation gets a new file; a file is never more
 * than a minute old, so its DTSTAMP stays that of the latest version (calendars keep the newest).
 */
const written = new Map<string, { file: string; at: number }>();
const FRESH_MS = 60_000;

export function consultationIcs(c: CalendarConsultation, pageUrl: string, meetingLink: string | null = null, locale = 'en'): string {
	const key = JSON.stringify([c.id, c.title, c.startsAt.getTime(), c.endsAt.getTime(), c.timeZone, c.venue, pageUrl, meetingLink, locale]);
	const now = Date.now();
	const kept = written.get(key);
	if (kept && now - kept.at < FRESH_MS) return kept.file;
	const file = writeIcs(c, pageUrl, meetingLink, mailLocale(locale));
	if (written.size >= 500) written.clear();
	written.set(key, { file, at: now });
	return file;
}

function writeIcs(c: CalendarConsultation, pageUrl: string, meetingLink: string | null, locale: Locale): string {
	const { error, value } = createEvent({
		uid: `${c.id}@convene`,
		productId: 'convene/ics',
		title: c.title,
		start: c.startsAt.getTime(),
		startInputType: 'utc',
		startOutputType: 'utc',
		end: c.endsAt.getTime(),
		endInputType: 'utc',
		endOutputType: 'utc',
		description: [`${c.title}`, m.ics_time_zone({ zone: c.timeZone }, { locale }), pageUrl, meetingLink ? m.ics_join({ link: meetingLink }, { locale }) : ''].filter(Boolean).join('\n'),
		location: meetingLink ?? c.venue ?? m.format_online({}, { locale }),
		url: pageUrl,
		status: 'CONFIRMED',
		busyStatus: 'BUSY'
	});
	if (error || !value) throw error ?? new Error('Could not write the calendar file');
	return value;
}
