import { error } from '@sveltejs/kit';
import { asc, count, eq } from 'drizzle-orm';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireStaff } from '$lib/server/guards';
import { agendaItem, consultation, statement } from '$lib/server/db/schema';
import { policy } from '$lib/domain/policy';
import { formatTimeRange } from '$lib/domain/time';

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = getDb();
	const [c] = await db.select().from(consultation).where(eq(consultation.slug, params.slug));
	if (!c) error(404);
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
