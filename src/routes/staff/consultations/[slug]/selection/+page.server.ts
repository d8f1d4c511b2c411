// Longer than a route should be: the quota form is built here from the pool, the last run and the
// targets (three sources merged row by row), and parsed back in the run action.
import { fail, redirect } from '@sveltejs/kit';
import { randomBytes } from 'node:crypto';
import type { Actions, PageServerLoad } from './$types';
import { getDb, getQueue } from '$lib/server/runtime';
import { consultationOr404, requireStaff } from '$lib/server/guards';
import { listRuns, loadPool, poolCounts, SELECTION_DIMENSIONS } from '$lib/server/queries/selection';
import { startSelection } from '$lib/server/use-cases/select-participants';
import { selectionLabels } from '$lib/server/queries/selection-labels';
import { scheduleSelection } from '$lib/server/jobs';
import { deriveQuotas } from '$lib/domain/selection/quotas';
import { parseQuotaForm } from '$lib/domain/selection/quota-form';
import type { Quota } from '$lib/domain/selection/problem';
import { policy } from '$lib/domain/policy';
import { errorText, errorTexts } from '$lib/error-text';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { localizeReferenceData } from '$lib/server/reference-names';
import { formatShortDateTime } from '$lib/domain/time';

function quotaFields(quotas: readonly Quota[]): Record<string, string> {
	return Object.fromEntries(quotas.flatMap((q) => [[`quota.${q.category}.${q.feature}.min`, String(q.min)], [`quota.${q.category}.${q.feature}.max`, String(q.max)]]));
}

const loadPage = async ({ locals, params }: Parameters<PageServerLoad>[0]) => {
	const c = await consultationOr404(params.slug);
	requireStaff(locals.actor, (a) => policy.canOrganize(a, c.id));
	const db = getDb();
	const pool = await loadPool(db, c.id);
	const label = await selectionLabels(db);
	const counts = poolCounts(pool);
	const runs = await listRuns(db, c.id);
	const panelSize = runs[0]?.panelSize ?? Math.min(pool.length, c.capacity ?? pool.length);
	// The form starts from the last run's quotas, or from the consultation's targets.
	const lastQuotas = runs[0]?.quotas ?? deriveQuotas(counts, { panelSize, targets: c.balanceTargets, everyPresent: ['category'] });
	const rows = SELECTION_DIMENSIONS.flatMap((d) => {
		const present = counts.find((x) => x.category === d)!.counts;
		const values = [...new Set([...Object.keys(present), ...Object.keys(c.balanceTargets[d] ?? {}), ...lastQuotas.filter((q) => q.category === d).map((q) => q.feature)])];
		return values.sort((a, b) => (present[b] ?? 0) - (present[a] ?? 0) || a.localeCompare(b)).map((v) => ({ dimension: d, value: v, label: label(d, v), registered: present[v] ?? 0, target: c.balanceTargets[d]?.[v] ?? null }));
	});
	return {
		consultation: { slug: c.slug, title: c.title, capacity: c.capacity },
		poolSize: pool.length,
		rows,
		defaults: { panelSize: String(panelSize), seed: randomBytes(6).toString('hex'), ...quotaFields(lastQuotas) },
		runs: runs.map((r) => ({ id: r.id, createdAt: formatShortDateTime(r.createdAt, c.timeZone, locals.locale), status: r.status, panelSize: r.panelSize, seed: r.seed, minProbability: r.outcome?.minProbability ?? null }))
	};
};

// Stakeholder groups, subregions, countries and objectives in the staff member's language.
export const load: PageServerLoad = async (event) => localizeReferenceData(await loadPage(event), event.locals.locale);

export const actions: Actions = {
	derive: async ({ locals, params, request }) => {
		const c = await consultationOr404(params.slug);
		requireStaff(locals.actor, (a) => policy.canOrganize(a, c.id));
		const form = await request.formData();
		const panelSize = Number(form.get('panelSize'));
		const pool = await loadPool(getDb(), c.id);
		if (!Number.isInteger(panelSize) || panelSize < 1 || panelSize > pool.length) return fail(400, { values: Object.fromEntries([...form].map(([k, v]) => [k, String(v)])), errors: { panelSize: errorText('panel-size-range') } });
		const counts = poolCounts(pool);
		const eachSubregion = Number(form.get('eachSubregion') || 0);
		const quotas = deriveQuotas(counts, {
			panelSize,
			targets: form.get('useTargets') === 'on' ? c.balanceTargets : undefined,
			eachAtLeast: eachSubregion > 0 ? { subregion: eachSubregion } : undefined,
			everyPresent: form.get('everyCategory') === 'on' ? ['category'] : []
		});
		return { values: { panelSize: String(panelSize), seed: String(form.get('seed') ?? ''), ...quotaFields(quotas) }, derived: true };
	},
	run: async ({ locals, params, request }) => {
		const c = await consultationOr404(params.slug);
		const actor = requireStaff(locals.actor, (a) => policy.canOrganize(a, c.id));
		const form = await request.formData();
		const fields = [...form].map(([k, v]) => [k, String(v)] as [string, string]);
		const pool = await loadPool(getDb(), c.id);
		const known: Record<string, string[]> = {};
		for (const d of SELECTION_DIMENSIONS) known[d] = [...new Set([...pool.map((p) => p.features[d]), ...Object.keys(c.balanceTargets[d] ?? {})])];
		const parsed = parseQuotaForm(fields, known, pool.length);
		if (!parsed.ok) {
			return fail(400, { values: Object.fromEntries(fields), errors: errorTexts(parsed.errors) });
		}
		const result = await startSelection(getDb(), actor, c.slug, parsed.form, scheduleSelection(getQueue()));
		if (!result.ok) {
			const message = result.reason === 'already-running' ? m.selection_already_running() : result.reason === 'empty-pool' ? m.selection_empty_pool() : m.error_forbidden();
			return fail(409, { values: Object.fromEntries(fields), message });
		}
		redirect(303, localizeHref(`/staff/consultations/${c.slug}/selection/${result.runId}`));
	}
};
