// The comment period of a circulated report: open from circulation until 24:00 (the end of the
// day) in the consultation's time zone, a number of days later (7 by default).

import { addDays, dateInZone, zonedToInstant } from '../time';

export const DEFAULT_COMMENT_DAYS = 7;
export const MAX_COMMENT_LENGTH = 5_000;

export function commentsCloseAt(now: Date, days: number, zone: string): Date {
	return zonedToInstant(addDays(dateInZone(now, zone), days), '24:00', zone);
}

export function isCommentPeriodOpen(now: Date, opensAt: Date | null, closesAt: Date | null): boolean {
	return !!opensAt && !!closesAt && now >= opensAt && now < closesAt;
}
