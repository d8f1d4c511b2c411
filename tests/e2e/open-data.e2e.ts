import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

// The open data answers what its OpenAPI document promises, for every endpoint the code has.
type Schema = { $ref?: string; type?: string | string[]; required?: string[]; properties?: Record<string, Schema>; items?: Schema };

const EXAMPLES: Record<string, string> = { '/consultations/{slug}': 'parliamentarians', '/consultations/{slug}/statistics': 'parliamentarians', '/reports/{slug}': 'local-and-regional-authorities', '/processes/{slug}/recommendations': 'asia-pacific-regional-review' };

function routesOnDisk(dir = 'src/routes/api/v1', prefix = ''): string[] {
	const out: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		if (entry.isFile() && entry.name === '+server.ts') out.push(prefix || '/');
		if (entry.isDirectory()) out.push(...routesOnDisk(path.join(dir, entry.name), `${prefix}/${entry.name.replace(/^\[(\w+)\]$/, '{$1}')}`));
	}
	return out.sort();
}

test('every open-data endpoint is described by the OpenAPI document and answers with the fields it promises', async ({ request }) => {
	const doc = await (await request.get('/api/v1/openapi.json')).json();
	expect(doc.openapi).toBe('3.1.0');
	expect(Object.keys(doc.paths).sort()).toEqual(routesOnDisk());
	const resolve = (s: Schema): Schema => (s.$ref ? doc.components.schemas[s.$ref.split('/').at(-1)!] : s);
	for (const [route, item] of Object.entries(doc.paths) as [string, { get: { responses: Record<string, { content: { 'application/json': { schema: Schema } } }> } }][]) {
		const url = `/api/v1${route === '/' ? '' : route.replace('{slug}', EXAMPLES[route] ?? '')}`;
		const response = await request.get(url);
		expect(response.status(), url).toBe(200);
		expect(response.headers()['access-control-allow-origin'], url).toBe('*');
		const body = await response.json();
		const schema = resolve(item.get.responses['200'].content['application/json'].schema);
		for (const key of schema.required ?? []) expect(body, `${url} has ${key}`).toHaveProperty(key);
		for (const [key, property] of Object.entries(schema.properties ?? {})) {
			if (property.type === 'array' && property.items && Array.isArray(body[key]) && body[key].length) {
				for (const field of resolve(property.items).required ?? []) expect(body[key][0], `${url} ${key}[0] has ${field}`).toHaveProperty(field);
			}
		}
	}
});

test('the open data searches practices, filters recommendations, and refuses bad parameters clearly', async ({ request }) => {
	const found = await (await request.get('/api/v1/practices?q=recruitment%20fees&limit=5')).json();
	expect(found.total).toBeGreaterThan(0);
	expect(`${found.practices[0].title} ${found.practices[0].summary}`.toLowerCase()).toMatch(/recruit/);
	const implemented = await (await request.get('/api/v1/processes/asia-pacific-regional-review/recommendations?status=implemented')).json();
	expect(implemented.recommendations.length).toBeGreaterThan(0);
	expect(implemented.recommendations.every((r: { status: string }) => r.status === 'implemented')).toBe(true);
	const report = await (await request.get('/api/v1/reports/local-and-regional-authorities')).json();
	expect(report.blocks.filter((b: { kind: string; isRecommendation?: boolean }) => b.kind === 'list-item' && b.isRecommendation)).toHaveLength(3);

	const tooMany = await request.get('/api/v1/practices?limit=500');
	expect(tooMany.status()).toBe(400);
	expect(await tooMany.text()).toContain('limit must be a whole number from 1 to 50');
	expect((await request.get('/api/v1/processes/asia-pacific-regional-review/recommendations?status=done')).status()).toBe(400);
	expect((await request.get('/api/v1/consultations/no-such-consultation')).status()).toBe(404);
	expect((await request.get('/api/v1/reports/parliamentarians-draft-only')).status()).toBe(404);
});
