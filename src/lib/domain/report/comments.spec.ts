import { describe, expect, it } from 'vitest';
import { commentsCloseAt, DIGEST_INTERVAL_MS, isCommentPeriodOpen, isDigestDue } from './comments';

describe('the comment period', () => {
	it.each([
		// Circulated on Monday 23 November at 10:00 in Bangkok: open until Monday 30 November, 24:00 Bangkok.
		['Asia/Bangkok', '2026-11-23T03:00:00Z', 7, '2026-11-30T17:00:00.000Z'],
		// Circulated late in the evening in Apia (UTC+13): the days count from Apia's date.
		['Pacific/Apia', '2026-11-23T10:30:00Z', 7, '2026-11-30T11:00:00.000Z'],
		['Asia/Kabul', '2026-11-23T03:00:00Z', 1, '2026-11-24T19:30:00.000Z']
	])('in %s, circulated at %s for %i days, closes at %s', (zone, now, days, closes) => {
		expect(commentsCloseAt(new Date(now), days, zone).toISOString()).toBe(closes);
	});

	it('is open to the last second before 24:00 and closed at 24:00', () => {
		const opens = new Date('2026-11-23T03:00:00Z');
		const closes = commentsCloseAt(opens, 7, 'Asia/Bangkok');
		expect(isCommentPeriodOpen(new Date(closes.getTime() - 1000), opens, closes)).toBe(true);
		expect(isCommentPeriodOpen(closes, opens, closes)).toBe(false);
		expect(isCommentPeriodOpen(new Date(opens.getTime() - 1), opens, closes)).toBe(false);
		expect(isCommentPeriodOpen(opens, null, null)).toBe(false);
	});
});

describe('the daily digest of answers', () => {
	const first = new Date('2026-11-24T03:00:00Z');
	const later = (ms: number) => new Date(first.getTime() + ms);
	it('waits the quiet time after the first answer, so that a sitting of answers is one email', () => {
		expect(isDigestDue(later(59 * 60_000), { firstNewsAt: first, lastDigestAt: null })).toBe(false);
		expect(isDigestDue(later(60 * 60_000), { firstNewsAt: first, lastDigestAt: null })).toBe(true);
		expect(isDigestDue(first, { firstNewsAt: first, lastDigestAt: null }, 0)).toBe(true);
	});
	it('sends no second email within a day of the previous one, whatever the quiet time', () => {
		const lastDigestAt = later(-DIGEST_INTERVAL_MS + 3600_000);
		expect(isDigestDue(later(3599_000), { firstNewsAt: first, lastDigestAt }, 0)).toBe(false);
		expect(isDigestDue(later(3600_000), { firstNewsAt: first, lastDigestAt }, 0)).toBe(true);
	});
});
