// Longer than a route should be: the filter, the list and the balance against the targets share one
// page (and two actions), as the secretariat works them side by side.
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb, getMailer, links } from '$lib/server/runtime';
import { consultationOr404, requireStaff } from '$lib/server/guards';
import { listCategories, listSubregions } from '$lib/server/queries/reference';
import { listRegistrations } from '$lib/server/queries/registrations';
import { decideRegistration } from '$lib/server/use-cases/move-registration';
import { againstTargets, balanceBy } from '$lib/domain/balance';
import { saveBalanceTargets } from '$lib/server/use-cases/save-balance-targets';
import { errorTexts } from '$lib/error-text';
import { policy } from '$lib/domain/policy';
import { GENDERS, isOneOf, REGISTRATION_STATUSES } from '$lib/domain/enums';
import { m } from '$lib/paraglide/messages';
import { formId, NOT_FOUND } from '$lib/server/forms';
import type { RegistrationId } from '$lib/domain/ids';
import { localizeReferenceData } from '$lib/server/reference-names';

const loadPage = async ({ locals, params, url }: Parameters<PageServerLoad>[0]) => {
	const c = await consultationOr404(params.slug);
	requireStaff(locals.actor, (a) => policy.canOrganize(a, c.id));
	const q = url.searchParams;
	const pick = <T extends string>(key: string, allowed: readonly T[]) => { const v = q.get(key); return isOneOf(allowed, v) ? v : undefined; };
	const db = getDb();
	const [subregions, categories] = await Promise.all([listSubregions(db), listCategories(db)]);
	const filter = {
		status: pick('status', REGISTRATION_STATUSES),
		subregionId: pick('subregion', subregions.map((s) => s.id)),
		gender: pick('gender', GENDERS),
		categoryId: pick('category', categories.map((x) => x.id))
	};
	const rows = await listRegistrations(db, c.id, filter);
	// Balance of the registrations that still compete for a seat.
	const active = rows.filter((r) => ['submitted', 'selected', 'waitlisted', 'confirmed'].includes(r.status));
	return {
		consultation: { slug: c.slug, title: c.title, capacity: c.capacity },
		targets: c.balanceTargets,
		filter,
		query: url.searchParams.toString(),
		subregions,
		categories,
		genders: GENDERS,
		statuses: REGISTRATION_STATUSES,
		rows: rows.map((r) => ({ ...r, submittedAt: r.submittedAt.toISOString() })),
		balance: {
			total: active.length,
			subregion: againstTargets(balanceBy(active, (r) => r.subregionId), c.balanceTargets.subregion, active.length),
			gender: againstTargets(balanceBy(active, (r) => r.gender), c.balanceTargets.gender, active.length),
			category: againstTargets(balanceBy(active, (r) => r.categoryId), c.balanceTargets.category, active.length),
			status: balanceBy(rows, (r) => r.status)
		}
	};
};

// Stakeholder groups, subregions, countries and objectives in the staff member's language.
export const load: PageServerLoad = async (event) => localizeReferenceData(await loadPage(event), event.locals.locale);

export const actions: Actions = {
	targets: async ({ locals, params, request }) => {
		const c = await consultationOr404(params.slug);
		const actor = requireStaff(locals.actor, (a) => policy.canOrganize(a, c.id));
		const form = await request.formData();
		const fields = [...form].map(([k, v]) => [k, String(v)] as [string, string]);
		const result = await saveBalanceTargets(getDb(), actor, c.slug, fields, new Date());
		if (!result.ok) {
			if (result.reason !== 'invalid') return fail(403, { message: m.error_forbidden() });
			return fail(400, { targetErrors: errorTexts(result.errors), targetValues: Object.fromEntries(fields) as Record<string, string>, message: m.targets_not_saved() });
		}
		return { done: m.targets_saved() };
	},
	decide: async ({ locals, params, request }) => {
		const c = await consultationOr404(params.slug);
		const actor = requireStaff(locals.actor, (a) => policy.canOrganize(a, c.id));
		const form = await request.formData();
		const to = String(form.get('to') ?? '');
		if (to !== 'selected' && to !== 'waitlisted' && to !== 'declined') return fail(400, { message: m.error_field_invalid() });
		const registrationId = formId<RegistrationId>(form, 'registrationId');
		const result = registrationId ? await decideRegistration(getDb(), getMailer(), actor, registrationId, to, new Date(), links().decision) : NOT_FOUND;
		if (!result.ok) {
			const status = result.reason === 'forbidden' ? 403 : result.reason === 'not-found' ? 404 : 409;
			return fail(status, { message: result.reason === 'not-allowed' ? m.decision_not_allowed() : m.accounts_not_found() });
		}
		return { done: m.decision_saved() };
	}
};
