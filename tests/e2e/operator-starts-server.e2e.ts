import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// These journeys start their own server processes; they need no browser.
const node = process.execPath;

test('a bad DATABASE_URL stops the server with one clear line', () => {
	const r = spawnSync(node, ['bin/convene.js', 'serve', '--port', '3291'], {
		encoding: 'utf8',
		env: { ...process.env, DATABASE_URL: 'postgres://convene:pw@127.0.0.1:1/convene' },
		timeout: 30_000
	});
	expect(r.status).toBe(1);
	const lines = r.stderr.trim().split('\n');
	expect(lines).toEqual([expect.stringMatching(/^Convene could not start: Cannot connect to PostgreSQL at postgres:\/\/127\.0\.0\.1:1\/convene \(DATABASE_URL\): /)]);
});

test('NODE_ENV=production without BETTER_AUTH_SECRET stops the server with one clear line', () => {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-e2e-prod-'));
	try {
		const r = spawnSync(node, ['bin/convene.js', 'serve', '--port', '3294'], { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production', BETTER_AUTH_SECRET: '', CONVENE_DATA_DIR: dataDir }, timeout: 30_000 });
		expect(r.status).toBe(1);
		expect(r.stderr.trim().split('\n')).toEqual(['Convene could not start: BETTER_AUTH_SECRET must be set when NODE_ENV=production (a random string of 32 characters or more, the same for every Convene process).']);
	} finally {
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
});

test('behind https (ORIGIN https://…): HSTS on every answer and the session cookie Secure, with the __Secure- prefix', async () => {
	test.setTimeout(90_000);
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-e2e-https-'));
	const server = spawn(node, ['bin/convene.js', 'serve', '--port', '3295'], { env: { ...process.env, CONVENE_DATA_DIR: dataDir, CONVENE_ADMIN_PASSWORD: 'https-test-password', ORIGIN: 'https://convene.example.org', HOST: '127.0.0.1' } });
	let output = '';
	server.stdout.on('data', (d) => (output += d));
	server.stderr.on('data', (d) => (output += d));
	try {
		await expect.poll(() => output, { timeout: 60_000 }).toContain('Listening on');
		const home = await fetch('http://127.0.0.1:3295/');
		expect(home.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
		const signIn = await fetch('http://127.0.0.1:3295/staff/sign-in', {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: 'https://convene.example.org', accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email: 'admin@convene.example', password: 'https-test-password' })
		});
		expect(signIn.status).toBe(303);
		const cookie = signIn.headers.getSetCookie().find((c) => c.includes('session_token')) ?? '';
		expect(cookie).toMatch(/^__Secure-better-auth\.session_token=/);
		expect(cookie).toMatch(/;\s*Secure/i);
	} finally {
		server.kill('SIGKILL');
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
});

test('a second server cannot open a data directory in use, and SIGTERM closes the first cleanly', async () => {
	test.setTimeout(90_000);
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-e2e-lock-'));
	const env = { ...process.env, CONVENE_DATA_DIR: dataDir, CONVENE_ADMIN_PASSWORD: 'lock-test-password', HOST: '127.0.0.1' };
	const first = spawn(node, ['bin/convene.js', 'serve', '--port', '3292'], { env });
	let output = '';
	first.stdout.on('data', (d) => (output += d));
	first.stderr.on('data', (d) => (output += d));
	try {
		await expect.poll(() => output, { timeout: 60_000 }).toContain('Listening on');
		// Production mode: no demo without --demo, and a password set in the environment is never printed.
		expect(output).toContain('password:  the one set in CONVENE_ADMIN_PASSWORD');
		expect(output).not.toContain('lock-test-password');
		expect(output).not.toContain('Seeded the demo');
		expect(output).not.toContain('organizer@convene.example');
		const second = spawnSync(node, ['bin/convene.js', 'serve', '--port', '3293'], { encoding: 'utf8', env, timeout: 30_000 });
		expect(second.status).toBe(1);
		expect(second.stderr.trim()).toBe(
			`Convene could not start: The data directory ${dataDir} is in use by another Convene process (pid ${first.pid}). Stop it first, or point CONVENE_DATA_DIR at another directory.`
		);
		const response = await fetch('http://127.0.0.1:3292/');
		expect(response.status).toBe(200); // the first server is unharmed
		// A backup while the server runs: the CLI cannot open the data directory, so the server writes it.
		const backup = path.join(dataDir, 'while-running.sql');
		const backedUp = spawnSync(node, ['bin/convene.js', 'backup', '--out', backup], { encoding: 'utf8', env, timeout: 60_000 });
		expect(backedUp.stderr).toBe('');
		expect(backedUp.stdout).toMatch(/^Backed up \d+ rows of \d+ tables \(schema \S+\) to .*while-running\.sql\.$/m);
		expect(fs.readFileSync(backup, 'utf8')).toMatch(/^-- convene-backup 1\n/);
		expect((fs.statSync(backup).mode & 0o777).toString(8)).toBe('600');
		expect((await fetch('http://127.0.0.1:3292/')).status).toBe(200);
		const exited = new Promise<number | null>((resolve) => first.on('exit', (code) => resolve(code)));
		first.kill('SIGTERM');
		expect(await exited).toBe(0);
		expect(fs.existsSync(path.join(dataDir, 'convene.lock'))).toBe(false);
		expect(fs.existsSync(path.join(dataDir, 'control', 'convene.sock'))).toBe(false);
		// Restored into a new data directory, the server starts on it with the same administrator.
		const restoredDir = path.join(dataDir, 'restored');
		const restored = spawnSync(node, ['bin/convene.js', 'restore', backup], { encoding: 'utf8', env: { ...env, CONVENE_DATA_DIR: restoredDir }, timeout: 60_000 });
		expect(restored.stderr).toBe('');
		expect(restored.stdout).toMatch(/^Restored \d+ rows from /);
	} finally {
		first.kill('SIGKILL');
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
});
