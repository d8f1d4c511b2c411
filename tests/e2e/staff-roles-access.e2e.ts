import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E_ADMIN_PASSWORD } from '../../playwright.config';

// Every staff page and action, requested directly (URL and form post, no browser), by each role.
// 200 = shown, 303 to sign-in = not signed in as staff, 403 = signed in but not allowed.
const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}`;

async function signedIn(playwright: typeof import('@playwright/test').request, email: string | null): Promise<APIRequestContext> {
	const context = await playwright.newContext({ baseURL: ORIGIN, extraHTTPHeaders: { origin: ORIGIN } });
	if (email) {
		const response = await context.post('/staff/sign-in', { form: { email, password: E2E_ADMIN_PASSWORD }, maxRedirects: 0, headers: { accept: 'text/html' } });
		expect(response.status(), `sign-in of ${email}`).toBe(303);
	}
	return context;
}

const pages = ['/staff', '/staff/directory', '/staff/directory/import', '/staff/outbox', '/staff/audit', '/staff/directory/export?format=csv', '/staff/directory/duplicates', '/staff/accounts', '/staff/directory/organizations', '/staff/directory/organizations/new', '/staff/directory/people/new', '/staff/consultations/rights-based-border-governance/registrations', '/staff/consultations/rights-based-border-governance/registrations/export', '/staff/consultations/rights-based-border-governance/invitations', '/staff/consultations/new/edit', '/staff/consultations/rights-based-border-governance/edit', '/staff/consultations/rights-based-border-governance/agenda', '/staff/consultations/rights-based-border-governance/selection'];
type Expect = 200 | 303 | 403;
const matrix: { who: string; email: string | null; expected: Expect[] }[] = [
	{ who: 'anonymous visitor', email: null, expected: [303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303] },
	{ who: 'admin', email: 'admin@convene.example', expected: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
	{ who: 'organizer', email: 'organizer@convene.example', expected: [200, 200, 403, 403, 403, 403, 403, 403, 200, 403, 403, 200, 200, 200, 200, 200, 200, 200] },
	{ who: 'rapporteur', email: 'rapporteur@convene.example', expected: [200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403] }
];

for (const { who, email, expected } of matrix) {
	test(`${who}: staff pages answer ${expected.join(', ')}`, async ({ playwright }) => {
		const context = await signedIn(playwright.request, email);
		const statuses: number[] = [];
		for (const path of pages) statuses.push((await context.get(path, { maxRedirects: 0 })).status());
		expect(statuses).toEqual(expected);
		await context.dispose();
	});

	test(`${who}: posting an import is ${email === 'admin@convene.example' ? 'accepted' : 'refused'}`, async ({ playwright }) => {
		const context = await signedIn(playwright.request, email);
		const response = await context.post('/staff/directory/import?/check', {
			multipart: { file: { name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(`Name,Email\nRole Test,role-${Date.now()}@example.org\n`) } },
			maxRedirects: 0,
			headers: { accept: 'text/html' }
		});
		const status = response.status();
		if (email === 'admin@convene.example') {
			expect(status).toBe(303);
			expect(response.headers()['location']).toMatch(/\/staff\/directory\/import\?upload=[0-9a-f-]{36}$/);
		} else {
			expect(status).toBe(email ? 403 : 303);
		}
		await context.dispose();
	});
}

// Every staff form action, posted directly: 403 for staff without the right, 303 to sign-in for
// anonymous visitors. (Admins' successful posts are covered by the journeys.)
const ANY_ID = '00000000-0000-4000-8000-000000000001';
const actions: [string, Record<string, string>][] = [
	['/staff/directory/duplicates?/merge', { kept: ANY_ID, duplicate: '00000000-0000-4000-8000-000000000002' }],
	['/staff/accounts?/role', { userId: 'anyone', role: 'admin' }],
	['/staff/accounts?/create', { email: 'new@example.org', name: 'New', role: 'admin' }],
	['/staff/accounts?/assign', { userId: 'anyone', consultationId: ANY_ID, role: 'organizer' }],
	['/staff/directory/people/new', { name: 'Sneaky', email: 'sneaky@example.org' }],
	[`/staff/directory/people/${ANY_ID}`, { name: 'Sneaky', email: 'sneaky@example.org' }],
	['/staff/directory/organizations/new?/save', { name: 'Sneaky Org' }],
	[`/staff/directory/organizations/${ANY_ID}?/merge`, { keptId: ANY_ID }],
	['/staff/directory/import?/commit', { upload: ANY_ID }],
	// The demo organizer organizes this consultation: allowed, but there is no such registration.
	['/staff/consultations/rights-based-border-governance/registrations?/decide', { registrationId: ANY_ID, to: 'selected' }],
	['/staff/consultations/rights-based-border-governance/invitations?/send', { category: 'no-such-category' }],
	['/staff/consultations/rights-based-border-governance/edit', { title: 'Hijacked' }],
	['/staff/consultations/rights-based-border-governance/agenda?/addLink', { title: 'Hijacked', url: 'https://evil.example' }],
	['/staff/consultations/rights-based-border-governance/report/import?/read', { refuseTracked: 'on' }],
	['/staff/consultations/rights-based-border-governance/report/import?/save', { basedOn: '1', blocks: '[{"kind":"paragraph","text":"Hijacked","footnotes":[]}]' }]
];
const ORGANIZER_MAY = new Map([
	['/staff/consultations/rights-based-border-governance/registrations?/decide', 404],
	['/staff/consultations/rights-based-border-governance/invitations?/send', 200], // nobody matches the filter: 0 sent
	['/staff/consultations/rights-based-border-governance/edit', 400], // allowed, but the form is incomplete
	['/staff/consultations/rights-based-border-governance/agenda?/addLink', 200], // allowed
	['/staff/consultations/rights-based-border-governance/report/import?/read', 303], // allowed, but there is no report yet: back to the report page
	['/staff/consultations/rights-based-border-governance/report/import?/save', 404] // allowed, but the consultation has no report yet
]);
for (const [who, email, expected] of [
	['anonymous visitor', null, 303],
	['organizer', 'organizer@convene.example', 403],
	['rapporteur', 'rapporteur@convene.example', 403]
] as const) {
	test(`${who}: every staff form action answers ${expected} when posted directly`, async ({ playwright }) => {
		const context = await signedIn(playwright.request, email);
		const statuses: number[] = [];
		for (const [path, form] of actions) statuses.push((await context.post(path, { form, maxRedirects: 0, headers: { accept: 'text/html' } })).status());
		expect(statuses).toEqual(actions.map(([path]) => (who === 'organizer' && ORGANIZER_MAY.has(path) ? ORGANIZER_MAY.get(path) : expected)));
		await context.dispose();
	});
}

test('an organizer sees no email addresses in the directory, an admin does', async ({ playwright }) => {
	const organizer = await signedIn(playwright.request, 'organizer@convene.example');
	const admin = await signedIn(playwright.request, 'admin@convene.example');
	const asOrganizer = await (await organizer.get('/staff/directory')).text();
	const asAdmin = await (await admin.get('/staff/directory')).text();
	expect(asAdmin).toMatch(/@example\.org/);
	expect(asOrganizer).not.toMatch(/[a-z.0-9]+@example\.org/);
	await organizer.dispose();
	await admin.dispose();
});
