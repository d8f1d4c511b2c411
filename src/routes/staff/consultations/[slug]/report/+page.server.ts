// Longer than a route should be: the staff's report desk (versions, privacy findings, diff, comments
// per paragraph) and its six actions share one page; each action is a parse and one use-case call.
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb, getMailer } from '$lib/server/runtime';
import { consultationOr404, requireStaff } from '$lib/server/guards';
import { listReportVersions } from '$lib/server/queries/reports';
import { readBlocks } from '$lib/server/queries/report-blocks';
import { overrideReasonOf } from '$lib/server/forms';
import { overridesOf } from '$lib/server/privacy/gate';
import { createDraftVersion } from '$lib/server/use-cases/generate-report-draft';
import { privacyGate, versionDiff, versionDocument } from '$lib/server/queries/report-versions';
import { publishVersion } from '$lib/server/use-cases/publish-report-version';
import { shownChanges } from '$lib/domain/report/edit';
import { renderHtmlBody } from '$lib/domain/report/render-text';
import { policy } from '$lib/domain/policy';
import { m } from '$lib/paraglide/messages';
import { circulateVersion, closeCommentsNow } from '$lib/server/use-cases/circulate-report';
import { commentsForStaff } from '$lib/server/queries/report-comments';
import { markAddressed, unmarkAddressed, replyToComment } from '$lib/server/use-cases/answer-comments';
import { citations, numberBlocks } from '$lib/domain/report/model';
import { editorialSummary } from '$lib/domain/report/editorial';
import { formatDate, formatDeadline, formatShortDateTime } from '$lib/domain/time';
import { findingText } from '$lib/server/privacy/finding-text';
import { localizeHref } from '$lib/paraglide/runtime';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const c = await consultationOr404(params.slug);
	const actor = requireStaff(locals.actor, (a) => policy.canTakeNotes(a, c.id));
	const db = getDb();
	const versions = await listReportVersions(db, c.id);
	const shownNumber = Number(url.searchParams.get('v') ?? versions[0]?.number ?? 0);
	const shown = versions.find((v) => v.number === shownNumber) ?? null;
	const doc = shown ? await versionDocument(db, shown.id) : null;
	const gate = shown ? await privacyGate(db, shown.id) : null;
	// Who went past the privacy gate before, and why: the next reviewer sees it.
	const overrides = await overridesOf(db, 'report-version', versions.map((v) => v.id));
	const diff = shown ? await versionDiff(db, shown.id) : null;
	// Comments per numbered paragraph, with who wrote them (staff only).
	let comments: { id: string; label: string; items: { id: string; author: string; text: string; isReply: boolean; isAddressed: boolean }[] }[] = [];
	if (shown && shown.state !== 'draft') {
		const all = await commentsForStaff(db, actor, shown.id);
		const blocks = await readBlocks(db, shown.id);
		const cites = citations(numberBlocks(blocks.map((b) => b.block)));
		if (all.ok) {
			comments = blocks
				.map((b, i) => {
					const label = cites[i];
					const items = all.comments.filter((c) => c.paragraphId === b.id).map((c) => ({ id: c.id, author: c.personName ?? c.staffName ?? '—', text: c.text, isReply: !!c.replyToId, isAddressed: !!c.addressedAt }));
					return { id: b.id, label, items };
				})
				.filter((x) => x.items.length);
		}
	}
	return {
		consultation: { slug: c.slug, title: c.title },
		canPublish: policy.canOrganize(actor, c.id),
		canOverride: policy.canOverridePrivacy(actor),
		versions: versions.map((v) => ({ ...v, createdAt: formatShortDateTime(v.createdAt, c.timeZone, locals.locale), publishedAt: v.publishedAt ? formatDate(v.publishedAt, c.timeZone, locals.locale) : null })),
		shown: shown && doc ? { id: shown.id, number: shown.number, state: shown.state, title: doc.title, body: renderHtmlBody(doc) } : null,
		findings: gate ? gate.findings.map((f) => ({ severity: f.severity, text: findingText(f) })) : [],
		editorial: doc ? editorialSummary(doc) : null,
		isBlocked: gate?.isBlocked ?? false,
		overrides: versions.flatMap((v) => (overrides.get(v.id) ?? []).map((o) => ({ number: v.number, date: formatDeadline(o.at, c.timeZone, locals.locale), reason: o.reason, findings: o.findings }))),
		isSaved: url.searchParams.has('saved'),
		isGenerated: url.searchParams.has('generated'),
		comments,
		period: shown?.commentsCloseAt ? { deadline: formatDeadline(shown.commentsCloseAt, c.timeZone, locals.locale), isOpen: shown.commentsCloseAt > new Date() } : null,
		diff: diff ? { fromNumber: diff.fromNumber, entries: shownChanges(diff.entries) } : null
	};
};

const CIRCULATE_REASONS: Record<string, () => string> = { days: m.comments_err_days, 'not-a-draft': m.comments_err_not_draft, blocked: m.comments_err_blocked };
const PUBLISH_REASONS: Record<string, () => string> = { 'already-published': m.report_already_published, 'override-needs-reason': m.report_override_needs_reason };

export const actions: Actions = {
	circulate: async ({ locals, params, request, url }) => {
		const c = await consultationOr404(params.slug);
		requireStaff(locals.actor, (a) => policy.canOrganize(a, c.id));
		const form = await request.formData();
		const db = getDb();
		const result = await circulateVersion(db, locals.actor, getMailer(), String(form.get('versionId') ?? ''), {
			days: Number(form.get('days') || 7),
			origin: url.origin,
			now: new Date(),
			overrideReason: overrideReasonOf(form)
		});
		if (!result.ok) return fail(400, { message: (CIRCULATE_REASONS[result.reason] ?? m.error_forbidden)() });
		const deadline = formatDeadline(result.closesAt, c.timeZone, locals.locale);
		const sent = result.speakersNotAttending ? m.comments_circulated_detail({ count: result.recipients, attended: result.attended, speakers: result.speakersNotAttending, deadline }) : m.comments_circulated({ count: result.recipients, deadline });
		return { published: result.attendedWithoutEmail ? `${sent} ${m.comments_circulated_missing({ missing: result.attendedWithoutEmail })}` : sent };
	},
	closeComments: async ({ locals, params, request }) => {
		const c = await consultationOr404(params.slug);
		requireStaff(locals.actor, (a) => policy.canOrganize(a, c.id));
		const form = await request.formData();
		// Asked before it acts: closing early stops every participant at once.
		if (form.get('confirm') !== 'on') return fail(400, { message: m.confirm_needed() });
		await closeCommentsNow(getDb(), locals.actor, String(form.get('versionId') ?? ''), new Date());
		return { done: m.comments_done_closed() };
	},
	reply: async ({ locals, params, request }) => {
		const c = await consultationOr404(params.slug);
		requireStaff(locals.actor, (a) => policy.canTakeNotes(a, c.id));
		const form = await request.formData();
		const result = await replyToComment(getDb(), locals.actor, String(form.get('commentId') ?? ''), String(form.get('text') ?? ''));
		if (!result.ok) return fail(400, { message: result.reason === 'invalid' ? m.comments_err_text() : m.error_forbidden() });
		return { done: m.comments_done_replied() };
	},
	addressed: async ({ locals, params, request }) => {
		const c = await consultationOr404(params.slug);
		requireStaff(locals.actor, (a) => policy.canTakeNotes(a, c.id));
		const form = await request.formData();
		const commentId = String(form.get('commentId') ?? '');
		const isUndo = form.get('undo') === 'yes';
		const result = isUndo ? await unmarkAddressed(getDb(), locals.actor, commentId) : await markAddressed(getDb(), locals.actor, commentId, new Date());
		if (!result.ok) return fail(400, { message: m.error_forbidden() });
		return { done: isUndo ? m.comments_done_reopened() : m.comments_done_addressed() };
	},
	generate: async ({ locals, params, url }) => {
		const c = await consultationOr404(params.slug);
		requireStaff(locals.actor, (a) => policy.canTakeNotes(a, c.id));
		const result = await createDraftVersion(getDb(), locals.actor, c.slug, url.origin);
		if (!result.ok) error(403);
		redirect(303, localizeHref(`/staff/consultations/${c.slug}/report?v=${result.number}&generated=1`));
	},
	publish: async ({ locals, params, request }) => {
		const c = await consultationOr404(params.slug);
		requireStaff(locals.actor, (a) => policy.canOrganize(a, c.id));
		const form = await request.formData();
		if (form.get('confirm') !== 'on') return fail(400, { message: m.confirm_needed() });
		const result = await publishVersion(getDb(), locals.actor, String(form.get('versionId') ?? ''), new Date(), { note: String(form.get('note') ?? ''), overrideReason: overrideReasonOf(form) });
		if (!result.ok) {
			const message = result.reason === 'blocked' ? `${m.report_blocked()} ${result.findings.map((f) => findingText(f)).join(' ')}` : (PUBLISH_REASONS[result.reason] ?? m.error_forbidden)();
			return fail(result.reason === 'forbidden' ? 403 : 400, { message });
		}
		return { published: m.report_published({ number: result.number }) };
	}
};
