import { fail } from '@sveltejs/kit';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireStaff } from '$lib/server/guards';
import { consultation, objective, practice, practiceObjective, writtenInput, writtenInputAttachment, writtenInputObjective } from '$lib/server/db/schema';
import { inputScope, inputTexts, moderatePractice, moderateWrittenInput, practiceScope, practiceTexts, type ModerationResult } from '$lib/server/use-cases/contributions';
import { protectionCache, type ProtectionScope } from '$lib/server/queries/protected';
import { findingsOf, joinParts } from '$lib/server/privacy/gate';
import { policy } from '$lib/domain/policy';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ locals }) => {
	requireStaff(locals.actor, policy.canModerate);
	const db = getDb();
	const [practices, inputs, objectives] = await Promise.all([
		db.select().from(practice).where(eq(practice.status, 'submitted')).orderBy(asc(practice.createdAt)),
		db.select({ w: writtenInput, consultationTitle: consultation.title }).from(writtenInput).leftJoin(consultation, eq(consultation.id, writtenInput.consultationId)).where(eq(writtenInput.status, 'submitted')).orderBy(asc(writtenInput.submittedAt)),
		db.select({ id: objective.id, number: objective.number, shortTitle: objective.shortTitle }).from(objective).orderBy(asc(objective.number))
	]);
	// One protected set per scope; each text's findings are read back from the gate's store, not rescanned.
	const protectionFor = protectionCache(db);
	const findings = async (scope: ProtectionScope, texts: Record<string, string>) => {
		return (await findingsOf(db, await protectionFor(scope), joinParts(Object.values(texts)))).findings.map((f) => ({ severity: f.severity, text: f.explanation }));
	};
	const inputIds = inputs.map((i) => i.w.id);
	const [tags, attachments, practiceTags] = await Promise.all([
		inputIds.length ? db.select().from(writtenInputObjective).where(inArray(writtenInputObjective.writtenInputId, inputIds)) : [],
		inputIds.length ? db.select({ id: writtenInputAttachment.id, inputId: writtenInputAttachment.writtenInputId, fileName: writtenInputAttachment.fileName, size: writtenInputAttachment.size }).from(writtenInputAttachment).where(inArray(writtenInputAttachment.writtenInputId, inputIds)) : [],
		practices.length ? db.select().from(practiceObjective).where(inArray(practiceObjective.practiceId, practices.map((p) => p.id))) : []
	]);
	return {
		canOverride: policy.canOverridePrivacy(locals.actor),
		objectives,
		practices: await Promise.all(
			practices.map(async (p) => ({
				id: p.id,
				title: p.title,
				summary: p.summary,
				submitter: { name: p.submitterName, email: p.submitterEmail },
				objectives: objectives.filter((o) => practiceTags.some((t) => t.practiceId === p.id && t.objectiveId === o.id)).map((o) => `${o.number}. ${o.shortTitle}`),
				findings: await findings(practiceScope(p.processId), practiceTexts(p))
			}))
		),
		inputs: await Promise.all(
			inputs.map(async ({ w, consultationTitle }) => ({
				id: w.id,
				title: w.title,
				text: w.text,
				author: { name: w.authorName, email: w.email, organization: w.organizationName },
				isAttributionConsented: w.isAttributionConsented,
				consultationTitle,
				objectiveIds: tags.filter((t) => t.writtenInputId === w.id).map((t) => t.objectiveId),
				attachments: attachments.filter((a) => a.inputId === w.id),
				findings: await findings(inputScope(w), inputTexts(w))
			}))
		)
	};
};

function refused(id: string, result: Exclude<ModerationResult, { ok: true }>) {
	if (result.reason === 'blocked') return fail(409, { id, problem: m.moderation_blocked(), findings: result.findings.map((f) => f.explanation), canOverride: result.canOverride });
	return fail(400, { id, problem: result.reason === 'invalid' ? m.error_invalid_choice() : m.error_forbidden(), findings: [], canOverride: false });
}

const overrideOf = (form: FormData) => {
	const reason = form.get('overrideReason');
	return reason === null ? undefined : String(reason);
};

export const actions: Actions = {
	practice: async ({ locals, request }) => {
		const actor = requireStaff(locals.actor, policy.canModerate);
		const form = await request.formData();
		const id = String(form.get('id') ?? '');
		const decision = form.get('decision') === 'published' ? 'published' : 'rejected';
		const result = await moderatePractice(getDb(), actor, id, decision, { overrideReason: overrideOf(form) });
		if (!result.ok) return refused(id, result);
		return { id, done: decision === 'published' ? m.moderation_published() : m.moderation_rejected() };
	},
	input: async ({ locals, request }) => {
		const actor = requireStaff(locals.actor, policy.canModerate);
		const form = await request.formData();
		const id = String(form.get('id') ?? '');
		const decision = form.get('decision') === 'published' ? 'published' : 'rejected';
		const result = await moderateWrittenInput(getDb(), actor, id, decision, form.getAll('objectiveIds').map(String), { overrideReason: overrideOf(form) });
		if (!result.ok) return refused(id, result);
		return { id, done: decision === 'published' ? m.moderation_published() : m.moderation_rejected() };
	}
};
