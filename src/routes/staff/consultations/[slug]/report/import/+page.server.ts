// Longer than a route should be: a version edited in Word is read and shown first (changes, tracked
// changes, comments, privacy findings, editorial warnings) and saved only when confirmed, and each of
// the use case's refusals is answered with its own status; the wording is in report-import-text.ts.
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { consultationOr404, requireStaff } from '$lib/server/guards';
import { latestReportVersion } from '$lib/server/queries/reports';
import { previewDocxImport, type ImportResult } from '$lib/server/use-cases/import-report-docx';
import { saveVersion } from '$lib/server/use-cases/save-report-version';
import { DOCX_LIMITS } from '$lib/server/imports/read-docx';
import { changeText, OMITTED, refusalText, where, withMore } from '$lib/server/report-import-text';
import { blocksFromJson, shownChanges } from '$lib/domain/report/edit';
import { policy } from '$lib/domain/policy';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';

export const load: PageServerLoad = async ({ locals, params }) => {
	const c = await consultationOr404(params.slug);
	requireStaff(locals.actor, (a) => policy.canTakeNotes(a, c.id));
	const latest = await latestReportVersion(getDb(), c.id);
	if (!latest) redirect(303, localizeHref(`/staff/consultations/${c.slug}/report`));
	return { consultation: { slug: c.slug, title: c.title }, latest: latest.number };
};

function failureOf(result: Exclude<ImportResult, { ok: true }>) {
	if (result.reason === 'forbidden' || result.reason === 'not-found') error(result.reason === 'forbidden' ? 403 : 404);
	if (result.reason === 'refused') return fail(400, { message: refusalText(result.refusal) });
	if (result.reason === 'no-version') return fail(400, { message: m.report_import_err_no_version() });
	if (result.reason === 'other-report') return fail(400, { message: m.report_import_err_other_report() });
	if (result.reason === 'conflict') return fail(409, { message: m.report_import_err_conflict({ basedOn: result.basedOn, latest: result.latest }) });
	return fail(400, { message: m.report_import_tracked_refused({ count: result.changes.length }), changes: result.changes.map(changeText) });
}

export const actions: Actions = {
	read: async ({ locals, params, request }) => {
		const c = await consultationOr404(params.slug);
		requireStaff(locals.actor, (a) => policy.canTakeNotes(a, c.id));
		const form = await request.formData();
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { message: m.report_import_err_no_file() });
		if (file.size > DOCX_LIMITS.bytes) return fail(400, { message: m.report_import_err_too_large({ limit: DOCX_LIMITS.bytes / 1024 / 1024 }) });
		const result = await previewDocxImport(getDb(), locals.actor, c.slug, new Uint8Array(await file.arrayBuffer()), { refuseTrackedChanges: form.get('refuseTracked') === 'on' });
		if (!result.ok) return failureOf(result);
		const p = result.preview;
		return {
			preview: {
				fileName: file.name,
				basedOn: p.basedOn,
				blocks: JSON.stringify(p.blocks),
				changes: shownChanges(p.diff),
				tracked: withMore(p.trackedChanges.map(changeText), p.trackedChangeCount),
				trackedCount: p.trackedChangeCount,
				comments: withMore(
					p.comments.map((x) => m.report_import_comment({ author: x.author || m.report_import_someone(), where: where(x.place), text: x.text })),
					p.commentCount
				),
				commentCount: p.commentCount,
				omitted: p.omitted.map((o) => OMITTED[o.kind]({ count: o.count })),
				findings: p.findings,
				editorial: p.editorial
			}
		};
	},
	save: async ({ locals, params, request }) => {
		const c = await consultationOr404(params.slug);
		requireStaff(locals.actor, (a) => policy.canTakeNotes(a, c.id));
		const form = await request.formData();
		const blocks = blocksFromJson(String(form.get('blocks') ?? ''));
		if (!blocks) return fail(400, { message: m.report_import_err_preview() });
		const result = await saveVersion(getDb(), locals.actor, c.slug, Number(form.get('basedOn')), blocks, String(form.get('note') ?? ''));
		if (!result.ok) {
			if (result.reason === 'conflict') return fail(409, { message: m.report_conflict({ latest: result.latest }) });
			error(result.reason === 'forbidden' ? 403 : result.reason === 'not-found' ? 404 : 400);
		}
		redirect(303, localizeHref(`/staff/consultations/${c.slug}/report?v=${result.number}&saved=1`));
	}
};
