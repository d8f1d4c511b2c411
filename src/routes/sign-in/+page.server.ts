import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getAuth, getDb, getLimits } from '$lib/server/runtime';
import { clientAddress } from '$lib/server/client-address';
import { tooManyMessage } from '$lib/server/refusals';
import { requestSignInLink, safeNext } from '$lib/server/use-cases/request-sign-in-link';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = ({ url }) => ({ next: safeNext(url.searchParams.get('next')) });

export const actions: Actions = {
	default: async (event) => {
		const { request, locals } = event;
		const form = await request.formData();
		const email = String(form.get('email') ?? '').slice(0, 320);
		// Links asked for one address and from one client are counted, known addresses or not (the
		// same answer either way).
		const limits = getLimits();
		const wait = (await limits.take('link-client', clientAddress(event))) ?? (await limits.take('link-address', email.trim().toLowerCase()));
		if (wait !== null) return fail(429, { email, message: tooManyMessage(wait) });
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
