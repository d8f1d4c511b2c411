import http from 'node:http';
import zlib from 'node:zlib';
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
	// A page reached by a personal link shows a name: private unless its route says otherwise.
	expect((await request.get('/handover/not-a-real-token')).headers()['cache-control']).toMatch(/^private/);
	await signInAsStaff(page);
	for (const path of ['/processes/asia-pacific-regional-review', '/reports', '/practices', '/', '/reports/__data.json']) {
		const response = await page.request.get(path);
		expect(response.headers()['cache-control'], path).toBe('private, no-store');
	}
});

test('a public page, feed or open-data answer carries an ETag and answers 304 to a client that holds it; a feed fetched signed in carries none', async ({ page, request }) => {
	for (const path of ['/processes/asia-pacific-regional-review', '/reports', '/reports/feed.xml', '/api/v1/consultations']) {
		// Another journey may publish a report between the two requests (the workers run in
		// parallel): then the page did change, and the pair is taken again.
		let first = await request.get(path);
		let again = await request.get(path, { headers: { 'if-none-match': first.headers()['etag'] ?? '' } });
		for (let i = 0; i < 3 && again.status() === 200; i++) {
			expect(await again.text(), path).not.toBe(await first.text());
			first = await request.get(path);
			again = await request.get(path, { headers: { 'if-none-match': first.headers()['etag'] ?? '' } });
		}
		const etag = first.headers()['etag'];
		expect(etag, path).toMatch(/^W\/"[\w-]{27}"$/);
		expect(again.status(), path).toBe(304);
		expect((await again.body()).length, path).toBe(0);
		expect(again.headers()['cache-control'], path).toBe(first.headers()['cache-control']);
		// Another version of the page (a stale tag) gets the whole page.
		const stale = await request.get(path, { headers: { 'if-none-match': 'W/"an-older-version"' } });
		expect(stale.status(), path).toBe(200);
		expect(await stale.text()).toBe(await first.text());
	}
	// What someone signed in is shown is private, no-store: no validator.
	await signInAsStaff(page);
	const mine = await page.request.get('/reports/feed.xml');
	expect(mine.headers()['cache-control']).toBe('private, no-store');
	expect(mine.headers()['etag']).toBeUndefined();
});

test('pages carry a Content-Security-Policy without inline scripts, and a Permissions-Policy; no HSTS over plain http', async ({ page }) => {
	const response = await page.goto('/');
	const csp = response!.headers()['content-security-policy'] ?? '';
	const scripts = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
	expect(scripts).toContain("'self'");
	expect(scripts).toMatch(/'sha256-[A-Za-z0-9+/=]+'/); // SvelteKit's start-up script, by its hash
	expect(scripts).not.toContain('unsafe-inline');
	expect(csp).toContain("frame-ancestors 'none'");
	expect(response!.headers()['permissions-policy']).toContain('camera=()');
	expect(response!.headers()['strict-transport-security']).toBeUndefined();
	// The page still runs its scripts under the policy (hydration sets the marker).
	await page.waitForSelector('body[data-hydrated="true"]');
	// An injected inline script is refused by the policy.
	const ran = await page.evaluate(async () => {
		const s = document.createElement('script');
		s.textContent = 'window.__injected = true';
		document.body.appendChild(s);
		await new Promise((r) => setTimeout(r, 50));
		return (window as unknown as { __injected?: boolean }).__injected === true;
	});
	expect(ran).toBe(false);
});

test('pages, open data and feeds come compressed (brotli, else gzip) to a client that accepts it, and whole to one that does not', async () => {
	const base = test.info().project.use.baseURL ?? 'http://127.0.0.1:3210';
	const get = (path: string, acceptEncoding: string) =>
		new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
			http.get(`${base}${path}`, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
				res.on('error', reject);
			}).on('error', reject);
		});
	for (const path of ['/', '/consultations/voluntary-regular-safe-orderly/register', '/api/v1/consultations', '/reports']) {
		const whole = await get(path, 'identity');
		expect(whole.headers['content-encoding'], path).toBeUndefined();
		expect(whole.headers['vary'] ?? '', path).toContain('Accept-Encoding');
		const br = await get(path, 'gzip, deflate, br');
		expect(br.headers['content-encoding'], path).toBe('br');
		const gzip = await get(path, 'gzip');
		expect(gzip.headers['content-encoding'], path).toBe('gzip');
		// Pages differ per request only in their form keys: compare open data and feeds exactly, pages by size.
		const text = zlib.brotliDecompressSync(br.body).toString();
		if (path.startsWith('/api')) {
			expect(text, path).toBe(whole.body.toString());
			expect(zlib.gunzipSync(gzip.body).toString(), path).toBe(whole.body.toString());
		} else {
			expect(text, path).toContain('</html>');
			expect(Math.abs(text.length - whole.body.length), path).toBeLessThan(100);
		}
		expect(br.body.length, path).toBeLessThan(whole.body.length / 2);
	}
});
