import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { exportMyData } from '$lib/server/use-cases/export-my-data';

export const GET: RequestHandler = async ({ locals }) => {
	if (locals.actor.kind !== 'stakeholder') redirect(303, '/sign-in');
	const result = await exportMyData(getDb(), locals.actor, locals.actor.personId, new Date());
	if (!result.ok) error(result.reason === 'forbidden' ? 403 : 404);
	return new Response(JSON.stringify(result.data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="my-convene-data.json"',
			'cache-control': 'no-store'
		}
	});
};
