import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { consultationOr404, requireStaff } from '$lib/server/guards';
import { listReportVersions } from '$lib/server/queries/reports';
import { versionDocument } from '$lib/server/queries/report-versions';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '$lib/server/exports/report-formats';
import { policy } from '$lib/domain/policy';

// Any version, drafts included, as the staff who write the report download it: the DOCX names its
// version, so that the copy edited in Word comes back as the next version (…/report/import).
const DOWNLOADS: readonly string[] = ['docx', 'pdf', 'md'] satisfies ReportFormat[];

export const GET: RequestHandler = async ({ locals, params }) => {
	const c = await consultationOr404(params.slug);
	requireStaff(locals.actor, (a) => policy.canTakeNotes(a, c.id));
	const number = Number(params.number);
	if (!DOWNLOADS.includes(params.format) || !Number.isInteger(number)) error(404);
	const db = getDb();
	const v = (await listReportVersions(db, c.id)).find((x) => x.number === number);
	const doc = v ? await versionDocument(db, v.id) : null;
	if (!doc) error(404);
	const format = params.format as ReportFormat;
	return new Response(await renderReport(doc, format), {
		headers: {
			'content-type': REPORT_FORMATS[format],
			'content-disposition': `attachment; filename="${c.slug}-v${number}${v!.state === 'published' ? '' : '-draft'}.${format}"`,
			'cache-control': 'private, no-store'
		}
	});
};
