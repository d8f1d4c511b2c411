import { error, fail, redirect } from '@sveltejs/kit';
import { desc, eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireStaff } from '$lib/server/guards';
import { consultation, report, reportVersion } from '$lib/server/db/schema';
import { createDraftVersion, privacyGate, publishVersion, versionDiff, versionDocument } from '$lib/server/reports/versions';
import { blockFields } from '$lib/domain/report/edit';
import { renderHtmlBody } from '$lib/domain/report/render-text';
import { explainFinding } from '$lib/domain/privacy/check';
import { policy } from '$lib/domain/policy';
import { m } from '$lib/paraglide/messages';

async function find(slug: string) {
	const [c] = await getDb().select().from(consultation).where(eq(consultation.slug, slug));
	if (!c) error(404);
	return c;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const c = await find(params.slug);
	const actor = requireStaff(locals.actor, (a) => policy.canTakeNotes(a, c.id));
	const db = getDb();
	const versions = await db
		.select({ id: reportVersion.id, number: reportVersion.number, state: reportVersion.state, createdAt: reportVersion.createdAt, publishedAt: reportVersion.publishedAt, note: reportVersion.note })
		.from(reportVersion)
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.where(eq(report.consultationId, c.id))
		.orderBy(desc(reportVersion.number));
	const shownNumber = Number(url.searchParams.get('v') ?? versions[0]?.number ?? 0);
	const shown = versions.find((v) => v.number === shownNumber) ?? null;
	const doc = shown ? await versionDocument(db, shown.id) : null;
	const gate = shown ? await privacyGate(db, shown.id) : null;
	const diff = shown ? await versionDiff(db, shown.id) : null;
	return {
		consultation: { slug: c.slug, title: c.title },
		canPublish: policy.canOrganize(actor, c.id),
		canOverride: policy.canOverridePrivacy(actor),
		versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString().slice(0, 16).replace('T', ' '), publishedAt: v.publishedAt?.toISOString().slice(0, 10) ?? null })),
		shown: shown && doc ? { id: shown.id, number: shown.number, state: shown.state, title: doc.title, body: renderHtmlBody(doc) } : null,
		findings: gate ? gate.findings.map((f) => ({ severity: f.severity, text: explainFinding(f) })) : [],
		isBlocked: gate?.isBlocked ?? false,
		isSaved: url.searchParams.has('saved'),
		diff: diff
			? {
					fromNumber: diff.fromNumber,
					entries: diff.entries
						.filter((e) => e.op !== 'same')
						.map((e) =>
							e.op === 'changed' ? { op: e.op, words: e.words } : { op: e.op, words: [{ op: e.op === 'added' ? ('added' as const) : ('removed' as const), text: blockFields(e.block).text }] }
						)
				}
			: null
	};
};

export const actions: Actions = {
	generate: async ({ locals, params, url }) => {
		const c = await find(params.slug);
		requireStaff(locals.actor, (a) => policy.canTakeNotes(a, c.id));
		const result = await createDraftVersion(getDb(), locals.actor, c.slug, url.origin);
		if (!result.ok) error(403);
		redirect(303, `/staff/consultations/${c.slug}/report?v=${result.number}`);
	},
	publish: async ({ locals, params, request }) => {
		const c = await find(params.slug);
		requireStaff(locals.actor, (a) => policy.canOrganize(a, c.id));
		const form = await request.formData();
		const override = form.get('overrideReason');
		const result = await publishVersion(getDb(), locals.actor, String(form.get('versionId') ?? ''), {
			note: String(form.get('note') ?? ''),
			overrideReason: override === null ? undefined : String(override)
		});
		if (!result.ok) {
			const message =
				result.reason === 'blocked' ? m.report_blocked() : result.reason === 'already-published' ? m.report_already_published() : result.reason === 'override-needs-reason' ? m.report_override_needs_reason() : m.error_forbidden();
			return fail(result.reason === 'forbidden' ? 403 : 400, { message });
		}
		return { published: m.report_published({ number: result.number }) };
	}
};
