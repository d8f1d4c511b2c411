import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireStaff } from '$lib/server/guards';
import { getWrittenInputAttachment } from '$lib/server/queries/contributions';
import { policy } from '$lib/domain/policy';
import { isUuid } from '$lib/domain/ids';

// An attachment of a written input, for moderators only: attachments are never published.
export const GET: RequestHandler = async ({ locals, params }) => {
	requireStaff(locals.actor, policy.canModerate);
	if (!isUuid(params.id)) error(404);
	const a = await getWrittenInputAttachment(getDb(), params.id);
	if (!a) error(404);
	return new Response(new Uint8Array(a.content), {
		headers: {
			'content-type': a.mediaType,
			'content-disposition': `attachment; filename="${a.fileName.replace(/[^\w.-]+/g, '_')}"`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
};
