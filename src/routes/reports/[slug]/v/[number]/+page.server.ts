import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb, getReadCache } from '$lib/server/runtime';
import { reportPage } from '$lib/server/queries/report-page';

export const load: PageServerLoad = async ({ params, setHeaders, locals }) => {
	const number = Number(params.number);
	if (!Number.isInteger(number) || number < 1) error(404);
	const page = await reportPage(getReadCache(), getDb(), params.slug, number, locals.locale);
	if (!page) error(404, 'No published version has this number.');
	setHeaders({ 'cache-control': 'public, max-age=3600' }); // a published version never changes
	return page;
};
