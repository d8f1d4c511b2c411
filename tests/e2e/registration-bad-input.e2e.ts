import { expect, test } from '@playwright/test';

// Bad input posted straight to the registration endpoint: a specific message per field, nothing stored.
const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}`;
const PATH = '/consultations/voluntary-regular-safe-orderly/register?/register';

function post(request: import('@playwright/test').APIRequestContext, fields: Record<string, string>, raw = '') {
	const body = new URLSearchParams(fields).toString() + raw;
	return request.post(PATH, { data: body, maxRedirects: 0, headers: { origin: ORIGIN, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' } });
}

test('bad input gets a message per field and stores nothing; the same person can then register', async ({ request }) => {
	const stamp = Date.now();
	const base = {
		email: `bad-input-${stamp}@example.org`,
		newOrganizationName: `Bad Input Test Org ${stamp}`,
		categoryId: 'civil-society',
		countryCode: 'TH',
		consentToProcessing: 'on',
		idempotencyKey: `bad_input_${stamp}_000000`
	};
	const cases: [string, Record<string, string>, string, RegExp][] = [
		['invalid UTF-8', { ...base, name: 'Lan' }, '&interpretationNeeds=%FF%FE%FD', /characters that could not be read/],
		['1 MB of text', { ...base, name: 'Lan', accessibilityNeeds: 'x'.repeat(1_000_000) }, '', /This answer is too long/],
		['HTML and script', { ...base, name: '<img src=x onerror=alert(1)>' }, '', /Please remove the HTML or code/],
		['an SQL-looking name', { ...base, name: "x'); DROP TABLE person; --" }, '', /A name may contain letters, spaces, apostrophes/],
		['missing fields', { idempotencyKey: base.idempotencyKey }, '', /This field is required/]
	];
	for (const [label, fields, raw, message] of cases) {
		const response = await post(request, fields, raw);
		expect(response.status(), label).toBe(400);
		const html = await response.text();
		expect(html, label).toMatch(message);
		expect(html, label).not.toContain('<img src=x');
	}
	// Nothing was stored: the same person and organization register normally now.
	const ok = await post(request, { ...base, name: 'Lan Test' });
	expect(ok.status()).toBe(303);
	expect(ok.headers()['location']).toMatch(/register\?done=1$/);
});
