// Longer than a route should be: one recommendation's form (status, addressees, objectives, a dated follow-up)
// and the whole sheet's upload share the page; both go through one use-case each.
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { processOr404, requireStaff } from '$lib/server/guards';
import { overrideReasonOf } from '$lib/server/forms';
import { overridesOf } from '$lib/server/privacy/gate';
import { formatDeadline } from '$lib/domain/time';
import { importRecommendationsSheet } from '$lib/server/use-cases/import-recommendations';
import { lastObjectiveNumber, listRecommendations } from '$lib/server/queries/recommendations';
import { updateRecommendation } from '$lib/server/use-cases/update-recommendations';
import { ADDRESSEES, parseEvidenceUrl, parseObjectiveNumbers, parseSheetDate, parseStatus, type AddresseeId } from '$lib/domain/follow-up/recommendations';
import { RECOMMENDATION_STATUSES } from '$lib/domain/enums';
import { policy } from '$lib/domain/policy';
import { m } from '$lib/paraglide/messages';
import { sheetErrorText, sheetProblemText, tableProblemText } from '$lib/server/problem-text';


export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireStaff(locals.actor);
	const p = await processOr404(params.slug);
	const db = getDb();
	const recs = await listRecommendations(db, p.id);
	const overrides = await overridesOf(db, 'follow-up', recs.map((r) => r.id));
	const format = (at: Date) => formatDeadline(at, 'UTC', locals.locale);
	return {
		process: { slug: p.slug, title: p.title },
		recommendations: recs.map((r) => ({ ...r, canEdit: policy.canOrganize(actor, r.consultationId), overrides: (overrides.get(r.id) ?? []).map((o) => ({ date: format(o.at), reason: o.reason, findings: o.findings })) })),
		addressees: ADDRESSEES.map((a) => a.id),
		statuses: RECOMMENDATION_STATUSES
	};
};

export const actions: Actions = {
	update: async ({ locals, params, request }) => {
		const actor = requireStaff(locals.actor);
		const p = await processOr404(params.slug);
		const form = await request.formData();
		const id = String(form.get('id') ?? '');
		const text = (k: string) => String(form.get(k) ?? '').trim();
		const values = { id, status: text('status'), addressees: form.getAll('addressees').map(String), objectives: text('objectives'), followUpDate: text('followUpDate'), followUpNote: text('followUpNote'), evidenceUrl: text('evidenceUrl') };
		const errors: Record<string, string> = {};
		const status = parseStatus(values.status);
		if (!status.ok) errors.status = sheetProblemText(status.problem);
		const addressees = values.addressees.filter((a): a is AddresseeId => ADDRESSEES.some((x) => x.id === a));
		if (addressees.length !== values.addressees.length) errors.addressees = m.error_invalid_choice();
		const objectives = parseObjectiveNumbers(values.objectives, await lastObjectiveNumber(getDb(), p.id));
		if (!objectives.ok) errors.objectives = sheetProblemText(objectives.problem);
		let followUp: { happenedOn: string; note: string; evidenceUrl: string | null } | undefined;
		if (values.followUpDate || values.followUpNote || values.evidenceUrl) {
			const date = parseSheetDate(values.followUpDate);
			const url = parseEvidenceUrl(values.evidenceUrl);
			if (!values.followUpDate) errors.followUpDate = m.err_required();
			else if (!date.ok) errors.followUpDate = sheetProblemText(date.problem);
			if (!values.followUpNote) errors.followUpNote = m.err_required();
			if (!url.ok) errors.evidenceUrl = sheetProblemText(url.problem);
			if (date.ok && url.ok && values.followUpNote) followUp = { happenedOn: date.value, note: values.followUpNote, evidenceUrl: url.value };
		}
		if (Object.keys(errors).length) return fail(400, { id, values, errors });
		const [rec] = await listRecommendations(getDb(), p.id, { id });
		if (!rec) return fail(404, { id, values, errors: { form: m.error_not_found() } });
		const result = await updateRecommendation(getDb(), actor, {
			id,
			status: status.ok ? status.value : undefined,
			addressees,
			objectiveNumbers: objectives.ok ? objectives.value : undefined,
			followUp
		}, new Date(), { overrideReason: overrideReasonOf(form) });
		if (!result.ok) {
			if (result.reason === 'invalid') return fail(400, { id, values, errors: { followUpNote: result.errors.map((e) => sheetProblemText(e.problem)).join(' ') }, canOverride: result.canOverride ?? false });
			return fail(result.reason === 'forbidden' ? 403 : 404, { id, values, errors: { form: result.reason === 'forbidden' ? m.error_forbidden() : m.error_not_found() } });
		}
		return { savedId: id };
	},
	import: async ({ locals, params, request }) => {
		const actor = requireStaff(locals.actor);
		const p = await processOr404(params.slug);
		const file = (await request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { sheetProblems: [m.staff_recs_choose_file()] });
		const result = await importRecommendationsSheet(getDb(), actor, p.id, new Uint8Array(await file.arrayBuffer()), file.name, new Date());
		if (!result.ok) {
			if (result.reason === 'unreadable') return fail(400, { sheetProblems: [tableProblemText(result.problem)] });
			if (result.reason === 'invalid') return fail(400, { sheetProblems: result.errors.map((e) => sheetErrorText(e)), isSheetInvalid: true });
			return fail(403, { sheetProblems: [m.error_forbidden()] });
		}
		return { imported: m.staff_recs_imported({ changed: result.changed, followUps: result.followUps, unchanged: result.unchanged ?? 0 }) };
	}
};
