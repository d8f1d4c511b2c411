import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { baseUrl, getDb, getMailer } from '$lib/server/runtime';
import { acceptHandover, findHandover } from '$lib/server/use-cases/hand-over-place';

// Opening the link shows what would happen; only the button (a POST) hands the place over, so that
// mail scanners that follow links change nothing.
export const load: PageServerLoad = async ({ params }) => {
	const found = await findHandover(getDb(), params.token, new Date());
	return { handover: found ? { title: found.title, requester: found.requester.name, email: found.requester.email } : null };
};

export const actions: Actions = {
	default: async ({ params }) => {
		const result = await acceptHandover(getDb(), getMailer(), params.token, new Date(), {
			page: (slug) => `${baseUrl()}/consultations/${slug}`,
			signIn: `${baseUrl()}/sign-in`
		});
		if (!result.ok) return fail(409, { isInvalid: true });
		return { isDone: true };
	}
};
