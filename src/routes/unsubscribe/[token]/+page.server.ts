import { fail } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { getAuthSecret, getDb } from '$lib/server/runtime';
import { person } from '$lib/server/db/schema';
import { personIdFromUnsubscribeToken, unsubscribe } from '$lib/server/use-cases/send-invitations';

// The link shows what it would do; the button does it (mail scanners follow links).
export const load: PageServerLoad = async ({ params }) => {
	const personId = personIdFromUnsubscribeToken(params.token, getAuthSecret());
	if (!personId) return { email: null };
	const [p] = await getDb().select({ email: person.email }).from(person).where(eq(person.id, personId));
	return { email: p?.email ?? null };
};

export const actions: Actions = {
	default: async ({ params }) => {
		const result = await unsubscribe(getDb(), params.token, getAuthSecret());
		return result.ok ? { isDone: true } : fail(400, { isDone: false });
	}
};
