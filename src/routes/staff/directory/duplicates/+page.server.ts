import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireStaff } from '$lib/server/guards';
import { listPeopleForDuplicates } from '$lib/server/queries/directory';
import { mergePeople } from '$lib/server/use-cases/merge-directory-records';
import { findPersonDuplicates } from '$lib/domain/duplicates';
import { policy } from '$lib/domain/policy';
import { m } from '$lib/paraglide/messages';
import { formId, NOT_FOUND } from '$lib/server/forms';
import type { PersonId } from '$lib/domain/ids';

export const load: PageServerLoad = async ({ locals }) => {
	requireStaff(locals.actor, policy.canChangeDirectory);
	const people = await listPeopleForDuplicates(getDb());
	const byId = new Map(people.map((p) => [p.id, p]));
	return {
		pairs: findPersonDuplicates(people).map((pair) => ({ a: byId.get(pair.a)!, b: byId.get(pair.b)!, reason: pair.reason }))
	};
};

export const actions: Actions = {
	merge: async ({ locals, request }) => {
		const actor = requireStaff(locals.actor, policy.canChangeDirectory);
		const form = await request.formData();
		const [duplicate, kept] = [formId<PersonId>(form, 'duplicate'), formId<PersonId>(form, 'kept')];
		const result = duplicate && kept ? await mergePeople(getDb(), actor, duplicate, kept, new Date()) : NOT_FOUND;
		if (result.ok) return { merged: true };
		if (result.reason === 'both-registered') return fail(409, { message: m.duplicates_both_registered() });
		return fail(result.reason === 'forbidden' ? 403 : 404, { message: m.duplicates_not_found() });
	}
};
