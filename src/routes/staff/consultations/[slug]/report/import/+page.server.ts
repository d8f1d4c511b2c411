// A version edited in Word, uploaded: read and shown first (changes, tracked changes, comments,
// privacy findings, editorial warnings), saved as the next version only when confirmed.
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { consultationOr404, requireStaff } from '$lib/server/guards';
import { latestReportVersion } from '$lib/server/queries/reports';
import { previewDocxImport, type ImportResult } from '$lib/server/use-cases/import-report-docx';
import { saveVersion } from '$lib/server/use-cases/save-report-version';
import { DOCX_LIMITS, type DocxRefusal, type Omitted, type Place, type TrackedChange } from '$lib/server/imports/read-docx';
import { blocksFromJson, shownChanges } from '$lib/domain/report/edit';
import { policy } from '$lib/domain/policy';
import { EDITORIAL_RULES, reportWordCount, WORD_LIMIT } from '$lib/domain/report/editorial';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ locals, params }) => {
	const c = await consultationOr404(params.slug);
	requireStaff(locals.actor, (a) => policy.canTakeNotes(a, c.id));
	const latest = await latestReportVersion(getDb(), c.id);
	if (!latest) redirect(303, `/staff/consultations/${c.slug}/report`);
	return { consultation: { slug: c.slug, title: c.title }, latest: latest.number };
};

const where = (p: Place) =>
	p.kind === 'paragraph'
		? (p.isFootnote ? m.report_import_where_footnote : m.report_import_where_paragraph)({ label: p.label })
		: p.kind === 'heading'
			? m.report_import_where_heading({ label: p.label })
			: p.kind === 'annex'
				? m.report_import_where_annex()
				: m.report_import_where_title();

const changeText = (c: TrackedChange) => {
	const author = c.author || m.report_import_someone();
	const params = { author, text: c.text, where: where(c.place) };
	return c.kind === 'insertion' ? m.report_import_tracked_insertion(params) : c.kind === 'deletion' ? m.report_import_tracked_deletion(params) : m.report_import_tracked_formatting(params);
};

const OMITTED: Record<Omitted['kind'], (p: { count: number }) => string> = {
	'heading-footnotes': m.report_import_omitted_heading_footnotes,
	'table-footnotes': m.report_import_omitted_table_footnotes,
	'text-boxes': m.report_import_omitted_text_boxes,
	endnotes: m.report_import_omitted_endnotes
};

/** A list cut at the reader's limit says how many more there are. */
const withMore = (items: string[], total: number) => (total > items.length ? [...items, m.report_import_more({ count: total - items.length })] : items);

function refusalText(r: DocxRefusal): string {
	switch (r.reason) {
		case 'too-large':
			return m.report_import_err_too_large({ limit: r.limitMb });
		case 'not-docx':
			return r.found === 'pdf' ? m.report_import_err_pdf() : m.report_import_err_not_docx();
		case 'legacy-doc':
			return m.report_import_err_legacy_doc();
		case 'encrypted':
			return m.report_import_err_encrypted();
		case 'zip':
			if (r.zip.problem === 'not-a-zip') return m.report_import_err_not_docx();
			if (r.zip.problem === 'corrupt') return m.report_import_err_damaged({ detail: r.zip.detail });
			return m.report_import_err_bomb({ limit: DOCX_LIMITS.unzippedBytes / 1024 / 1024 });
		case 'malformed':
			return m.report_import_err_damaged({ detail: `${r.part}: ${r.detail}` });
		case 'no-paragraphs':
			return m.report_import_err_no_paragraphs();
		case 'too-many-blocks':
			return m.report_import_err_too_many_blocks({ limit: r.limit });
		case 'block-too-long':
			return m.report_import_err_block_too_long({ limit: r.limit, start: r.start });
		case 'too-many-footnotes':
			return m.report_import_err_too_many_footnotes({ limit: r.limit, start: r.start });
		case 'too-many-cells':
			return m.report_import_err_too_many_cells({ limit: r.limit });
	}
}

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
				editorial: { warnings: p.editorial, words: reportWordCount({ title: '', subtitle: '', blocks: p.blocks }), limit: WORD_LIMIT, rules: EDITORIAL_RULES }
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
		redirect(303, `/staff/consultations/${c.slug}/report?v=${result.number}&saved=1`);
	}
};
