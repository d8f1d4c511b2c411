import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { signInAsStaff } from './sign-in';

// Malformed ids on every route and action, and a fuzz corpus against the public forms: the server
// answers each with a 4xx (or a page that says what is wrong), never a 5xx. The routes and actions
// are read from src/routes, so a new one is walked without being listed here.

const ROUTES_DIR = path.resolve('src/routes');
const CONSULTATION = 'voluntary-regular-safe-orderly';
const PROCESS = 'asia-pacific-regional-review';
const REPORT = 'local-and-regional-authorities';
const MALFORMED = ['x', '00000000-0000-0000-0000-000000000000', "1' OR '1'='1", 'a'.repeat(300), '%E2%80%AE', 'a\u0000b'];

interface Route {
	pattern: string;
	actions: string[];
}

function routes(): Route[] {
	const found: Route[] = [];
	const walk = (dir: string) => {
		const files = fs.readdirSync(dir, { withFileTypes: true });
		if (files.some((f) => f.name === '+page.svelte' || f.name === '+server.ts')) {
			const pattern = `/${path.relative(ROUTES_DIR, dir).split(path.sep).join('/')}`.replace(/\/$/, '') || '/';
			const server = path.join(dir, '+page.server.ts');
			const source = fs.existsSync(server) ? fs.readFileSync(server, 'utf8') : '';
			const actionBlock = source.slice(source.indexOf('export const actions'));
			const actions = source.includes('export const actions') ? [...actionBlock.matchAll(/^\t(\w+): async/gm)].map((m) => m[1]) : [];
			found.push({ pattern, actions });
		}
		for (const f of files) if (f.isDirectory()) walk(path.join(dir, f.name));
	};
	walk(ROUTES_DIR);
	return found;
}

/** Instances of a route: every parameter malformed, and (for slugs) real slugs with the rest malformed. */
function instances(pattern: string): string[] {
	const good = (name: string) => {
		if (name !== 'slug') return null;
		if (pattern.includes('/processes/')) return PROCESS;
		if (pattern.includes('/reports/')) return REPORT;
		return CONSULTATION;
	};
	const fill = (value: (name: string) => string) => pattern.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(value(name)));
	if (!pattern.includes('[')) return [pattern];
	const out = MALFORMED.map((bad) => fill(() => bad));
	if (pattern.includes('[slug]')) out.push(...MALFORMED.map((bad) => fill((name) => good(name) ?? bad)));
	return [...new Set(out)];
}

// Actions left out of the walk with a real consultation: they act on the whole consultation whatever
// the ids (sending invitations, running a selection, generating a draft), replace a whole table with
// what the form holds (country commitments, balance targets: an empty form is a valid empty table,
// which other journeys would then miss), or end the session.
const SKIP_ACTIONS = new Set(['signOut', 'erase', 'send', 'run', 'derive', 'generate', 'commit', 'import', 'check', 'countries', 'targets']);
const ID_FIELDS = ['id', 'itemId', 'documentId', 'registrationId', 'personId', 'runId', 'commentId', 'versionId', 'statementId', 'organizationId', 'keptId', 'duplicateId', 'userId', 'recommendationId', 'paragraphId', 'attendanceId', 'replaceId', 'withId'];

async function expectNo5xx(request: APIRequestContext, method: 'GET' | 'POST', url: string, options: Parameters<APIRequestContext['post']>[1] = {}) {
	const response = method === 'GET' ? await request.get(url, { maxRedirects: 0 }) : await request.post(url, { maxRedirects: 0, ...options });
	expect.soft(response.status(), `${method} ${url}`).toBeLessThan(500);
	return response;
}

test('every route and action answers malformed ids with a 4xx or a form message, never a 5xx (as an administrator)', async ({ page, baseURL }) => {
	test.setTimeout(240_000);
	await signInAsStaff(page);
	const origin = { origin: baseURL!, accept: 'text/html' };
	let requests = 0;
	for (const route of routes()) {
		for (const url of instances(route.pattern)) {
			if (/sign-out|\/api\/auth/.test(url)) continue;
			await expectNo5xx(page.request, 'GET', url);
			requests++;
			for (const action of route.actions) {
				if (SKIP_ACTIONS.has(action)) continue;
				const target = action === 'default' ? url : `${url}?/${action}`;
				await expectNo5xx(page.request, 'POST', target, { headers: origin, form: Object.fromEntries([...ID_FIELDS.map((f) => [f, 'x']), ['status', 'x'], ['decision', 'x'], ['email', 'x']]) });
				requests++;
			}
		}
	}
	expect(requests).toBeGreaterThan(200);
	// A NUL in the address or the query string: no page has one.
	for (const url of ['/consultations/%00', `/processes/${PROCESS}/inputs/new?consultation=%00`, '/practices?q=a%00b']) expect((await page.request.get(url)).status(), url).toBe(404);
});

test('a fuzz corpus against every public form: no 5xx for empty, huge, NUL, invalid UTF-8, markup, SQL, repeated fields, wrong types, wrong content type or no Origin', async ({ request, baseURL }) => {
	test.setTimeout(180_000);
	const forms = [`/consultations/${CONSULTATION}/register?/register`, `/consultations/${CONSULTATION}/register?/handover`, '/practices/new', `/processes/${PROCESS}/inputs/new`, '/sign-in', '/handover/x?/accept', '/unsubscribe/x', '/staff/sign-in'];
	const fields = ['name', 'email', 'organizationId', 'countryCode', 'gender', 'title', 'summary', 'text', 'subregionId', 'categoryId', 'objectiveIds', 'submissionKey', 'consentToProcessing', 'password', 'authorName'];
	const form = (value: string) => fields.map((f) => `${f}=${value}`).join('&');
	const bodies: [string, string, string][] = [
		['empty', 'application/x-www-form-urlencoded', ''],
		['1 MB field', 'application/x-www-form-urlencoded', form(encodeURIComponent('x'.repeat(1_000_000)).slice(0, 70_000))],
		['NUL in every field', 'application/x-www-form-urlencoded', form('Ana%00Lima')],
		['invalid UTF-8', 'application/x-www-form-urlencoded', form('%FF%FE%C3')],
		['markup', 'application/x-www-form-urlencoded', form(encodeURIComponent('<script>alert(1)</script><img src=x onerror=alert(1)>'))],
		['SQL-looking text', 'application/x-www-form-urlencoded', form(encodeURIComponent("'); DROP TABLE person; --"))],
		['repeated fields', 'application/x-www-form-urlencoded', `${form('a')}&${form('b')}`],
		['unknown reference ids', 'application/x-www-form-urlencoded', 'title=Clinic&summary=Mobile+legal+clinics+for+workers&objectiveIds=gcm-6&countryCode=TH&subregionId=nowhere&categoryId=nobody&consentToProcessing=on&submissionKey=6f1c2a8e-1b2c-4d3e-8f9a-0b1c2d3e4f5a&submitterName=Ana&submitterEmail=ana%40example.org'],
		['text/plain', 'text/plain', 'name=Ana'],
		['malformed multipart', 'multipart/form-data; boundary=XYZ', '--XYZ\r\nContent-Disposition: form-data; name="name"\r\n\r\nAna\r\n--XY'],
		['JSON', 'application/json', '{"name":"Ana"}']
	];
	let responses = 0;
	for (const target of forms) {
		for (const [label, type, body] of bodies) {
			const response = await request.post(target, { headers: { origin: baseURL!, accept: 'text/html', 'content-type': type }, data: body, maxRedirects: 0 });
			expect(response.status(), `${label} → ${target}`).toBeLessThan(500);
			if (label === 'text/plain' || label === 'JSON') expect(response.status(), `${label} → ${target}`).toBe(415);
			if (label === 'malformed multipart') expect(response.status(), `${label} → ${target}`).toBe(400);
			responses++;
		}
		// Without an Origin header, SvelteKit refuses a cross-site form post.
		const noOrigin = await request.post(target, { headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, data: form('a'), maxRedirects: 0 });
		expect(noOrigin.status()).toBeLessThan(500);
		responses++;
	}
	expect(responses).toBe(forms.length * (bodies.length + 1));
});
