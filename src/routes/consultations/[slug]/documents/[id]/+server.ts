import { error } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { consultation, document } from '$lib/server/db/schema';
import { isUuid } from '$lib/domain/ids';

// An uploaded background document of a published consultation.
export const GET: RequestHandler = async ({ params }) => {
	if (!isUuid(params.id)) error(404);
	const [row] = await getDb()
		.select({ d: document })
		.from(document)
		.innerJoin(consultation, eq(document.consultationId, consultation.id))
		.where(and(eq(document.id, params.id), eq(consultation.slug, params.slug), eq(consultation.status, 'published')));
	if (!row?.d.content) error(404);
	return new Response(new Uint8Array(row.d.content), {
		headers: {
			'content-type': row.d.mediaType ?? 'application/octet-stream',
			'content-disposition': `attachment; filename="${(row.d.fileName ?? 'document').replace(/[^\w.-]+/g, '_')}"`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'public, max-age=3600'
		}
	});
};
