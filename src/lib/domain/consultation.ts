// Where a consultation stands at a given instant. Pure: `now` is an argument.
import { isBeforeDeadline } from './time';

export type RegistrationState = 'not-yet-open' | 'open' | 'closed';

export interface RegistrationWindow {
	registrationOpensAt: Date | null; // null = open from publication
	registrationClosesAt: Date | null; // null = until the meeting starts
	startsAt: Date;
}

export function registrationState(c: RegistrationWindow, now: Date): RegistrationState {
	if (c.registrationOpensAt && now.getTime() < c.registrationOpensAt.getTime()) return 'not-yet-open';
	const closes = c.registrationClosesAt ?? c.startsAt;
	return isBeforeDeadline(now, closes) ? 'open' : 'closed';
}

/** Upcoming until it ends: a consultation in progress is still listed with the upcoming ones. */
export function isUpcoming(c: { endsAt: Date }, now: Date): boolean {
	return c.endsAt.getTime() > now.getTime();
}
