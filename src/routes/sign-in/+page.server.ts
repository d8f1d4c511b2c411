import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getAuth, getDb, getLimits } from '$lib/server/runtime';
import { clientAddress } from '$lib/server/client-address';
import { tooManyMessage } from '$lib/server/refusals';
import { requestSignInLink, safeNext } from '$lib/server/use-cases/request-sign-in-link';
import { isValidEmail } from '$lib/domain/people-import';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';

// Arriving from a used or expired link (better-auth adds ?error=…) or from signing out, the page says so.
export const load: PageServerLoad = ({ url }) => ({ next: safeNext(url.searchParams.get('next')), isLinkUsed: url.searchParams.has('error'), isSignedOut: url.searchParams.has('signedOut') });

export const actions: Actions = {
	default: async (event) => {
		const { request, locals } = event;
		const form = await request.formData();
		const email = String(form.get('email') ?? '').slice(0, 320);
		// Links asked for one address and from one client are counted, known addresses or not (the
		// same answer either way).
		const limits = getLimits();
		const wait = (await limits.take('link-client', clientAddress(event))) ?? (await limits.take('link-address', email.trim().toLowerCase()));
		if (wait !== null) {
			event.setHeaders({ 'retry-after': String(wait) });
			return fail(429, { email, message: tooManyMessage(wait) });
		}
		if (!isValidEmail(email.trim().toLowerCase())) return fail(400, { email, message: m.stakeholder_sign_in_invalid() });
		// Who the address belongs to is looked up after the answer, so that the answer takes the same
		// time for a staff member, a known stakeholder and a stranger.
		const auth = getAuth();
		const headers = new Headers(request.headers);
		const next = String(form.get('next') ?? '');
		const sender = {
			signInMagicLink: async (address: string, callbackURL: string) => {
				// A link used twice or too late comes back here, with where it was going.
				const errorCallbackURL = `${localizeHref('/sign-in', { locale: locals.locale })}?next=${encodeURIComponent(callbackURL)}`;
				await auth.api.signInMagicLink({ body: { email: address, callbackURL: localizeHref(callbackURL, { locale: locals.locale }), errorCallbackURL, metadata: { locale: locals.locale } }, headers });
			}
		};
		setImmediate(() => {
			// The use-case's own background sending logs a mail that fails.
			requestSignInLink(getDb(), sender, email, next).catch((error: unknown) => console.error(`A sign-in link request failed: ${(error as Error).message}`));
		});
		return { email, isSent: true };
	}
};
