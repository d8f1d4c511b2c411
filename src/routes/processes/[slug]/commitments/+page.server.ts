import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { processBySlug } from '$lib/server/follow-up/recommendations';
import { listCountryCommitments, listPledges } from '$lib/server/use-cases/commitments';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const p = await processBySlug(getDb(), params.slug);
	if (!p) error(404, m.process_not_found());
	const [pledges, countries] = await Promise.all([listPledges(getDb(), p.id), listCountryCommitments(getDb(), p.id)]);
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return { process: { slug: p.slug, title: p.title }, pledges, countries: countries.filter((c) => c.isRecorded) };
};
