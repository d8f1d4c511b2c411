import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getAuthSecret, getDb, getMailer, links } from '$lib/server/runtime';
import { consultationOr404, requireStaff } from '$lib/server/guards';
import { referenceLists } from '$lib/server/queries/reference';
import { previewInvitations, sendInvitations, type InvitationFilter } from '$lib/server/use-cases/send-invitations';
import { policy } from '$lib/domain/policy';
import { localizeReferenceData } from '$lib/server/reference-names';

function filterFrom(params: URLSearchParams | FormData): InvitationFilter {
	const get = (k: string) => {
		const v = params.get(k);
		return typeof v === 'string' && /^[A-Za-z-]{1,60}$/.test(v) ? v : undefined;
	};
	const past = get('past');
	return { categoryId: get('category'), subregionId: get('subregion'), countryCode: get('country'), pastParticipation: past === 'attended' || past === 'never' ? past : undefined };
}

const loadPage = async ({ locals, params, url }: Parameters<PageServerLoad>[0]) => {
	const db = getDb();
	const c = await consultationOr404(params.slug);
	const actor = requireStaff(locals.actor, (a) => policy.canOrganize(a, c.id));
	const filter = filterFrom(url.searchParams);
	const [preview, lists] = await Promise.all([previewInvitations(db, actor, c.slug, filter), referenceLists(db)]);
	return { consultation: { slug: c.slug, title: c.title }, filter, count: preview.ok ? preview.count : 0, ...lists };
};

// Stakeholder groups, subregions, countries and objectives in the staff member's language.
export const load: PageServerLoad = async (event) => localizeReferenceData(await loadPage(event), event.locals.locale);

export const actions: Actions = {
	send: async ({ locals, params, request }) => {
		const c = await consultationOr404(params.slug);
		const actor = requireStaff(locals.actor, (a) => policy.canOrganize(a, c.id));
		const result = await sendInvitations(getDb(), getMailer(), actor, c.slug, filterFrom(await request.formData()), { page: links().consultation(c.slug), unsubscribe: links().unsubscribe }, getAuthSecret());
		if (!result.ok) return fail(result.reason === 'forbidden' ? 403 : 404, {});
		return { sent: result.count };
	}
};
