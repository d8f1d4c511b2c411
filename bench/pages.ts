// Benchmark: what a public page costs, one request at a time on 127.0.0.1 (so the latency is the
// server's time plus a loopback round trip), beside a bare Node HTTP server in the same run: the
// home page, a consultation page and a published report, on the embedded database and on
// PostgreSQL; and the same pages revalidated by a client that holds them (If-None-Match → 304).
// "server" is the page's p50 less bare Node's p50 (the loopback and the client's own time); the
// target (issue 16) is 5 ms for the home, consultation and report pages on the embedded database.
// Needs a build (npm run build). Run: npx tsx bench/pages.ts [requests]
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort, withThrowawayDatabase } from '../tests/support/postgres-cluster';
import { startServer, stop } from '../tests/support/faults';

const REQUESTS = Number(process.argv[2] ?? 200);
const PAGES = ['/', '/consultations/voluntary-regular-safe-orderly', '/reports/local-and-regional-authorities'];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

let bareP50 = 0;

async function measure(label: string, url: string, headers: Record<string, string> = {}, expected = 200): Promise<number> {
	for (let i = 0; i < 20; i++) await (await fetch(url, { headers })).arrayBuffer(); // warm-up
	const latencies: number[] = [];
	for (let i = 0; i < REQUESTS; i++) {
		const t = performance.now();
		const response = await fetch(url, { headers });
		await response.arrayBuffer();
		if (response.status !== expected) throw new Error(`${url}: ${response.status}, expected ${expected}`);
		latencies.push(performance.now() - t);
	}
	latencies.sort((a, b) => a - b);
	const p50 = percentile(latencies, 50);
	const server = bareP50 ? `${Math.max(0, p50 - bareP50).toFixed(1)}${p50 - bareP50 <= 5 ? ' (≤ 5)' : ' (over 5)'}` : '–';
	console.log(`| ${label} | ${p50.toFixed(1)} | ${percentile(latencies, 95).toFixed(1)} | ${server} |`);
	return p50;
}

async function pages(driver: string, url: string) {
	for (const page of PAGES) {
		await measure(`${driver} ${page}`, `${url}${page}`);
		const etag = (await fetch(`${url}${page}`)).headers.get('etag');
		if (etag) await measure(`${driver} ${page} (revalidated, 304)`, `${url}${page}`, { 'if-none-match': etag }, 304);
	}
}

console.log(`| page (${REQUESTS} requests, one at a time) | p50 ms | p95 ms | server ms (p50 − bare) |`);
console.log(`|---|---|---|---|`);
const bare = http.createServer((_req, res) => res.end('ok'));
const barePort = await freePort();
await new Promise<void>((r) => bare.listen(barePort, '127.0.0.1', r));
bareP50 = await measure('bare Node http (fixed string)', `http://127.0.0.1:${barePort}/`);
bare.close();

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-bench-pages-'));
const onPglite = await startServer({ CONVENE_DATA_DIR: dataDir });
try {
	await pages('PGlite', onPglite.url);
} finally {
	await stop(onPglite);
	fs.rmSync(dataDir, { recursive: true, force: true });
}
await withThrowawayDatabase('bench_pages', async (url) => {
	const onPostgres = await startServer({ DATABASE_URL: url });
	try {
		await pages('PostgreSQL', onPostgres.url);
	} finally {
		await stop(onPostgres);
	}
});
