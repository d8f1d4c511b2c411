import { describe, expect, it } from 'vitest';
import { isUpcoming, registrationState } from './consultation';

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
