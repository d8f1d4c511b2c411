// Time zones and deadlines. Instants are `Date`s (UTC); wall-clock times are strings in a named
// IANA zone. Nothing here reads the clock: "now" is always an argument.

export type IsoDate = string; // 'YYYY-MM-DD'
export type WallTime = string; // 'HH:MM' or 'HH:MM:SS'; '24:00' is the end of the day

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

export function isValidTimeZone(zone: string): boolean {
	if (!zone) return false;
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(zone: string): Intl.DateTimeFormat {
	let f = partsFormatters.get(zone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		partsFormatters.set(zone, f);
	}
	return f;
}

export interface WallClock {
	year: number;
	month: number; // 1-12
	day: number;
	hour: number;
	minute: number;
	second: number;
}

/** The wall clock in `zone` at `instant`. */
export function wallClockAt(instant: Date, zone: string): WallClock {
	const parts: Record<string, number> = {};
	for (const p of partsFormatter(zone).formatToParts(instant)) {
		if (p.type !== 'literal') parts[p.type] = Number(p.value);
	}
	return {
		year: parts.year,
		month: parts.month,
		day: parts.day,
		hour: parts.hour,
		minute: parts.minute,
		second: parts.second
	};
}

/** Offset of `zone` from UTC at `instant`, in milliseconds (Asia/Bangkok: +7 h). */
export function zoneOffsetMs(instant: Date, zone: string): number {
	const w = wallClockAt(instant, zone);
	const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
	return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

export class InvalidWallTimeError extends Error {}

/**
 * The instant at which the wall clock in `zone` shows `date` `time`. "24:00" means the end of that
 * day (ISO 8601 §4.2.3), so "Sunday 25 October, 24:00 ICT" is Monday 26 October 00:00 ICT.
 * In a daylight-saving gap the time moves forward by the gap; in an overlap, the earlier instant wins.
 */
export function zonedToInstant(date: IsoDate, time: WallTime, zone: string): Date {
	const d = DATE_RE.exec(date);
	const t = TIME_RE.exec(time);
	if (!d) throw new InvalidWallTimeError(`Not a date (YYYY-MM-DD): ${date}`);
	if (!t) throw new InvalidWallTimeError(`Not a time (HH:MM): ${time}`);
	if (!isValidTimeZone(zone)) throw new InvalidWallTimeError(`Unknown time zone: ${zone}`);
	const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
	const [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
	const probe = new Date(Date.UTC(year, month - 1, day));
	if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
		throw new InvalidWallTimeError(`No such date: ${date}`);
	}
	const isEndOfDay = hour === 24 && minute === 0 && second === 0;
	if ((hour > 23 && !isEndOfDay) || minute > 59 || second > 59) {
		throw new InvalidWallTimeError(`No such time: ${time}`);
	}
	const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
	// A zone changes offset at most once around a given day: try the offsets in force a day
	// before and a day after, and keep the earliest instant whose wall clock is the one asked for.
	const DAY = 86_400_000;
	const offsetBefore = zoneOffsetMs(new Date(wallAsUtc - DAY), zone);
	const offsetAfter = zoneOffsetMs(new Date(wallAsUtc + DAY), zone);
	const candidates = [wallAsUtc - offsetBefore, wallAsUtc - offsetAfter].sort((a, b) => a - b);
	for (const c of candidates) {
		if (c + zoneOffsetMs(new Date(c), zone) === wallAsUtc) return new Date(c);
	}
	// In a gap (the wall time is skipped), move forward by the gap, as Temporal's 'compatible'.
	return new Date(wallAsUtc - offsetBefore);
}

/** The calendar date in `zone` at `instant`. */
export function dateInZone(instant: Date, zone: string): IsoDate {
	const w = wallClockAt(instant, zone);
	return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
	const d = DATE_RE.exec(date);
	if (!d) throw new InvalidWallTimeError(`Not a date (YYYY-MM-DD): ${date}`);
	const t = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]) + days));
	return t.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export function weekday(date: IsoDate): number {
	return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The first date on or after `date` that falls on `day` (0 = Sunday). */
export function nextWeekday(date: IsoDate, day: number): IsoDate {
	return addDays(date, (day - weekday(date) + 7) % 7);
}

/** UN documents write dates day-month-year ("3 December 2026"): English means British English. */
export function intlLocale(locale: string): string {
	return locale === 'en' ? 'en-GB' : locale;
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

/** Is a deadline still open at `now`? The deadline instant itself is already closed. */
export function isBeforeDeadline(now: Date, deadline: Date): boolean {
	return now.getTime() < deadline.getTime();
}

export interface ZonedTimeRange {
	date: string; // "Thursday, 3 December 2026"
	start: string; // "11:00"
	end: string; // "14:00"
	zoneName: string; // "Indochina Time"
	utcOffset: string; // "GMT+7"
}

/** A meeting's time as people read it: date, start–end and the zone's name, all in `zone`. */
export function formatTimeRange(start: Date, end: Date, zone: string, locale: string): ZonedTimeRange {
	const dateFmt = new Intl.DateTimeFormat(intlLocale(locale), {
		timeZone: zone,
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	});
	const timeFmt = new Intl.DateTimeFormat(locale, {
		timeZone: zone,
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	});
	return {
		date: dateFmt.format(start),
		start: timeFmt.format(start),
		end: timeFmt.format(end),
		zoneName: zoneName(start, zone, locale, 'long'),
		utcOffset: zoneName(start, zone, locale, 'shortOffset')
	};
}

export function zoneName(instant: Date, zone: string, locale: string, style: 'long' | 'shortOffset'): string {
	const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style })
		.formatToParts(instant)
		.find((p) => p.type === 'timeZoneName');
	return part?.value ?? zone;
}

export function formatTime(instant: Date, zone: string, locale: string): string {
	return new Intl.DateTimeFormat(locale, {
		timeZone: zone,
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).format(instant);
}

export function formatDateTime(instant: Date, zone: string, locale: string): string {
	return new Intl.DateTimeFormat(intlLocale(locale), {
		timeZone: zone,
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZoneName: 'short'
	}).format(instant);
}

/**
 * A deadline as the region writes it: an instant at midnight is shown as 24:00 of the day before
 * ("Sunday, 6 December 2026, 24:00 Indochina Time"), so nobody reads it as a day later or earlier.
 */
export function formatDeadline(instant: Date, zone: string, locale: string): string {
	const w = wallClockAt(instant, zone);
	const isMidnight = w.hour === 0 && w.minute === 0 && w.second === 0;
	const day = isMidnight ? new Date(instant.getTime() - 1) : instant;
	const date = new Intl.DateTimeFormat(intlLocale(locale), {
		timeZone: zone,
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	}).format(day);
	const time = isMidnight ? '24:00' : formatTime(instant, zone, locale);
	return `${date}, ${time} ${zoneName(instant, zone, locale, 'long')}`;
}
