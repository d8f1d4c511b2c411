import { describe, expect, it } from 'vitest';
import { isUpcoming, registrationState } from './consultation';
import { zonedToInstant } from './time';

const c = {
	registrationOpensAt: new Date('2026-11-01T00:00:00Z'),
	registrationClosesAt: new Date('2026-11-29T17:00:00Z'), // Sunday 24:00 ICT
	startsAt: new Date('2026-12-03T04:00:00Z'),
	endsAt: new Date('2026-12-03T07:00:00Z')
};

describe('registrationState', () => {
	it.each([
		['2026-10-31T23:59:59Z', 'not-yet-open'],
		['2026-11-01T00:00:00Z', 'open'], // opening instant belongs to "open"
		['2026-11-29T16:59:59Z', 'open'],
		['2026-11-29T17:00:00Z', 'closed'], // the deadline instant is already closed
		['2026-12-10T00:00:00Z', 'closed']
	])('at %s it is %s', (now, expected) => {
		expect(registrationState(c, new Date(now))).toBe(expected);
	});
	it('without a closing time, stays open until the meeting starts', () => {
		const noDeadline = { ...c, registrationClosesAt: null };
		expect(registrationState(noDeadline, new Date('2026-12-03T03:59:59Z'))).toBe('open');
		expect(registrationState(noDeadline, new Date('2026-12-03T04:00:00Z'))).toBe('closed');
	});
});

describe('isUpcoming', () => {
	it('is upcoming while the meeting is in progress, past once it has ended', () => {
		expect(isUpcoming(c, new Date('2026-12-03T05:00:00Z'))).toBe(true);
		expect(isUpcoming(c, new Date('2026-12-03T07:00:00Z'))).toBe(false);
	});
});

describe('registration deadlines across zones, at the last second before and the first second after', () => {
	// "24:00" on the closing day in the consultation's own zone.
	it.each([
		['Asia/Bangkok', '2026-10-25', '2026-10-25T17:00:00Z'], // UTC+7
		['Pacific/Apia', '2026-10-25', '2026-10-25T11:00:00Z'], // UTC+13
		['Asia/Kabul', '2026-10-25', '2026-10-25T19:30:00Z'], // UTC+4:30
		['Australia/Sydney', '2026-10-04', '2026-10-04T13:00:00Z'], // the day DST starts: 24:00 is UTC+11
		['Australia/Sydney', '2026-04-05', '2026-04-05T14:00:00Z'] // the day DST ends: 24:00 is UTC+10
	])('in %s, closing %s at 24:00 closes at %s', (zone, day, closesUtc) => {
		const closes = zonedToInstant(day, '24:00', zone);
		expect(closes.toISOString()).toBe(new Date(closesUtc).toISOString());
		const w = { registrationOpensAt: null, registrationClosesAt: closes, startsAt: new Date(closes.getTime() + 7 * 86_400_000) };
		expect(registrationState(w, new Date(closes.getTime() - 1000))).toBe('open');
		expect(registrationState(w, new Date(closes.getTime() - 1))).toBe('open');
		expect(registrationState(w, closes)).toBe('closed');
		expect(registrationState(w, new Date(closes.getTime() + 1000))).toBe('closed');
	});
});
