import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireStaff } from '$lib/server/guards';
import { getDb } from '$lib/server/runtime';
import { parsePeopleFilter } from '$lib/server/directory-filter';
import { exportPeople } from '$lib/server/use-cases/export-people';
import { m } from '$lib/paraglide/messages';

export const GET: RequestHandler = async ({ locals, url }) => {
	requireStaff(locals.actor);
	const format = url.searchParams.get('format');
	if (format !== 'csv' && format !== 'xlsx') error(400, m.error_invalid_choice());
	const result = await exportPeople(getDb(), locals.actor, parsePeopleFilter(url.searchParams), format, new Date());
	if (!result.ok) error(403, m.error_forbidden());
	return new Response(new Uint8Array(result.body), {
		headers: {
			'content-type': result.mediaType,
			'content-disposition': `attachment; filename="${result.fileName}"`,
			'cache-control': 'no-store'
		}
	});
};
