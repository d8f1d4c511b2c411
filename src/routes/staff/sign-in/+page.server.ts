import { fail, redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getAuth, getLimits } from '$lib/server/runtime';
import { clientAddress } from '$lib/server/client-address';
import { tooManyMessage } from '$lib/server/refusals';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';

const ZSignInInput = z.object({
	email: z.email().trim().toLowerCase(),
	password: z.string().min(1).max(200)
});

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user && locals.user.role !== 'stakeholder') redirect(303, localizeHref('/staff'));
};

export const actions: Actions = {
	default: async (event) => {
		const { request } = event;
		const form = await request.formData();
		const parsed = ZSignInInput.safeParse({ email: form.get('email'), password: form.get('password') });
		const email = String(form.get('email') ?? '').slice(0, 320);
		if (!parsed.success) return fail(400, { email, message: m.sign_in_invalid() });
		// Every try is counted per account and per client before the password is checked (tries sent
		// at once cannot slip past the count); a right password clears the account's count. Past
		// either limit, no password is even tried (the right one included) until the window ends.
		const limits = getLimits();
		const client = clientAddress(event);
		const wait = (await limits.take('password-account', parsed.data.email)) ?? (await limits.take('password-client', client));
		if (wait !== null) {
			event.setHeaders({ 'retry-after': String(wait) });
			return fail(429, { email, message: tooManyMessage(wait) });
		}
		try {
			// The sveltekit-cookies plugin sets the session cookie on this response.
			await getAuth().api.signInEmail({ body: parsed.data, headers: request.headers });
		} catch (error) {
			if (!(error instanceof APIError)) throw error;
			return fail(400, { email, message: m.sign_in_failed() });
		}
		await limits.clear('password-account', parsed.data.email);
		redirect(303, localizeHref('/staff'));
	}
};
