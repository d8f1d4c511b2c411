// Open data: the index of the read-only JSON API, described by /api/v1/openapi.json.
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const base = `${url.origin}/api/v1`;
	return json(
		{
			openapi: `${base}/openapi.json`,
			consultations: `${base}/consultations`,
			reports: `${base}/reports`,
			practices: `${base}/practices`,
			recommendations: `${base}/processes/{process}/recommendations`,
			license: 'Published material of the network; statistics suppress counts under the consultation\u2019s k.'
		},
		{ headers: { 'cache-control': 'public, max-age=3600', 'access-control-allow-origin': '*' } }
	);
};
