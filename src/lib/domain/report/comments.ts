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

// A participant is told of the secretariat's answers to their comments (replies, "addressed") in
// one email a day at most: the first within the quiet time of the first answer (so that a sitting
// of answers comes as one email), the next no sooner than a day after the previous one.
export const DIGEST_INTERVAL_MS = 24 * 3600_000;
export const DEFAULT_DIGEST_QUIET_MS = 3600_000;

export interface DigestClock {
	/** The earliest answer not yet told. */
	firstNewsAt: Date;
	/** The person's previous digest, if any. */
	lastDigestAt: Date | null;
}

export function isDigestDue(now: Date, clock: DigestClock, quietMs = DEFAULT_DIGEST_QUIET_MS): boolean {
	if (clock.lastDigestAt && now.getTime() - clock.lastDigestAt.getTime() < DIGEST_INTERVAL_MS) return false;
	return now.getTime() - clock.firstNewsAt.getTime() >= quietMs;
}
