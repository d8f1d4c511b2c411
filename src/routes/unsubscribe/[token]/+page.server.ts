import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getAuthSecret, getDb } from '$lib/server/runtime';
import { emailOfPerson } from '$lib/server/queries/directory';
import { personIdFromUnsubscribeToken, unsubscribe } from '$lib/server/use-cases/send-invitations';

// The link shows what it would do; the button does it (mail scanners follow links).
export const load: PageServerLoad = async ({ params }) => {
	const personId = personIdFromUnsubscribeToken(params.token, getAuthSecret());
	if (!personId) return { email: null };
	return { email: await emailOfPerson(getDb(), personId) };
};

export const actions: Actions = {
	default: async ({ params }) => {
		const result = await unsubscribe(getDb(), params.token, getAuthSecret(), new Date());
		return result.ok ? { isDone: true } : fail(400, { isDone: false });
	}
};
