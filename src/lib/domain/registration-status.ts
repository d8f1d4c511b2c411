// The registration state machine (DESIGN.md): submitted → selected | waitlisted | declined →
// confirmed | withdrawn. Who may move a registration along which edge.
import type { RegistrationStatus } from './enums';

type Mover = 'registrant' | 'organizer';

const EDGES: Record<RegistrationStatus, Partial<Record<RegistrationStatus, Mover[]>>> = {
	submitted: { selected: ['organizer'], waitlisted: ['organizer'], declined: ['organizer'], withdrawn: ['registrant'] },
	waitlisted: { selected: ['organizer'], declined: ['organizer'], withdrawn: ['registrant'] },
	selected: { confirmed: ['registrant'], waitlisted: ['organizer'], declined: ['organizer'], withdrawn: ['registrant'] },
	confirmed: { withdrawn: ['registrant'] },
	declined: { selected: ['organizer'], waitlisted: ['organizer'] }, // an organizer may revisit a decision
	withdrawn: {}
};

export function canMove(from: RegistrationStatus, to: RegistrationStatus, by: Mover): boolean {
	return EDGES[from][to]?.includes(by) ?? false;
}

/** States in which the registrant may see the meeting link. */
export function isAdmitted(status: RegistrationStatus): boolean {
	return status === 'selected' || status === 'confirmed';
}

/** A registrant may still act (confirm, withdraw) until the meeting starts. */
export function isBeforeMeeting(startsAt: Date, now: Date): boolean {
	return now.getTime() < startsAt.getTime();
}

/** A registrant may change their languages and needs until the meeting, unless withdrawn or declined. */
export function canChangeDetails(status: RegistrationStatus, startsAt: Date, now: Date): boolean {
	return isBeforeMeeting(startsAt, now) && status !== 'withdrawn' && status !== 'declined';
}

/**
 * Organization, stakeholder group and country decide the balance a selection strikes, so the
 * registrant may correct them only while no decision has been made (and before the meeting).
 */
export function canChangeIdentity(status: RegistrationStatus, startsAt: Date, now: Date): boolean {
	return isBeforeMeeting(startsAt, now) && status === 'submitted';
}
