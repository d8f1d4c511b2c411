import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { getPublishedDocument } from '$lib/server/queries/consultations';
import { isUuid } from '$lib/domain/ids';

// An uploaded background document of a published consultation.
export const GET: RequestHandler = async ({ params }) => {
	if (!isUuid(params.id)) error(404);
	const d = await getPublishedDocument(getDb(), params.slug, params.id);
	if (!d?.content) error(404);
	return new Response(new Uint8Array(d.content), {
		headers: {
			'content-type': d.mediaType ?? 'application/octet-stream',
			'content-disposition': `attachment; filename="${(d.fileName ?? 'document').replace(/[^\w.-]+/g, '_')}"`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'public, max-age=3600'
		}
	});
};
