import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getAuth, getDb } from '$lib/server/runtime';
import { listConsultationsWithRegistrationCounts } from '$lib/server/queries/consultations';
import { isStaff } from '$lib/domain/access';
import { localizeHref } from '$lib/paraglide/runtime';
import { formatTimeRange } from '$lib/domain/time';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user || !isStaff(locals.user.role)) redirect(303, localizeHref('/staff/sign-in'));
	const rows = await listConsultationsWithRegistrationCounts(getDb());
	return {
		consultations: rows.map((c) => ({
			slug: c.slug,
			title: c.title,
			status: c.status,
			registrations: c.registrations,
			when: formatTimeRange(c.startsAt, c.endsAt, c.timeZone, locals.locale)
		}))
	};
};

export const actions: Actions = {
	signOut: async ({ request }) => {
		await getAuth().api.signOut({ headers: request.headers });
		redirect(303, localizeHref('/'));
	}
};
