import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireStakeholder } from '$lib/server/guards';
import { addComment } from '$lib/server/use-cases/comment-on-report';
import { participantView } from '$lib/server/queries/report-comments';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireStakeholder(locals.actor, `/me/reports/${params.versionId}`);
	const view = await participantView(getDb(), actor, params.versionId, new Date(), locals.locale);
	if (!view.ok) error(view.reason === 'forbidden' ? 403 : 404, view.reason === 'forbidden' ? m.comments_not_participant() : undefined);
	return {
		title: view.title,
		isOpen: view.isOpen,
		isPublished: view.isPublished,
		closesAt: view.closesAt,
		// The paragraph just commented on (after the redirect that brings the reader back to it).
		savedId: url.searchParams.get('saved'),
		blocks: view.blocks.map((b) => ({ id: b.id, block: b.block, cite: b.cite, comments: b.comments.map((c) => ({ id: c.id, text: c.text, replies: c.replies, isAddressed: c.addressedAt !== null })) }))
	};
};

export const actions: Actions = {
	comment: async ({ locals, params, request }) => {
		const actor = requireStakeholder(locals.actor, `/me/reports/${params.versionId}`);
		const form = await request.formData();
		const paragraphId = String(form.get('paragraphId') ?? '');
		const text = String(form.get('text') ?? '');
		const result = await addComment(getDb(), actor, params.versionId, paragraphId, text, new Date());
		if (!result.ok) {
			if (result.reason === 'closed') return fail(409, { paragraphId, text, message: m.comments_closed_now() });
			if (result.reason === 'invalid') return fail(400, { paragraphId, text, message: result.field === 'text' ? m.comments_err_text() : m.err_invalid() });
			error(result.reason === 'forbidden' ? 403 : 404);
		}
		// Back to the paragraph commented on, not to the top of a long report.
		redirect(303, `${localizeHref(`/me/reports/${params.versionId}`)}?saved=${encodeURIComponent(paragraphId)}#p-${encodeURIComponent(paragraphId)}`);
	}
};
