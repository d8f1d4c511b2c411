import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { colleaguesAtOnce, killDuringBurst, slowClient, startServer, stop } from '../support/faults';
import { withThrowawayDatabase } from '../support/postgres-cluster';

// The fault suite, bounded for CI (bench/faults.ts runs the same scenarios longer and prints figures).
// These journeys start their own servers; they need no browser.

test('kill -9 in the middle of a burst of registrations on the embedded database: every acknowledged one is there, nothing half-written, and it restarts over the stale lock', async () => {
	test.setTimeout(240_000);
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-e2e-kill-'));
	try {
		const figures = await killDuringBurst({ driver: 'pglite', dataDir }, { CONVENE_DATA_DIR: dataDir }, 80, 6, 20);
		console.log(`kill -9 on PGlite: ${JSON.stringify(figures)}`);
		expect(figures.acknowledged).toBeGreaterThanOrEqual(20);
		expect(figures).toMatchObject({ lost: 0, halfWritten: 0, fiveHundreds: 0 });
	} finally {
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
});

test('kill -9 in the middle of a burst of registrations on PostgreSQL, then two processes taking two colleagues from each of 60 organizations at once', async () => {
	test.setTimeout(300_000);
	await withThrowawayDatabase('convene_faults', async (url) => {
		const figures = await killDuringBurst({ driver: 'postgres', url }, { DATABASE_URL: url }, 80, 6, 20);
		console.log(`kill -9 on PostgreSQL: ${JSON.stringify(figures)}`);
		expect(figures.acknowledged).toBeGreaterThanOrEqual(20);
		expect(figures).toMatchObject({ lost: 0, halfWritten: 0, fiveHundreds: 0 });

		const servers = [await startServer({ DATABASE_URL: url }), await startServer({ DATABASE_URL: url })];
		try {
			const colleagues = await colleaguesAtOnce(url, servers, 60);
			console.log(`two processes, colleagues at once: ${JSON.stringify({ ...colleagues, acknowledgedEmails: colleagues.acknowledgedEmails.length })}`);
			expect(colleagues.organizations).toBe(60);
			expect(colleagues).toMatchObject({ sent: 120, lost: 0, violations: 0, fiveHundreds: 0 });
			expect(colleagues.acknowledged).toBe(60); // one colleague of each organization gets the place
		} finally {
			for (const s of servers) await stop(s);
		}
	});
});

test('a client sending its form a byte a second does not hold up other requests', async ({ baseURL }) => {
	test.setTimeout(60_000);
	const figures = await slowClient(baseURL!, 10);
	console.log(`slow client: ${JSON.stringify(figures)}`);
	expect(figures.slowClientOpen).toBe(true);
	expect(figures.slowestMs).toBeLessThan(2000);
});
