import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { processOr404 } from '$lib/server/guards';
import { listCountryCommitments, listPledges } from '$lib/server/queries/commitments';
import { localizeReferenceData } from '$lib/server/reference-names';

export const load: PageServerLoad = async ({ params, setHeaders, locals }) => {
	const p = await processOr404(params.slug);
	const [pledges, countries] = await Promise.all([listPledges(getDb(), p.id), listCountryCommitments(getDb(), p.id)]);
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return localizeReferenceData({ process: { slug: p.slug, title: p.title }, pledges, countries: countries.filter((c) => c.isRecorded) }, locals.locale);
};
