import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { processOr404, requireStaff } from '$lib/server/guards';
import { listRecommendations } from '$lib/server/queries/recommendations';
import { recommendationsXlsx } from '$lib/server/exports/recommendations-xlsx';

// The tracker as a workbook to edit in Excel and upload back (no personal data: recommendations are public).
export const GET: RequestHandler = async ({ locals, params }) => {
	requireStaff(locals.actor);
	const p = await processOr404(params.slug);
	const body = await recommendationsXlsx(await listRecommendations(getDb(), p.id));
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="recommendations-${p.slug}.xlsx"`
		}
	});
};
