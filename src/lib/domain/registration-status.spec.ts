import { describe, expect, it } from 'vitest';
import { canMove, isAdmitted } from './registration-status';
import { REGISTRATION_STATUSES } from './enums';

describe('registration state machine', () => {
	it.each([
		['submitted', 'selected', 'organizer', true],
		['submitted', 'selected', 'registrant', false], // nobody selects themselves
		['submitted', 'withdrawn', 'registrant', true],
		['submitted', 'withdrawn', 'organizer', false], // only the registrant withdraws
		['selected', 'confirmed', 'registrant', true],
		['selected', 'confirmed', 'organizer', false],
		['waitlisted', 'selected', 'organizer', true],
		['confirmed', 'withdrawn', 'registrant', true],
		['confirmed', 'declined', 'organizer', false], // a confirmed place is not taken away here
		['withdrawn', 'submitted', 'registrant', false],
		['withdrawn', 'selected', 'organizer', false]
	] as const)('%s → %s by the %s: %s', (from, to, by, expected) => {
		expect(canMove(from, to, by)).toBe(expected);
	});

	it('never moves a registration to the state it is in', () => {
		for (const s of REGISTRATION_STATUSES) for (const by of ['registrant', 'organizer'] as const) expect(canMove(s, s, by)).toBe(false);
	});

	it('admits only selected and confirmed registrants to the meeting link', () => {
		expect(REGISTRATION_STATUSES.filter(isAdmitted)).toEqual(['selected', 'confirmed']);
	});
});
