import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// The abuse limits, on a server of their own (an empty production install, low limits, behind a
// "proxy" that names the client in X-Forwarded-For), so that the other journeys keep theirs.
const port = 3296;
const origin = `http://127.0.0.1:${port}`;
const password = 'limits-admin-password-42';
let server: ChildProcess;
let dataDir: string;

test.beforeAll(async () => {
	test.setTimeout(90_000);
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-e2e-limits-'));
	server = spawn(process.execPath, ['bin/convene.js', 'serve', '--port', String(port)], {
		env: {
			...process.env,
			CONVENE_DATA_DIR: dataDir,
			CONVENE_ADMIN_PASSWORD: password,
			ORIGIN: origin,
			HOST: '127.0.0.1',
			CONVENE_CLIENT_IP_HEADER: 'x-forwarded-for',
			CONVENE_LIMITS: 'password-account=3/900,password-client=20/900,link-address=2/3600,link-client=10/3600,form-client=3/600'
		}
	});
	let output = '';
	server.stdout?.on('data', (d) => (output += d));
	server.stderr?.on('data', (d) => (output += d));
	await expect.poll(() => output, { timeout: 60_000 }).toContain('Listening on');
});

test.afterAll(async () => {
	server?.kill('SIGTERM');
	await new Promise((r) => server?.once('exit', r));
	fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A form post as a browser without JavaScript sends it, from the client `ip`. */
function post(pathname: string, fields: Record<string, string>, ip: string) {
	return fetch(`${origin}${pathname}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `203.0.113.9, ${ip}` },
		body: new URLSearchParams(fields)
	});
}

test('wrong passwords for one account are limited: the next try, even the right password, waits with a sentence saying how long', async () => {
	for (let i = 0; i < 3; i++) expect((await post('/staff/sign-in', { email: 'admin@convene.example', password: `guess-${i}` }, '198.51.100.1')).status).toBe(400);
	const limited = await post('/staff/sign-in', { email: 'admin@convene.example', password }, '198.51.100.2');
	expect(limited.status).toBe(429);
	expect(await limited.text()).toContain('Too many attempts from here. Please try again in 15 minutes.');
	// Another account is not affected.
	expect((await post('/staff/sign-in', { email: 'other@convene.example', password: 'guess' }, '198.51.100.1')).status).toBe(400);
});

test('wrong passwords sent at once cannot slip past the count', async () => {
	const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) => post('/staff/sign-in', { email: 'parallel@convene.example', password: `guess-${i}` }, `198.51.100.${100 + i}`)));
	expect(statuses.filter((r) => r.status === 400).length).toBeLessThanOrEqual(3);
	expect(statuses.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(9);
});

test('sign-in links are limited per address, with the same answer for known and unknown addresses until then', async () => {
	for (let i = 0; i < 2; i++) expect((await post('/sign-in', { email: 'someone@example.org' }, `198.51.100.${10 + i}`)).status).toBe(200);
	const limited = await post('/sign-in', { email: 'someone@example.org' }, '198.51.100.12');
	expect(limited.status).toBe(429);
	expect(await limited.text()).toContain('Please try again in 60 minutes.');
});

test('anonymous form posts are limited per client: 429 with Retry-After and the sentence in the reader’s language; another client goes on', async () => {
	const ip = '198.51.100.50';
	for (let i = 0; i < 3; i++) expect((await post('/practices/new', { title: '' }, ip)).status).toBeLessThan(429);
	const limited = await post('/fr/practices/new', { title: '' }, ip);
	expect(limited.status).toBe(429);
	expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(500);
	expect(await limited.text()).toContain('Trop de tentatives depuis cet accès. Veuillez réessayer dans 10 minutes.');
	expect((await post('/practices/new', { title: '' }, '198.51.100.51')).status).toBeLessThan(429);
});
