import type { PageServerLoad } from './$types';
import { getDb, getReadCache } from '$lib/server/runtime';
import { cachedPublishedConsultations, cachedReviewProcesses } from '$lib/server/queries/cached';
import { isUpcoming, registrationState } from '$lib/domain/consultation';
import { formatDateTime, formatDeadline, formatTimeRange } from '$lib/domain/time';

export const load: PageServerLoad = async ({ locals }) => {
	const now = new Date();
	const rows = await cachedPublishedConsultations(getReadCache(), getDb());
	const cards = rows.map((c) => ({
		slug: c.slug,
		title: c.title,
		format: c.format,
		when: formatTimeRange(c.startsAt, c.endsAt, c.timeZone, locals.locale),
		registration: registrationState(c, now),
		opens: c.registrationOpensAt ? formatDateTime(c.registrationOpensAt, c.timeZone, locals.locale) : null,
		deadline: c.registrationClosesAt ? formatDeadline(c.registrationClosesAt, c.timeZone, locals.locale) : null,
		isUpcoming: isUpcoming(c, now)
	}));
	const processes = await cachedReviewProcesses(getReadCache(), getDb());
	return {
		processes,
		upcoming: cards.filter((c) => c.isUpcoming),
		past: cards.filter((c) => !c.isUpcoming).reverse()
	};
};
