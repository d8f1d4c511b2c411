// Longer than a route should be: pledges and the countries table share the page; the countries table is read back
// row by row from the form.
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { processOr404, requireStaff } from '$lib/server/guards';
import { overrideReasonOf } from '$lib/server/forms';
import { contributionOptions } from '$lib/server/queries/contribution-options';
import { addPledge, saveCountryCommitments, setPledgeStatus } from '$lib/server/use-cases/commitments';
import { listCountryCommitments, listPledges } from '$lib/server/queries/commitments';
import { parseCountryCommitments, ZPledgeInput, ZPledgeStatus } from '$lib/domain/commitment-input';
import { parseWith } from '$lib/domain/contribution-input';
import { COMMITMENT_PLAN_STATUSES, PLEDGE_STATUSES } from '$lib/domain/enums';
import { policy } from '$lib/domain/policy';
import { m } from '$lib/paraglide/messages';
import { localizeReferenceData } from '$lib/server/reference-names';


const loadPage = async ({ locals, params }: Parameters<PageServerLoad>[0]) => {
	requireStaff(locals.actor, policy.canModerate);
	const p = await processOr404(params.slug);
	const [pledges, countries, options] = await Promise.all([listPledges(getDb(), p.id), listCountryCommitments(getDb(), p.id), contributionOptions(getDb(), p.frameworkId)]);
	return { process: { slug: p.slug, title: p.title }, canOverride: policy.canOverridePrivacy(locals.actor), pledges, countries, objectives: options.objectives, pledgeStatuses: PLEDGE_STATUSES, planStatuses: COMMITMENT_PLAN_STATUSES };
};

// Stakeholder groups, subregions, countries and objectives in the staff member's language.
export const load: PageServerLoad = async (event) => localizeReferenceData(await loadPage(event), event.locals.locale);

export const actions: Actions = {
	pledge: async ({ locals, params, request }) => {
		const actor = requireStaff(locals.actor, policy.canModerate);
		const p = await processOr404(params.slug);
		const form = await request.formData();
		const raw = { pledgerName: String(form.get('pledgerName') ?? ''), countryCode: String(form.get('countryCode') ?? ''), commitment: String(form.get('commitment') ?? ''), objectiveIds: form.getAll('objectiveIds').map(String), status: String(form.get('status') ?? 'announced') };
		const parsed = parseWith(ZPledgeInput, raw);
		if (!parsed.ok) return fail(400, { pledgeValues: raw, pledgeErrors: parsed.errors });
		const result = await addPledge(getDb(), actor, p.id, parsed.data, { overrideReason: overrideReasonOf(form) });
		if (!result.ok) return fail(result.reason === 'forbidden' ? 403 : 400, { pledgeValues: raw, pledgeErrors: result.reason === 'invalid' ? result.errors : { form: 'forbidden' }, findings: result.reason === 'invalid' ? (result.findings ?? []) : [] });
		return { pledgeAdded: true };
	},
	status: async ({ locals, request }) => {
		const actor = requireStaff(locals.actor, policy.canModerate);
		const form = await request.formData();
		const status = ZPledgeStatus.safeParse(form.get('status'));
		if (!status.success) return fail(400, { statusError: m.error_invalid_choice() });
		const result = await setPledgeStatus(getDb(), actor, String(form.get('id') ?? ''), status.data);
		if (!result.ok) return fail(404, { statusError: m.error_not_found() });
		return { statusSaved: true };
	},
	countries: async ({ locals, params, request }) => {
		const actor = requireStaff(locals.actor, policy.canModerate);
		const p = await processOr404(params.slug);
		const form = await request.formData();
		const fields = [...form.entries()].map(([k, v]) => [k, String(v)] as [string, string]);
		const codes = (await listCountryCommitments(getDb(), p.id)).map((c) => c.code);
		const parsed = parseCountryCommitments(fields, codes);
		if (!parsed.ok) return fail(400, { countryValues: Object.fromEntries(fields), countryErrors: parsed.errors });
		const result = await saveCountryCommitments(getDb(), actor, p.id, parsed.rows, new Date());
		if (!result.ok) return fail(403, { countryErrors: { form: 'forbidden' } });
		return { countriesSaved: result.saved };
	}
};
