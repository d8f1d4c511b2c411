import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireStaff } from '$lib/server/guards';
import { getDb } from '$lib/server/runtime';
import { getRunWithSlug, listRunPeople } from '$lib/server/queries/selection';
import { tableXlsx } from '$lib/server/exports/people';
import { writeAudit } from '$lib/server/queries/audit';
import { policy } from '$lib/domain/policy';
import { isUuid } from '$lib/domain/ids';
import { selectionLabels } from '$lib/server/queries/selection-labels';
import { statusLabel } from '$lib/format';
import { m } from '$lib/paraglide/messages';

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
	// In the organizer's language: headers, groups, yes and no, statuses.
	const label = await selectionLabels(db);
	const named = (dimension: string, value: string | undefined) => (value === undefined ? undefined : label(dimension, value));
	const body = await tableXlsx(
		m.xlsx_selection_sheet(),
		[m.field_name(), m.field_organization(), m.field_subregion(), m.field_gender(), m.field_category(), m.xlsx_chance_percent(), m.xlsx_drawn(), m.xlsx_waiting_list(), m.xlsx_status_now()],
		people.map((p) => [p.name, p.organization, named('subregion', p.features?.subregion), named('gender', p.features?.gender), named('category', p.features?.category), Math.round(p.probability * 1e6) / 1e4, p.isSelected ? m.yes() : m.no(), p.waitlistPosition, statusLabel(p.status)])
	);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="selection-${params.slug}-${row.run.seed}.xlsx"`,
			'cache-control': 'no-store'
		}
	});
};
