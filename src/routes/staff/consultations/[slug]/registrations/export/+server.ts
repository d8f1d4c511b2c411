import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { consultationOr404, requireStaff } from '$lib/server/guards';
import { listRegistrations } from '$lib/server/queries/registrations';
import { registrationsXlsx } from '$lib/server/exports/people';
import { writeAudit } from '$lib/server/queries/audit';
import { policy } from '$lib/domain/policy';

// Personal data of registrants for the consultation's organizers; the export is audit-logged.
export const GET: RequestHandler = async ({ locals, params }) => {
	requireStaff(locals.actor);
	const db = getDb();
	const c = await consultationOr404(params.slug);
	if (!policy.canOrganize(locals.actor, c.id)) error(403);
	const rows = await listRegistrations(db, c.id);
	await writeAudit(db, locals.actor, { action: 'registrations.export', subjectType: 'consultation', subjectId: c.id, details: { count: rows.length } });
	return new Response(new Uint8Array(await registrationsXlsx(rows, locals.locale)), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="registrations-${c.slug}.xlsx"`,
			'cache-control': 'no-store'
		}
	});
};
