import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { processOr404 } from '$lib/server/guards';
import { publishedInputs } from '$lib/server/queries/contributions';
import { localizeReferenceData } from '$lib/server/reference-names';

// Published written inputs: the author is named only with their consent; attachments stay with the secretariat.
export const load: PageServerLoad = async ({ params, setHeaders, locals }) => {
	const p = await processOr404(params.slug);
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return { process: { slug: p.slug, title: p.title }, inputs: localizeReferenceData(await publishedInputs(getDb(), p.id), locals.locale) };
};
