// Benchmark: how soon the `convene` command answers. Needs a build (npm run build makes build/cli).
// Medians over N runs of `convene --help` and of `convene migrate` on an embedded database that is
// already migrated (its work then is: open the database, check the migrations and reference data),
// plus the time PGlite alone takes to open that data directory, for comparison. For `migrate`, "work
// starts" is when it prints its line (the database is open, migrated and checked: what any command
// does before its own work); "exits" adds closing the embedded database.
// Run: npx tsx bench/cli.ts [runs]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const runs = Number(process.argv[2] ?? 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-bench-cli-'));
const env = { ...process.env, CONVENE_DATA_DIR: dataDir };

function timed(args: string[]): number {
	const started = performance.now();
	const result = spawnSync(process.execPath, ['bin/convene.js', ...args], { env, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`convene ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
	return performance.now() - started;
}

/** Milliseconds until the command's first line on stdout, and until it exits. */
function firstLineAndExit(args: string[]): Promise<{ firstLine: number; exit: number }> {
	const started = performance.now();
	const child = spawn(process.execPath, ['bin/convene.js', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let firstLine = 0;
	let stderr = '';
	child.stdout.once('data', () => (firstLine = performance.now() - started));
	child.stderr.on('data', (d) => (stderr += d));
	return new Promise((resolve, reject) =>
		child.once('exit', (code) => (code === 0 ? resolve({ firstLine, exit: performance.now() - started }) : reject(new Error(`convene ${args.join(' ')} exited with ${code}: ${stderr}`))))
	);
}

try {
	if (!fs.existsSync('build/cli/main.js')) throw new Error('no build/cli: run npm run build first');
	timed(['migrate']); // the first migration of the empty directory is not what is measured
	const help = Array.from({ length: runs }, () => timed(['--help']));
	const migrate: { firstLine: number; exit: number }[] = [];
	for (let i = 0; i < runs; i++) migrate.push(await firstLineAndExit(['migrate']));
	const open: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		const client = await PGlite.create(path.join(dataDir, 'pglite'));
		open.push(performance.now() - started);
		await client.close();
	}
	console.log(`| measure (${runs} runs, median) | ms |`);
	console.log(`|---|---|`);
	console.log(`| convene --help | ${Math.round(median(help))} |`);
	console.log(`| convene migrate (embedded, nothing to do): work starts (target ≤ 1,000) | ${Math.round(median(migrate.map((m) => m.firstLine)))} |`);
	console.log(`| convene migrate (embedded, nothing to do): exits | ${Math.round(median(migrate.map((m) => m.exit)))} |`);
	console.log(`| PGlite opening that data directory, in-process | ${Math.round(median(open))} |`);
} finally {
	fs.rmSync(dataDir, { recursive: true, force: true });
}
