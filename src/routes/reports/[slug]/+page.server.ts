import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb, getReadCache } from '$lib/server/runtime';
import { reportPage } from '$lib/server/queries/report-page';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ params, setHeaders, locals }) => {
	const page = await reportPage(getReadCache(), getDb(), params.slug, null, locals.locale);
	if (!page) error(404, m.report_not_found());
	setHeaders({ 'cache-control': 'public, max-age=300' });
	return page;
};
