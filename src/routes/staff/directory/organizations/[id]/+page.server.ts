// Longer than a route should be: one page edits a record, creates a new one and merges it into another (two
// actions), and a merged record redirects to the one kept.
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireStaff } from '$lib/server/guards';
import { getOrganization } from '$lib/server/queries/directory';
import { loadDirectoryOptions } from '$lib/server/queries/directory-options';
import { saveOrganization } from '$lib/server/use-cases/save-directory-records';
import { mergeOrganizations } from '$lib/server/use-cases/merge-directory-records';
import { ZOrganizationInput, formFields } from '$lib/domain/directory-input';
import { zodFieldErrors } from '$lib/domain/form-errors';
import { policy } from '$lib/domain/policy';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { idOf, type OrganizationId } from '$lib/domain/ids';
import { formId, NOT_FOUND } from '$lib/server/forms';
import { localizeReferenceData } from '$lib/server/reference-names';

const FIELDS = ['name', 'acronym', 'aliases', 'countryCode', 'categoryId', 'website'] as const;

const loadPage = async ({ locals, params, url }: Parameters<PageServerLoad>[0]) => {
	requireStaff(locals.actor, policy.canChangeDirectory);
	const db = getDb();
	let values: Record<string, unknown> = {};
	if (params.id !== 'new') {
		const id = idOf<OrganizationId>(params.id);
		if (!id) error(404);
		const o = await getOrganization(db, id);
		if (!o) error(404);
		if (o.mergedIntoId) redirect(303, localizeHref(`/staff/directory/organizations/${o.mergedIntoId}`));
		values = { ...o, aliases: o.aliases.join('; ') };
	}
	const options = await loadDirectoryOptions(db);
	return { isNew: params.id === 'new', id: params.id, values, isSaved: url.searchParams.has('saved'), isMerged: url.searchParams.has('merged'), ...options, mergeTargets: options.organizations.filter((o) => o.id !== params.id) };
};

// Stakeholder groups, subregions, countries and objectives in the staff member's language.
export const load: PageServerLoad = async (event) => localizeReferenceData(await loadPage(event), event.locals.locale);

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const actor = requireStaff(locals.actor, policy.canChangeDirectory);
		const raw = formFields(await request.formData(), FIELDS);
		const parsed = ZOrganizationInput.safeParse(raw);
		if (!parsed.success) return fail(400, { values: raw, errors: zodFieldErrors(parsed.error) });
		const id = idOf<OrganizationId>(params.id);
		if (params.id !== 'new' && !id) error(404);
		const result = await saveOrganization(getDb(), actor, parsed.data, id, new Date());
		if (!result.ok) {
			if (result.reason === 'invalid') return fail(400, { values: raw, errors: result.errors });
			error(result.reason === 'forbidden' ? 403 : 404);
		}
		redirect(303, `${localizeHref(`/staff/directory/organizations/${result.id}`)}?saved=1`);
	},
	merge: async ({ locals, params, request }) => {
		const actor = requireStaff(locals.actor, policy.canChangeDirectory);
		const [duplicateId, keptId] = [idOf<OrganizationId>(params.id), formId<OrganizationId>(await request.formData(), 'keptId')];
		const result = duplicateId && keptId ? await mergeOrganizations(getDb(), actor, duplicateId, keptId, new Date()) : NOT_FOUND;
		if (result.ok) redirect(303, `${localizeHref(`/staff/directory/organizations/${keptId}`)}?merged=1`);
		if (result.reason === 'both-registered') return fail(409, { mergeMessage: m.merge_both_registered({ count: result.consultationIds.length }) });
		return fail(result.reason === 'forbidden' ? 403 : 400, { mergeMessage: m.duplicates_not_found() });
	}
};
