// Signing out, from the button every signed-in page carries: the session ends (its cookie is
// cleared) and the person lands on the sign-in page they use, told that they are signed out.
import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getAuth } from '$lib/server/runtime';
import { localizeHref } from '$lib/paraglide/runtime';

export const POST: RequestHandler = async ({ request, locals }) => {
	const wasStaff = locals.user !== null && locals.user.role !== 'stakeholder';
	if (locals.user) await getAuth().api.signOut({ headers: request.headers }).catch(() => undefined);
	redirect(303, `${localizeHref(wasStaff ? '/staff/sign-in' : '/sign-in')}?signedOut=1`);
};
