import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getAuth, getDb } from '$lib/server/runtime';
import { requestSignInLink, safeNext } from '$lib/server/use-cases/request-sign-in-link';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = ({ url }) => ({ next: safeNext(url.searchParams.get('next')) });

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const auth = getAuth();
		const result = await requestSignInLink(getDb(), {
			signInMagicLink: async (address, callbackURL) => {
				await auth.api.signInMagicLink({ body: { email: address, callbackURL, metadata: { locale: locals.locale } }, headers: request.headers });
			}
		}, email, String(form.get('next') ?? ''));
		if (!result.ok) return fail(400, { email, message: m.stakeholder_sign_in_invalid() });
		return { email, isSent: true };
	}
};
