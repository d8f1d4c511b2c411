import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireStaff } from '$lib/server/guards';
import { getDb } from '$lib/server/runtime';
import { getRunWithSlug, listRunPeople } from '$lib/server/queries/selection';
import { tableXlsx } from '$lib/server/exports/people';
import { writeAudit } from '$lib/server/queries/audit';
import { policy } from '$lib/domain/policy';
import { isUuid } from '$lib/domain/ids';

// A selection's outcome for the organizers, as XLSX (names: personal data, audit-logged).
export const GET: RequestHandler = async ({ locals, params }) => {
	requireStaff(locals.actor);
	if (!isUuid(params.runId)) error(404);
	const db = getDb();
	const row = await getRunWithSlug(db, params.runId);
	if (!row || row.slug !== params.slug) error(404);
	if (!policy.canOrganize(locals.actor, row.run.consultationId)) error(403);
	const pool = row.run.outcome?.pool ?? [];
	const people = await listRunPeople(db, row.run.id, pool);
	await writeAudit(db, locals.actor, { action: 'selection.export', subjectType: 'consultation', subjectId: row.run.consultationId, details: { runId: row.run.id, count: people.length } });
	const body = await tableXlsx(
		'Selection',
		['Name', 'Organization', 'Subregion', 'Gender', 'Stakeholder group', 'Chance (%)', 'Drawn', 'Waiting list', 'Status now'],
		people.map((p) => [p.name, p.organization, p.features?.subregion, p.features?.gender, p.features?.category, Math.round(p.probability * 1e6) / 1e4, p.isSelected ? 'yes' : 'no', p.waitlistPosition, p.status])
	);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="selection-${params.slug}-${row.run.seed}.xlsx"`,
			'cache-control': 'no-store'
		}
	});
};
