// Longer than a route should be: the page draws the pool-versus-panel balance charts itself (a
// presentation of the run's people, with the interface language's labels), not a read or a rule.
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb, getMailer, links } from '$lib/server/runtime';
import { requireStaff } from '$lib/server/guards';
import { getRunWithSlug, listRunPeople, suggestReplacements, SELECTION_DIMENSIONS } from '$lib/server/queries/selection';
import { acceptSelection, cancelRun } from '$lib/server/use-cases/select-participants';
import { selectReplacement } from '$lib/server/use-cases/select-replacement';
import { barChartSvg } from '$lib/server/charts';
import { balanceBy } from '$lib/domain/balance';
import { policy } from '$lib/domain/policy';
import { quotasNamed } from '$lib/domain/selection/infeasibility';
import { dimensionTitle } from '$lib/format';
import { selectionLabels } from '$lib/server/queries/selection-labels';
import { m } from '$lib/paraglide/messages';
import { isUuid } from '$lib/domain/ids';
import { formId, NOT_FOUND } from '$lib/server/forms';
import type { RegistrationId } from '$lib/domain/ids';
import { runFailureText } from '$lib/server/problem-text';

async function runFor(slug: string, runId: string) {
	if (!isUuid(runId)) error(404);
	const row = await getRunWithSlug(getDb(), runId);
	if (!row || row.slug !== slug) error(404);
	return { run: row.run, c: { id: row.run.consultationId, slug: row.slug, title: row.title } };
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const { run, c } = await runFor(params.slug, params.runId);
	requireStaff(locals.actor, (a) => policy.canOrganize(a, c.id));
	const db = getDb();
	const outcome = run.outcome ?? { pool: [] };
	const label = await selectionLabels(db);
	const base = {
		consultation: { slug: c.slug, title: c.title },
		run: { id: run.id, status: run.status, seed: run.seed, panelSize: run.panelSize, hash: run.distributionHash, createdAt: run.createdAt.toISOString(), poolSize: outcome.pool.length },
		quotas: run.quotas.map((q) => ({ ...q, label: label(q.category, q.feature) })),
		progress: outcome.progress ?? null,
		// Runs that failed before the reason was kept as data show the English they stored.
		failure: outcome.failure ? runFailureText(outcome.failure) : (outcome.error ?? null),
		stats: outcome.stats ?? null,
		minProbability: outcome.minProbability ?? null,
		diagnosis: outcome.diagnosis ? { ...outcome.diagnosis, labels: Object.fromEntries(quotasNamed(outcome.diagnosis).map((q) => [`${q.category}.${q.feature}`, label(q.category, q.feature)])) } : null
	};
	if (run.status !== 'completed' && run.status !== 'accepted' && run.status !== 'discarded') return { ...base, people: [], balance: [], replacements: [] };

	const people = await listRunPeople(db, run.id, outcome.pool);
	const withFeatures = people.filter((p) => p.features);
	const balance = SELECTION_DIMENSIONS.map((d) => {
		const before = balanceBy(withFeatures, (p) => p.features![d]);
		const after = balanceBy(withFeatures.filter((p) => p.isSelected), (p) => p.features![d]);
		const keys = before.map((b) => b.key);
		const rowsOut = keys.map((k) => ({ label: label(d, k), pool: before.find((b) => b.key === k)!, panel: after.find((a) => a.key === k) ?? { key: k, count: 0, percent: 0 } }));
		const title = dimensionTitle(d);
		return {
			dimension: d,
			title,
			rows: rowsOut,
			svg: barChartSvg(title, rowsOut.map((r) => r.label), [
				{ name: m.selection_pool(), values: rowsOut.map((r) => r.pool.percent) },
				{ name: m.selection_panel(), values: rowsOut.map((r) => r.panel.percent) }
			])
		};
	});
	return {
		...base,
		replacements: run.status === 'accepted' ? await suggestReplacements(db, run.id) : [],
		people: people.map((p) => ({
			registrationId: p.registrationId,
			name: p.name,
			organization: p.organization ?? '',
			status: p.status,
			probability: p.probability,
			isSelected: p.isSelected,
			waitlistPosition: p.waitlistPosition,
			groups: p.features ? SELECTION_DIMENSIONS.map((d) => label(d, p.features![d])).join(' · ') : ''
		})),
		balance
	};
};

export const actions: Actions = {
	// Select the suggested replacement of someone drawn who has withdrawn (and tell them).
	replace: async ({ locals, params, request }) => {
		const { c } = await runFor(params.slug, params.runId);
		const actor = requireStaff(locals.actor, (a) => policy.canOrganize(a, c.id));
		const registrationId = formId<RegistrationId>(await request.formData(), 'registrationId');
		const result = registrationId ? await selectReplacement(getDb(), getMailer(), actor, params.runId, registrationId, new Date(), links().decision) : NOT_FOUND;
		if (!result.ok) return fail(409, { message: result.reason === 'not-suggested' ? m.selection_replacement_changed() : m.decision_not_allowed() });
		return { accepted: m.decision_saved() };
	},
	stop: async ({ locals, params }) => {
		const { c } = await runFor(params.slug, params.runId);
		const actor = requireStaff(locals.actor, (a) => policy.canOrganize(a, c.id));
		const result = await cancelRun(getDb(), actor, params.runId);
		if (!result.ok) return fail(409, { message: result.reason === 'not-pending' ? m.selection_not_pending() : m.decision_not_allowed() });
		return { accepted: m.selection_stopped() };
	},
	accept: async ({ locals, params }) => {
		const { c } = await runFor(params.slug, params.runId);
		const actor = requireStaff(locals.actor, (a) => policy.canOrganize(a, c.id));
		const result = await acceptSelection(getDb(), getMailer(), actor, params.runId, new Date(), links().decision);
		if (!result.ok) return fail(409, { message: result.reason === 'pool-changed' ? m.selection_pool_changed() : m.decision_not_allowed() });
		return { accepted: m.selection_accepted({ selected: result.selected, waitlisted: result.waitlisted }) };
	}
};
