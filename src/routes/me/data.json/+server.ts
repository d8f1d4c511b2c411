import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireStakeholder } from '$lib/server/guards';
import { getDb } from '$lib/server/runtime';
import { exportMyData } from '$lib/server/use-cases/export-my-data';

export const GET: RequestHandler = async ({ locals }) => {
	const actor = requireStakeholder(locals.actor);
	const result = await exportMyData(getDb(), actor, actor.personId, new Date());
	if (!result.ok) error(result.reason === 'forbidden' ? 403 : 404);
	return new Response(JSON.stringify(result.data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="my-convene-data.json"',
			'cache-control': 'no-store'
		}
	});
};
