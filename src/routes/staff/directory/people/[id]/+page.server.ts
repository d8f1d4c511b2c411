import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireStaff } from '$lib/server/guards';
import { getPersonForEdit } from '$lib/server/queries/directory';
import { loadDirectoryOptions } from '$lib/server/queries/directory-options';
import { savePerson } from '$lib/server/use-cases/save-directory-records';
import { ZPersonInput, formFields } from '$lib/domain/directory-input';
import { zodFieldErrors } from '$lib/domain/form-errors';
import { policy } from '$lib/domain/policy';
import { GENDERS } from '$lib/domain/enums';
import { localizeHref } from '$lib/paraglide/runtime';
import { idOf, type PersonId } from '$lib/domain/ids';
import { localizeReferenceData } from '$lib/server/reference-names';

const FIELDS = ['name', 'email', 'organizationId', 'countryCode', 'categoryId', 'gender', 'genderSelfDescription', 'honorific', 'jobTitle', 'phone', 'languages', 'consentToContact', 'consentToList'] as const;

const loadPage = async ({ locals, params, url }: Parameters<PageServerLoad>[0]) => {
	requireStaff(locals.actor, policy.canChangeDirectory);
	const db = getDb();
	let values: Record<string, unknown> = { consentToContact: true };
	if (params.id !== 'new') {
		const id = idOf<PersonId>(params.id);
		if (!id) error(404);
		const p = await getPersonForEdit(db, id);
		if (!p) error(404);
		values = { ...p, languages: p.languages.join(', ') };
	}
	return { isNew: params.id === 'new', values, genders: GENDERS, isSaved: url.searchParams.has('saved'), ...(await loadDirectoryOptions(db)) };
};
// Stakeholder groups, subregions, countries and objectives in the staff member's language.
export const load: PageServerLoad = async (event) => localizeReferenceData(await loadPage(event), event.locals.locale);

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const actor = requireStaff(locals.actor, policy.canChangeDirectory);
		const raw = formFields(await request.formData(), FIELDS);
		const parsed = ZPersonInput.safeParse(raw);
		if (!parsed.success) return fail(400, { values: raw, errors: zodFieldErrors(parsed.error) });
		const id = idOf<PersonId>(params.id);
		if (params.id !== 'new' && !id) error(404);
		const result = await savePerson(getDb(), actor, parsed.data, id, new Date());
		if (!result.ok) {
			if (result.reason === 'invalid') return fail(400, { values: raw, errors: result.errors });
			error(result.reason === 'forbidden' ? 403 : 404);
		}
		redirect(303, `${localizeHref(`/staff/directory/people/${result.id}`)}?saved=1`);
	}
};
