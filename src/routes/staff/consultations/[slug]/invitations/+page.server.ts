import { error, fail } from '@sveltejs/kit';
import { asc, eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { baseUrl, getAuthSecret, getDb, getMailer } from '$lib/server/runtime';
import { requireStaff } from '$lib/server/guards';
import { consultation, country, stakeholderCategory, subregion } from '$lib/server/db/schema';
import { previewInvitations, sendInvitations, type InvitationFilter } from '$lib/server/use-cases/send-invitations';
import { policy } from '$lib/domain/policy';

function filterFrom(params: URLSearchParams | FormData): InvitationFilter {
	const get = (k: string) => {
		const v = params.get(k);
		return typeof v === 'string' && /^[A-Za-z-]{1,60}$/.test(v) ? v : undefined;
	};
	const past = get('past');
	return { categoryId: get('category'), subregionId: get('subregion'), countryCode: get('country'), pastParticipation: past === 'attended' || past === 'never' ? past : undefined };
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const db = getDb();
	const [c] = await db.select().from(consultation).where(eq(consultation.slug, params.slug));
	if (!c) error(404);
	const actor = requireStaff(locals.actor, (a) => policy.canOrganize(a, c.id));
	const filter = filterFrom(url.searchParams);
	const preview = await previewInvitations(db, actor, c.slug, filter);
	const [categories, subregions, countries] = await Promise.all([
		db.select().from(stakeholderCategory).orderBy(asc(stakeholderCategory.position)),
		db.select().from(subregion).orderBy(asc(subregion.position)),
		db.select({ code: country.code, name: country.name }).from(country).orderBy(asc(country.name))
	]);
	return { consultation: { slug: c.slug, title: c.title }, filter, count: preview.ok ? preview.count : 0, categories, subregions, countries };
};

export const actions: Actions = {
	send: async ({ locals, params, request }) => {
		const db = getDb();
		const [c] = await db.select().from(consultation).where(eq(consultation.slug, params.slug));
		if (!c) error(404);
		const actor = requireStaff(locals.actor, (a) => policy.canOrganize(a, c.id));
		const result = await sendInvitations(db, getMailer(), actor, c.slug, filterFrom(await request.formData()), { page: `${baseUrl()}/consultations/${c.slug}`, unsubscribe: (token) => `${baseUrl()}/unsubscribe/${token}` }, getAuthSecret());
		if (!result.ok) return fail(result.reason === 'forbidden' ? 403 : 404, {});
		return { sent: result.count };
	}
};
