import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireStaff } from '$lib/server/guards';
import { searchOrganizations } from '$lib/server/queries/directory';
import { policy } from '$lib/domain/policy';
import { localizeReferenceData } from '$lib/server/reference-names';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireStaff(locals.actor, policy.canReadDirectory);
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
	// Countries and groups in the reader's language.
	return { q, organizations: localizeReferenceData(await searchOrganizations(getDb(), q), locals.locale), canEdit: policy.canChangeDirectory(actor) };
};
