// Benchmark: the fault suite, longer than in CI, with its figures. Needs a build (npm run build).
// kill -9 during a burst of registrations (several rounds, on PGlite and PostgreSQL), two Convene
// processes on one PostgreSQL taking two colleagues from each of 100 organizations at once, and a
// client sending its body a byte a second while pages are requested. All on 127.0.0.1, bounded.
// Run: npx tsx bench/faults.ts [rounds]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { colleaguesAtOnce, killDuringBurst, slowClient, startServer, stop } from '../tests/support/faults';
import { withThrowawayDatabase } from '../tests/support/postgres-cluster';

const rounds = Number(process.argv[2] ?? 3);

console.log(`| scenario | sent | acknowledged | lost | half-written | 5xx | restart ms |`);
console.log(`|---|---|---|---|---|---|---|`);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-bench-faults-'));
try {
	for (let r = 1; r <= rounds; r++) {
		const f = await killDuringBurst({ driver: 'pglite', dataDir }, { CONVENE_DATA_DIR: dataDir }, 400, 16, 50 + 50 * r);
		console.log(`| kill -9, PGlite, round ${r} | ${f.sent} | ${f.acknowledged} | ${f.lost} | ${f.halfWritten} | ${f.fiveHundreds} | ${f.restartMs} |`);
	}
} finally {
	fs.rmSync(dataDir, { recursive: true, force: true });
}
await withThrowawayDatabase('bench_faults', async (url) => {
	for (let r = 1; r <= rounds; r++) {
		const f = await killDuringBurst({ driver: 'postgres', url }, { DATABASE_URL: url }, 400, 16, 50 + 50 * r);
		console.log(`| kill -9, PostgreSQL, round ${r} | ${f.sent} | ${f.acknowledged} | ${f.lost} | ${f.halfWritten} | ${f.fiveHundreds} | ${f.restartMs} |`);
	}
	const servers = [await startServer({ DATABASE_URL: url }), await startServer({ DATABASE_URL: url })];
	try {
		const c = await colleaguesAtOnce(url, servers, 100);
		console.log(`\nTwo processes, two colleagues from each of ${c.organizations} organizations at once: ${c.sent} sent, ${c.acknowledged} acknowledged, ${c.refused} refused, ${c.lost} lost, ${c.violations} violations, ${c.fiveHundreds} 5xx.`);
		const slow = await slowClient(servers[0].url, 30);
		console.log(`A client sending a byte a second: 30 page requests meanwhile, slowest ${slow.slowestMs} ms.`);
	} finally {
		for (const s of servers) await stop(s);
	}
});
