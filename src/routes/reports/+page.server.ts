import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { listPublishedReports } from '$lib/server/queries/reports';

export const load: PageServerLoad = async ({ setHeaders }) => {
	const reports = await listPublishedReports(getDb());
	setHeaders({ 'cache-control': 'public, max-age=300' });
	return { reports };
};
