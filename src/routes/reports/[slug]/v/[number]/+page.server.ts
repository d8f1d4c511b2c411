import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb, getReadCache } from '$lib/server/runtime';
import { reportPage } from '$lib/server/queries/report-page';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ params, setHeaders, locals }) => {
	const number = Number(params.number);
	if (!Number.isInteger(number) || number < 1) error(404);
	const page = await reportPage(getReadCache(), getDb(), params.slug, number, locals.locale);
	if (!page) error(404, m.report_version_not_found());
	setHeaders({ 'cache-control': 'public, max-age=3600' }); // a published version never changes
	return page;
};
