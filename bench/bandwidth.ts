// Benchmark: the low-bandwidth budget of the public pages (issue 17). For the home, consultation,
// registration and report pages (in English and in Russian), a cold Chromium on a throttled link —
// 400 ms round trip, 400 kbit/s both ways, emulated by the DevTools protocol — loads the page and
// this prints what crossed the wire by kind (compressed HTML, JavaScript, CSS, headers included)
// and the time to first render (First Contentful Paint). Budgets: ≤ 20 KB of HTML, ≤ 60 KB of
// JavaScript, first render under 2 s.
// Needs a build (npm run build) and Debian's chromium. Run: npx tsx bench/bandwidth.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startServer, stop } from '../tests/support/faults';

const PAGES = ['/', '/consultations/voluntary-regular-safe-orderly', '/consultations/voluntary-regular-safe-orderly/register', '/reports/local-and-regional-authorities'];
const LOCALES = ['', '/ru'];
const RTT_MS = 400;
const BYTES_PER_SECOND = 400_000 / 8;
const BUDGET = { html: 20 * 1024, js: 60 * 1024, firstRenderMs: 2000 };

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-bench-bandwidth-'));
const server = await startServer({ CONVENE_DATA_DIR: dataDir });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
let failures = 0;
try {
	console.log(`Throttled: ${RTT_MS} ms round trip, ${(BYTES_PER_SECOND * 8) / 1000} kbit/s; cold cache; bodies as transferred (compressed), headers apart.`);
	console.log('| page | HTML KB | JS KB | CSS KB | other KB | headers KB | requests | first render ms | within budget |');
	console.log('|---|---|---|---|---|---|---|---|---|');
	for (const locale of LOCALES) {
		for (const page of PAGES) {
			const context = await browser.newContext();
			const tab = await context.newPage();
			const cdp = await context.newCDPSession(tab);
			await cdp.send('Network.enable');
			await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: RTT_MS, downloadThroughput: BYTES_PER_SECOND, uploadThroughput: BYTES_PER_SECOND });
			const received = new Map<string, { type: string; headerBytes: number }>();
			const sizes = { html: 0, js: 0, css: 0, other: 0 };
			let requests = 0;
			let headerBytes = 0;
			cdp.on('Network.responseReceived', (e) => received.set(e.requestId, { type: e.type, headerBytes: e.response.encodedDataLength }));
			cdp.on('Network.loadingFinished', (e) => {
				requests++;
				const r = received.get(e.requestId);
				const kind = r?.type === 'Document' ? 'html' : r?.type === 'Script' ? 'js' : r?.type === 'Stylesheet' ? 'css' : 'other';
				// The body as it crossed the wire (compressed); the headers are counted apart.
				sizes[kind] += e.encodedDataLength - (r?.headerBytes ?? 0);
				headerBytes += r?.headerBytes ?? 0;
			});
			await tab.goto(`${server.url}${locale}${page}`, { waitUntil: 'load' });
			await tab.waitForLoadState('networkidle');
			const firstRender = await tab.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
			const ok = sizes.html <= BUDGET.html && sizes.js <= BUDGET.js && firstRender < BUDGET.firstRenderMs;
			if (!ok) failures++;
			console.log(`| ${locale}${page} | ${kb(sizes.html)} | ${kb(sizes.js)} | ${kb(sizes.css)} | ${kb(sizes.other)} | ${kb(headerBytes)} | ${requests} | ${Math.round(firstRender)} | ${ok ? 'yes' : 'NO'} |`);
			await context.close();
		}
	}
	process.exitCode = failures ? 1 : 0;
	console.log(`Budgets: HTML ≤ ${BUDGET.html / 1024} KB, JavaScript ≤ ${BUDGET.js / 1024} KB, first render < ${BUDGET.firstRenderMs} ms. Pages over budget: ${failures}.`);
} finally {
	await browser.close();
	await stop(server);
	fs.rmSync(dataDir, { recursive: true, force: true });
}
