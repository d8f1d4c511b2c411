// Benchmark: the registration endpoint (a real form post through SvelteKit, the use-case and the
// database) on PGlite and on PostgreSQL, beside a bare Node HTTP server answering a fixed string,
// all on 127.0.0.1 in the same run. Bounded: REQUESTS posts at CONCURRENCY in flight. The abuse
// limits are off (they would refuse most posts from one client, and the figures would be of refusals).
// Each server first takes WARMUP requests that are not counted (a server that has just started
// compiles its code, opens its database connections and prepares its statements: figures of a
// running server, not of its first second).
// Needs a build (npm run build). Run: npx tsx bench/register.ts [requests] [concurrency]
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort, withThrowawayDatabase } from '../tests/support/postgres-cluster';

const REQUESTS = Number(process.argv[2] ?? 400);
const CONCURRENCY = Number(process.argv[3] ?? 16);
const WARMUP = 100;
const SLUG = 'voluntary-regular-safe-orderly';

// The client: Node's http with keep-alive, for the bare server and Convene alike. It shares the two
// cores with the server (and PostgreSQL); fetch costs about three times its CPU per request.
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function request(url: string, options: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method: options.method ?? 'GET', agent, headers: options.headers }, (res) => {
			res.resume();
			res.once('end', () => resolve(res.statusCode ?? 0));
		});
		req.once('error', reject);
		req.end(options.body);
	});
}

function percentile(sorted: number[], p: number) {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function load(label: string, makeRequest: (i: number) => Promise<boolean>) {
	await Promise.all(Array.from({ length: CONCURRENCY }, async (_, lane) => {
		for (let i = lane; i < WARMUP; i += CONCURRENCY) await makeRequest(REQUESTS + i);
	}));
	const latencies: number[] = [];
	let ok = 0;
	let next = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (next < REQUESTS) {
				const i = next++;
				const t = performance.now();
				if (await makeRequest(i)) ok++;
				latencies.push(performance.now() - t);
			}
		})
	);
	const seconds = (performance.now() - started) / 1000;
	latencies.sort((a, b) => a - b);
	console.log(
		`${label.padEnd(34)} ${(REQUESTS / seconds).toFixed(0).padStart(6)} req/s · p50 ${percentile(latencies, 50).toFixed(1)} ms · p95 ${percentile(latencies, 95).toFixed(1)} ms · p99 ${percentile(latencies, 99).toFixed(1)} ms · ${ok}/${REQUESTS} accepted`
	);
}

async function startConvene(env: Record<string, string>): Promise<{ url: string; process: ChildProcess }> {
	const port = await freePort();
	const child = spawn(process.execPath, ['bin/convene.js', 'serve', '--demo', '--port', String(port)], {
		env: { ...process.env, CONVENE_LIMITS: 'off', ...env, HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}`, CONVENE_ADMIN_PASSWORD: 'bench-password-123' },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let out = '';
	child.stdout!.on('data', (d) => (out += d));
	const deadline = Date.now() + 60_000;
	while (!out.includes('Listening on')) {
		if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start: ${out}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	return { url: `http://127.0.0.1:${port}`, process: child };
}

function registration(url: string, run: string) {
	return async (i: number) => {
		const body = new URLSearchParams({
			name: 'Bench Registrant',
			email: `bench-${run}-${i}@example.org`,
			newOrganizationName: `Bench Organization ${run} ${i}`,
			categoryId: 'civil-society',
			countryCode: 'TH',
			consentToProcessing: 'on',
			idempotencyKey: `bench_${run}_${i}_0000000000`
		});
		const status = await request(`${url}/consultations/${SLUG}/register?/register`, {
			method: 'POST',
			body: body.toString(),
			headers: { origin: url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }
		});
		return status === 303;
	};
}

console.log(`${REQUESTS} requests (after ${WARMUP} not counted), ${CONCURRENCY} in flight; the target (issue 16) on PostgreSQL: ≥ 200 req/s with p99 ≤ 250 ms`);

// 1. A bare Node HTTP server, the floor of what this machine does.
const bare = http.createServer((_req, res) => res.end('ok'));
const barePort = await freePort();
await new Promise<void>((r) => bare.listen(barePort, '127.0.0.1', r));
await load('bare Node http (fixed string)', async () => (await request(`http://127.0.0.1:${barePort}/`)) === 200);
bare.close();

// 2. Convene on PGlite.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-bench-reg-'));
const onPglite = await startConvene({ CONVENE_DATA_DIR: dataDir });
try {
	await load('Convene registration, PGlite', registration(onPglite.url, `p${Date.now()}`));
} finally {
	onPglite.process.kill('SIGTERM');
	await new Promise((r) => onPglite.process.once('exit', r));
	fs.rmSync(dataDir, { recursive: true, force: true });
}

// 3. Convene on PostgreSQL.
await withThrowawayDatabase('bench_register', async (url) => {
	const onPostgres = await startConvene({ DATABASE_URL: url });
	try {
		await load('Convene registration, PostgreSQL', registration(onPostgres.url, `g${Date.now()}`));
	} finally {
		onPostgres.process.kill('SIGTERM');
		await new Promise((r) => onPostgres.process.once('exit', r));
	}
});
