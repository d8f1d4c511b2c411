import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb, getReadCache } from '$lib/server/runtime';
import { reportPage } from '$lib/server/queries/report-page';

export const load: PageServerLoad = async ({ params, setHeaders, locals }) => {
	const page = await reportPage(getReadCache(), getDb(), params.slug, null, locals.locale);
	if (!page) error(404, 'No published report has this address.');
	setHeaders({ 'cache-control': 'public, max-age=300' });
	return page;
};
