import { describe, expect, it } from 'vitest';
import { canChangeDetails, canChangeIdentity, canMove, isAdmitted } from './registration-status';
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

describe('what a registrant may still change', () => {
	const startsAt = new Date('2026-10-21T02:00:00Z');
	const before = new Date('2026-10-20T00:00:00Z');
	it('changes details until the meeting unless withdrawn or declined', () => {
		expect(REGISTRATION_STATUSES.filter((s) => canChangeDetails(s, startsAt, before))).toEqual(REGISTRATION_STATUSES.filter((s) => s !== 'withdrawn' && s !== 'declined'));
		expect(canChangeDetails('confirmed', startsAt, startsAt)).toBe(false);
	});
	it('changes organization, group and country only while undecided and before the meeting', () => {
		expect(REGISTRATION_STATUSES.filter((s) => canChangeIdentity(s, startsAt, before))).toEqual(['submitted']);
		expect(canChangeIdentity('submitted', startsAt, startsAt)).toBe(false);
	});
});
