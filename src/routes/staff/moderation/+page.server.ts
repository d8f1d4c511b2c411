import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireStaff } from '$lib/server/guards';
import { overrideReasonOf } from '$lib/server/forms';
import { moderationQueue } from '$lib/server/queries/contributions';
import { moderatePractice, moderateWrittenInput, type ModerationResult } from '$lib/server/use-cases/contributions';
import { policy } from '$lib/domain/policy';
import { m } from '$lib/paraglide/messages';
import { findingText } from '$lib/server/privacy/finding-text';
import { localizeReferenceData } from '$lib/server/reference-names';

const loadPage = async ({ locals }: Parameters<PageServerLoad>[0]) => {
	requireStaff(locals.actor, policy.canModerate);
	return { canOverride: policy.canOverridePrivacy(locals.actor), ...(await moderationQueue(getDb())) };
};

// Stakeholder groups, subregions, countries and objectives in the staff member's language.
export const load: PageServerLoad = async (event) => localizeReferenceData(await loadPage(event), event.locals.locale);

function refused(id: string, result: Exclude<ModerationResult, { ok: true }>) {
	if (result.reason === 'blocked') return fail(409, { id, problem: m.moderation_blocked(), findings: result.findings.map((f) => findingText(f)), canOverride: result.canOverride });
	return fail(400, { id, problem: result.reason === 'invalid' ? m.error_invalid_choice() : m.error_forbidden(), findings: [], canOverride: false });
}

export const actions: Actions = {
	practice: async ({ locals, request }) => {
		const actor = requireStaff(locals.actor, policy.canModerate);
		const form = await request.formData();
		const id = String(form.get('id') ?? '');
		const decision = form.get('decision') === 'published' ? 'published' : 'rejected';
		const result = await moderatePractice(getDb(), actor, id, decision, new Date(), { overrideReason: overrideReasonOf(form) });
		if (!result.ok) return refused(id, result);
		return { id, done: decision === 'published' ? m.moderation_published() : m.moderation_rejected() };
	},
	input: async ({ locals, request }) => {
		const actor = requireStaff(locals.actor, policy.canModerate);
		const form = await request.formData();
		const id = String(form.get('id') ?? '');
		const decision = form.get('decision') === 'published' ? 'published' : 'rejected';
		const result = await moderateWrittenInput(getDb(), actor, id, decision, new Date(), form.getAll('objectiveIds').map(String), { overrideReason: overrideReasonOf(form) });
		if (!result.ok) return refused(id, result);
		return { id, done: decision === 'published' ? m.moderation_published() : m.moderation_rejected() };
	}
};
