import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { consultationOr404, requireStaff } from '$lib/server/guards';
import { agendaWithStatementCounts } from '$lib/server/queries/consultations';
import { policy } from '$lib/domain/policy';
import { formatTimeRange } from '$lib/domain/time';

export const load: PageServerLoad = async ({ locals, params }) => {
	const c = await consultationOr404(params.slug);
	const db = getDb();
	requireStaff(locals.actor, (a) => policy.canTakeNotes(a, c.id));
	const items = await agendaWithStatementCounts(db, c.id);
	return {
		consultation: { slug: c.slug, title: c.title },
		items: items.map((i) => ({ id: i.id, title: i.title, statements: i.statements, when: formatTimeRange(i.startsAt, i.endsAt, c.timeZone, locals.locale) }))
	};
};
