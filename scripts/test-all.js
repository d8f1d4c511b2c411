// `npm test`: every check and test tier, in order, on a clean build. Runs every stage even when an
// earlier one fails (so one run shows all problems), then prints "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const stages = [
	['type check (svelte-check)', 'npm run check'],
	['lint (eslint: style and the layers)', 'npm run lint'],
	['import cycles (dpdm)', 'npm run cycles'],
	['unit and database tests (vitest: domain, PGlite, PostgreSQL)', 'npx vitest run'],
	['production build', 'npm run build'],
	['browser tests (playwright, Debian chromium)', 'npx playwright test']
];

fs.rmSync('reports', { recursive: true, force: true });
fs.mkdirSync('reports', { recursive: true });
const results = [];
for (const [name, command] of stages) {
	console.log(`\n=== ${name}: ${command}`);
	const started = Date.now();
	const r = spawnSync(command, { shell: true, stdio: 'inherit' });
	results.push({ name, ok: r.status === 0, seconds: (Date.now() - started) / 1000 });
}

function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
}
let passed = 0;
let failed = 0;
const vitest = readJson('reports/vitest.json');
if (vitest) {
	passed += vitest.numPassedTests;
	failed += vitest.numFailedTests;
}
const playwright = readJson('reports/playwright.json');
if (playwright) {
	passed += playwright.stats.expected;
	failed += playwright.stats.unexpected + (playwright.stats.flaky ?? 0);
}
console.log('\n=== summary');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds.toFixed(1)} s)`);
// A failed stage without failed tests (type errors, lint, build) still counts as a failure.
const failedStages = results.filter((r) => !r.ok && !/tests/.test(r.name)).length;
failed += failedStages;
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
