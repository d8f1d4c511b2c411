import { describe, expect, it } from 'vitest';
import {
	InvalidWallTimeError,
	addDays,
	dateInZone,
	formatDeadline,
	formatTimeRange,
	isBeforeDeadline,
	nextWeekday,
	zonedToInstant
} from './time';

describe('zonedToInstant', () => {
	it.each([
		['2026-10-25', '11:00', 'Asia/Bangkok', '2026-10-25T04:00:00.000Z'], // UTC+7
		['2026-10-25', '24:00', 'Asia/Bangkok', '2026-10-25T17:00:00.000Z'], // "Sunday 24:00 ICT" = end of Sunday
		['2026-12-31', '24:00', 'Asia/Bangkok', '2026-12-31T17:00:00.000Z'], // end of year
		['2026-03-01', '09:30', 'Pacific/Kiritimati', '2026-02-28T19:30:00.000Z'], // UTC+14, previous UTC day
		['2026-03-01', '09:30', 'Asia/Kathmandu', '2026-03-01T03:45:00.000Z'], // UTC+5:45
		['2026-06-15', '12:00', 'Asia/Tehran', '2026-06-15T08:30:00.000Z'], // UTC+3:30 (no DST since 2022)
		['2026-01-10', '10:00', 'Australia/Sydney', '2026-01-09T23:00:00.000Z'], // summer time, UTC+11
		['2026-07-10', '10:00', 'Australia/Sydney', '2026-07-10T00:00:00.000Z'], // winter, UTC+10
		['2026-06-01', '00:00', 'UTC', '2026-06-01T00:00:00.000Z']
	])('%s %s in %s is %s', (date, time, zone, expected) => {
		expect(zonedToInstant(date, time, zone).toISOString()).toBe(expected);
	});

	it('moves a time in a daylight-saving gap forward by the gap (Sydney, 2026-10-04 02:30 → 03:30 AEDT)', () => {
		expect(zonedToInstant('2026-10-04', '02:30', 'Australia/Sydney').toISOString()).toBe('2026-10-03T16:30:00.000Z');
	});

	it('takes the earlier instant in a daylight-saving overlap (Sydney, 2026-04-05 02:30 happens twice)', () => {
		expect(zonedToInstant('2026-04-05', '02:30', 'Australia/Sydney').toISOString()).toBe('2026-04-04T15:30:00.000Z');
	});

	it.each([
		['2026-02-30', '10:00', 'Asia/Bangkok', /No such date/],
		['2026-02-01', '24:01', 'Asia/Bangkok', /No such time/],
		['2026-02-01', '25:00', 'Asia/Bangkok', /No such time/],
		['2026-02-01', '10:60', 'Asia/Bangkok', /No such time/],
		['01/02/2026', '10:00', 'Asia/Bangkok', /Not a date/],
		['2026-02-01', '10h', 'Asia/Bangkok', /Not a time/],
		['2026-02-01', '10:00', 'Asia/Atlantis', /Unknown time zone/]
	])('rejects %s %s %s', (date, time, zone, message) => {
		expect(() => zonedToInstant(date, time, zone)).toThrow(InvalidWallTimeError);
		expect(() => zonedToInstant(date, time, zone)).toThrow(message);
	});
});

describe('deadlines', () => {
	const deadline = zonedToInstant('2026-10-25', '24:00', 'Asia/Bangkok');
	it('is open one second before 24:00 ICT', () => {
		expect(isBeforeDeadline(new Date('2026-10-25T16:59:59Z'), deadline)).toBe(true);
	});
	it('is closed at 24:00 ICT exactly (the deadline instant belongs to after)', () => {
		expect(isBeforeDeadline(new Date('2026-10-25T17:00:00Z'), deadline)).toBe(false);
	});
	it('is still open in Samoa (UTC+13) on Monday morning local time, because the deadline is in ICT', () => {
		const mondayInApia = zonedToInstant('2026-10-26', '05:59', 'Pacific/Apia');
		expect(dateInZone(mondayInApia, 'Pacific/Apia')).toBe('2026-10-26');
		expect(isBeforeDeadline(mondayInApia, deadline)).toBe(true);
	});
});

describe('calendar helpers', () => {
	it('adds days across months and leap years', () => {
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
	});
	it('finds the next Sunday, or the same day when it is one', () => {
		expect(nextWeekday('2026-11-23', 0)).toBe('2026-11-29'); // Monday → Sunday
		expect(nextWeekday('2026-11-29', 0)).toBe('2026-11-29');
	});
	it('gives the calendar date in the zone, not in UTC', () => {
		expect(dateInZone(new Date('2026-10-25T18:00:00Z'), 'Asia/Bangkok')).toBe('2026-10-26');
		expect(dateInZone(new Date('2026-10-25T18:00:00Z'), 'UTC')).toBe('2026-10-25');
	});
});

describe('formatTimeRange', () => {
	it('shows a Bangkok meeting as 11:00–14:00 Indochina Time whatever the server zone', () => {
		const r = formatTimeRange(
			new Date('2026-12-03T04:00:00Z'),
			new Date('2026-12-03T07:00:00Z'),
			'Asia/Bangkok',
			'en'
		);
		expect(r).toEqual({
			date: 'Thursday, 3 December 2026',
			start: '11:00',
			end: '14:00',
			zoneName: 'Indochina Time',
			utcOffset: 'GMT+7'
		});
	});
	it('speaks French when asked', () => {
		const r = formatTimeRange(new Date('2026-12-03T04:00:00Z'), new Date('2026-12-03T07:00:00Z'), 'Asia/Bangkok', 'fr');
		expect(r.date).toBe('jeudi 3 décembre 2026');
		expect(r.zoneName).toBe('heure d’Indochine');
	});
});

describe('formatDeadline', () => {
	it('writes a midnight deadline as 24:00 of the day before', () => {
		const deadline = zonedToInstant('2026-12-06', '24:00', 'Asia/Bangkok');
		expect(formatDeadline(deadline, 'Asia/Bangkok', 'en')).toBe('Sunday, 6 December 2026, 24:00 Indochina Time');
	});
	it('writes other deadlines with their time', () => {
		const deadline = zonedToInstant('2026-12-06', '17:30', 'Asia/Bangkok');
		expect(formatDeadline(deadline, 'Asia/Bangkok', 'en')).toBe('Sunday, 6 December 2026, 17:30 Indochina Time');
	});
	it('shows the deadline in the consultation zone, not the reader’s', () => {
		const deadline = zonedToInstant('2026-12-06', '24:00', 'Asia/Bangkok');
		expect(formatDeadline(deadline, 'Pacific/Kiritimati', 'en')).toBe('Monday, 7 December 2026, 07:00 Line Islands Time');
	});
	it('writes the deadline in the reader’s language, with a full-width comma in Chinese', () => {
		const deadline = zonedToInstant('2026-12-06', '17:30', 'Asia/Bangkok');
		expect(formatDeadline(deadline, 'Asia/Bangkok', 'zh')).toMatch(/^2026年12月6日星期日，17:30 /);
		expect(formatDeadline(deadline, 'Asia/Bangkok', 'ru')).toMatch(/^воскресенье, 6 декабря 2026 г\., 17:30 /);
	});
});
