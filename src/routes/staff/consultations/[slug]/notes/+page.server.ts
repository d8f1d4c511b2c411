import { asc, count, eq } from 'drizzle-orm';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { consultationOr404, requireStaff } from '$lib/server/guards';
import { agendaItem, statement } from '$lib/server/db/schema';
import { policy } from '$lib/domain/policy';
import { formatTimeRange } from '$lib/domain/time';

export const load: PageServerLoad = async ({ locals, params }) => {
	const c = await consultationOr404(params.slug);
	const db = getDb();
	requireStaff(locals.actor, (a) => policy.canTakeNotes(a, c.id));
	const items = await db
		.select({ id: agendaItem.id, title: agendaItem.title, startsAt: agendaItem.startsAt, endsAt: agendaItem.endsAt, statements: count(statement.id) })
		.from(agendaItem)
		.leftJoin(statement, eq(statement.agendaItemId, agendaItem.id))
		.where(eq(agendaItem.consultationId, c.id))
		.groupBy(agendaItem.id)
		.orderBy(asc(agendaItem.position));
	return {
		consultation: { slug: c.slug, title: c.title },
		items: items.map((i) => ({ id: i.id, title: i.title, statements: i.statements, when: formatTimeRange(i.startsAt, i.endsAt, c.timeZone, locals.locale) }))
	};
};
