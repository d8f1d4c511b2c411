import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { openApiDocument } from '$lib/server/open-data/openapi';

export const GET: RequestHandler = ({ url }) => json(openApiDocument(url.origin), { headers: { 'cache-control': 'public, max-age=3600', 'access-control-allow-origin': '*' } });
