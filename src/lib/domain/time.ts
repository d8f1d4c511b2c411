// Time zones and deadlines. Instants are `Date`s (UTC); wall-clock times are strings in a named
// IANA zone. Nothing here reads the clock: "now" is always an argument.

export type IsoDate = string; // 'YYYY-MM-DD'
export type WallTime = string; // 'HH:MM' or 'HH:MM:SS'; '24:00' is the end of the day

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

export function isValidTimeZone(zone: string): boolean {
	if (!zone) return false;
	try {
		dateTimeFormat('en', { timeZone: zone }); // made once per valid zone, like every formatter
		return true;
	} catch {
		return false;
	}
}

/**
 * A formatter for `locale` and `options`, made once: building an Intl.DateTimeFormat costs about a
 * millisecond (it loads locale and zone data), formatting with one a few microseconds. A page that
 * shows a dozen times would otherwise spend most of its server time here. Keys are bounded by the
 * locales and zones in use (zones are checked before they reach a formatter).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat(locale, options);
		if (formatters.size >= 2000) formatters.clear();
		formatters.set(key, f);
	}
	return f;
}

/**
 * A pure formatting function remembered for its last few thousand arguments: the same consultation's
 * times are formatted on every request for its pages.
 */
function remembered<A extends unknown[], R>(key: (...args: A) => string, compute: (...args: A) => R): (...args: A) => R {
	const results = new Map<string, R>();
	return (...args: A) => {
		const k = key(...args);
		let r = results.get(k);
		if (r === undefined) {
			r = compute(...args);
			if (results.size >= 5000) results.clear();
			results.set(k, r);
		}
		return r;
	};
}

function partsFormatter(zone: string): Intl.DateTimeFormat {
	return dateTimeFormat('en-US', {
		timeZone: zone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	});
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
export const formatTimeRange = remembered(
	(start: Date, end: Date, zone: string, locale: string) => `${start.getTime()}|${end.getTime()}|${zone}|${locale}`,
	(start: Date, end: Date, zone: string, locale: string): Readonly<ZonedTimeRange> => Object.freeze(timeRange(start, end, zone, locale))
);

function timeRange(start: Date, end: Date, zone: string, locale: string): ZonedTimeRange {
	const dateFmt = dateTimeFormat(intlLocale(locale), {
		timeZone: zone,
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	});
	const timeFmt = dateTimeFormat(locale, {
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

/** The zone's name at `instant` ("Indochina Time", "GMT+7"); zones change names only on a quarter hour. */
export const zoneName = remembered(
	(instant: Date, zone: string, locale: string, style: 'long' | 'shortOffset') => `${Math.floor(instant.getTime() / 900_000)}|${zone}|${locale}|${style}`,
	nameOfZone
);

function nameOfZone(instant: Date, zone: string, locale: string, style: 'long' | 'shortOffset'): string {
	const part = dateTimeFormat(locale, { timeZone: zone, timeZoneName: style })
		.formatToParts(instant)
		.find((p) => p.type === 'timeZoneName');
	return part?.value ?? zone;
}

export function formatTime(instant: Date, zone: string, locale: string): string {
	return dateTimeFormat(locale, {
		timeZone: zone,
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).format(instant);
}

export function formatDateTime(instant: Date, zone: string, locale: string): string {
	return dateTimeFormat(intlLocale(locale), {
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

/** A calendar date in words, in `zone`, as UN documents write it: "21 October 2026" (fr: "21 octobre 2026"). */
export function formatDate(instant: Date, zone: string, locale: string): string {
	return dateTimeFormat(intlLocale(locale), { timeZone: zone, day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
}

/** A moment in a staff list, short: "12 Oct 2026, 10:00 GMT+7", "12 oct. 2026, 10:00 UTC+7". */
export function formatShortDateTime(instant: Date, zone: string, locale: string): string {
	return dateTimeFormat(intlLocale(locale), { timeZone: zone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).format(instant);
}

/** A calendar date (YYYY-MM-DD, no zone) in words: "23 November 2026", "23 novembre 2026". */
export function formatIsoDate(date: string, locale: string): string {
	return formatDate(new Date(`${date}T12:00:00Z`), 'UTC', locale);
}

/**
 * A deadline as the region writes it: an instant at midnight is shown as 24:00 of the day before
 * ("Sunday, 6 December 2026, 24:00 Indochina Time"), so nobody reads it as a day later or earlier.
 */
export const formatDeadline = remembered((instant: Date, zone: string, locale: string) => `${instant.getTime()}|${zone}|${locale}`, deadline);

function deadline(instant: Date, zone: string, locale: string): string {
	const w = wallClockAt(instant, zone);
	const isMidnight = w.hour === 0 && w.minute === 0 && w.second === 0;
	const day = isMidnight ? new Date(instant.getTime() - 1) : instant;
	const date = dateTimeFormat(intlLocale(locale), {
		timeZone: zone,
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	}).format(day);
	const time = isMidnight ? '24:00' : formatTime(instant, zone, locale);
	// Chinese and Japanese take a full-width comma and no space.
	const comma = /^(zh|ja)/.test(locale) ? '，' : ', ';
	return `${date}${comma}${time} ${zoneName(instant, zone, locale, 'long')}`;
}
