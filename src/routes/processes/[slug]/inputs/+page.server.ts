import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { processBySlug } from '$lib/server/follow-up/recommendations';
import { publishedInputs } from '$lib/server/use-cases/contributions';
import { m } from '$lib/paraglide/messages';

// Published written inputs: the author is named only with their consent; attachments stay with the secretariat.
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const p = await processBySlug(getDb(), params.slug);
	if (!p) error(404, m.process_not_found());
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return { process: { slug: p.slug, title: p.title }, inputs: await publishedInputs(getDb(), p.id) };
};
