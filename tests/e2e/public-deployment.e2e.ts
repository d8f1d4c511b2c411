import { expect, test } from '@playwright/test';
import { signInAsStaff } from './sign-in';

// What an attacker and a shared cache see of a public deployment.

test('better-auth endpoints other than opening a sign-in link answer 404: no mail cannon, no password guessing around the forms', async ({ request }) => {
	const origin = { origin: test.info().project.use.baseURL ?? 'http://127.0.0.1:3210' };
	for (const [path, body] of [
		['/api/auth/sign-in/magic-link', { email: 'anyone@example.org', callbackURL: '/me' }],
		['/api/auth/sign-in/email', { email: 'admin@convene.example', password: 'guess' }],
		['/api/auth/sign-up/email', { email: 'new@example.org', password: 'long-enough-password', name: 'New' }]
	] as const) {
		const response = await request.post(path, { data: body, headers: origin });
		expect(response.status(), path).toBe(404);
	}
	// Opening a link still reaches better-auth (a bad token goes to its error redirect, not a 404).
	const verify = await request.get('/api/auth/magic-link/verify?token=nothing&callbackURL=%2Fme', { maxRedirects: 0 });
	expect(verify.status()).not.toBe(404);
});

test('a page seen by someone signed in is never kept by a shared cache; the same page for nobody may be', async ({ page, request }) => {
	const publicPage = await request.get('/processes/asia-pacific-regional-review');
	expect(publicPage.headers()['cache-control']).toBe('public, max-age=60');
	expect(publicPage.headers()['vary'] ?? '').toContain('Cookie');
	await signInAsStaff(page);
	for (const path of ['/processes/asia-pacific-regional-review', '/reports', '/practices', '/', '/reports/__data.json']) {
		const response = await page.request.get(path);
		expect(response.headers()['cache-control'], path).toBe('private, no-store');
	}
});
