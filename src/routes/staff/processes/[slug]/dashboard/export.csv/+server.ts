import { stringify } from 'csv-stringify/sync';
import type { RequestHandler } from './$types';
import { requireStaff } from '$lib/server/guards';
import { processDashboard } from '$lib/server/dashboard';
import { dashboardCsvRows } from '$lib/domain/dashboard';
import { neutralizeCell } from '$lib/domain/spreadsheet-safety';
import { policy } from '$lib/domain/policy';

// The dashboard's numbers as CSV to share: counts under k are "<k" and their shares left out.
export const GET: RequestHandler = async ({ locals, params }) => {
	requireStaff(locals.actor, policy.canReadDirectory);
	const { process, k, dashboard } = await processDashboard(params.slug);
	const rows = dashboardCsvRows(dashboard, k).map((r) => r.map(neutralizeCell));
	return new Response('\uFEFF' + stringify(rows, { record_delimiter: '\r\n' }), {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="dashboard-${process.slug}.csv"` }
	});
};
