import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { consultationOr404, requireStaff } from '$lib/server/guards';
import { latestReportVersion } from '$lib/server/queries/reports';
import { readBlocks } from '$lib/server/queries/report-blocks';
import { saveEditedVersion } from '$lib/server/use-cases/save-report-version';
import { blockFields, type BlockEdit } from '$lib/domain/report/edit';
import { policy } from '$lib/domain/policy';
import { m } from '$lib/paraglide/messages';
import { errorTexts } from '$lib/error-text';
import { localizeHref } from '$lib/paraglide/runtime';

export const load: PageServerLoad = async ({ locals, params }) => {
	const c = await consultationOr404(params.slug);
	requireStaff(locals.actor, (a) => policy.canTakeNotes(a, c.id));
	const db = getDb();
	const latest = await latestReportVersion(db, c.id);
	if (!latest) redirect(303, localizeHref(`/staff/consultations/${c.slug}/report`));
	const blocks = await readBlocks(db, latest.id);
	return { consultation: { slug: c.slug, title: c.title }, number: latest.number, blocks: blocks.map((b) => blockFields(b.block)) };
};

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const c = await consultationOr404(params.slug);
		requireStaff(locals.actor, (a) => policy.canTakeNotes(a, c.id));
		const form = await request.formData();
		const count = Number(form.get('count'));
		const edits: BlockEdit[] = Array.from({ length: Number.isInteger(count) && count > 0 && count < 5000 ? count : 0 }, (_, i) => ({
			kind: String(form.get(`b${i}.kind`) ?? ''),
			text: String(form.get(`b${i}.text`) ?? ''),
			footnotes: String(form.get(`b${i}.footnotes`) ?? ''),
			order: String(form.get(`b${i}.order`) ?? ''),
			isDeleted: form.get(`b${i}.delete`) === 'on',
			isMergedWithNext: form.get(`b${i}.merge`) === 'on',
			insertAfter: String(form.get(`b${i}.insert`) ?? '')
		}));
		const note = String(form.get('note') ?? '');
		const result = await saveEditedVersion(getDb(), locals.actor, c.slug, Number(form.get('basedOn')), edits, note);
		if (!result.ok) {
			const values = { edits, note };
			if (result.reason === 'invalid') return fail(400, { values, errors: errorTexts(result.errors) });
			if (result.reason === 'conflict') return fail(409, { values, errors: {}, conflict: m.report_conflict({ latest: result.latest }) });
			error(result.reason === 'forbidden' ? 403 : 404);
		}
		redirect(303, localizeHref(`/staff/consultations/${c.slug}/report?v=${result.number}&saved=1`));
	}
};
