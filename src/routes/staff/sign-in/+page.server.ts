import { fail, redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getAuth } from '$lib/server/runtime';
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
	default: async ({ request }) => {
		const form = await request.formData();
		const parsed = ZSignInInput.safeParse({ email: form.get('email'), password: form.get('password') });
		const email = String(form.get('email') ?? '');
		if (!parsed.success) return fail(400, { email, message: m.sign_in_invalid() });
		try {
			// The sveltekit-cookies plugin sets the session cookie on this response.
			await getAuth().api.signInEmail({ body: parsed.data, headers: request.headers });
		} catch (error) {
			if (error instanceof APIError) return fail(400, { email, message: m.sign_in_failed() });
			throw error;
		}
		redirect(303, localizeHref('/staff'));
	}
};
