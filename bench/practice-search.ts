// Benchmark: full-text search latency over 100,000 fictional good practices, on embedded PGlite
// (data directory on disk) and on a throwaway PostgreSQL cluster. Prints percentiles; asserts
// nothing. Run: npx tsx bench/practice-search.ts [practices] [queries]
import os from 'node:os';
import { migrateDatabase, type DatabaseHandle } from '../src/lib/server/db';
import { loadReferenceData } from '../src/lib/server/reference/load-reference';
import { practice } from '../src/lib/server/db/schema';
import { searchPractices } from '../src/lib/server/queries/practices';
import { onEachDatabase } from '../tests/support/each-database';

const count = Number(process.argv[2] ?? 100_000);
const queries = Number(process.argv[3] ?? 300);

// A seeded generator, so that both databases hold the same practices.
let seed = 42;
const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
const TOPICS = ['recruitment fees', 'domestic workers', 'social security portability', 'remittance costs', 'language classes', 'health care access', 'alternatives to detention', 'skills recognition', 'return and reintegration', 'consular assistance', 'anti-trafficking hotline', 'birth registration', 'climate displacement', 'data disaggregation', 'diaspora investment', 'hate speech monitoring', 'pre-departure orientation', 'labour inspection', 'bilateral agreements', 'fair wages'];
const ACTORS = ['A trade union', 'A city council', 'A migrant association', 'A national human rights institution', 'A faith-based network', 'An employers federation', 'A university', 'A parliament committee'];
const PLACES = ['in the Pacific', 'in South-East Asia', 'along the Mekong', 'in Central Asia', 'in South Asia', 'across the region'];
const SUBREGIONS = ['pacific', 'south-east-asia', 'south-and-south-west-asia', 'north-and-central-asia', 'east-and-north-east-asia'];
const QUERIES = ['recruitment fees', 'domestic workers wages', 'portability', 'remittances', 'detention alternatives', 'skills', 'reintegration', 'trafficking hotline', '"fair wages"', 'health -detention', 'climate OR disaster', 'language schools'];

function rows(n: number) {
	return Array.from({ length: n }, () => {
		const a = pick(TOPICS);
		const b = pick(TOPICS);
		return {
			title: `${pick(ACTORS)} on ${a}`,
			summary: `${pick(ACTORS)} ${pick(PLACES)} improved ${a} and ${b} with partners; lessons on ${pick(TOPICS)} were shared.`,
			subregionId: pick(SUBREGIONS),
			status: next() < 0.9 ? 'published' : 'submitted'
		};
	});
}

async function run(label: string, handle: DatabaseHandle) {
	await migrateDatabase(handle);
	await loadReferenceData(handle.db);
	seed = 42;
	const t0 = performance.now();
	for (let i = 0; i < count; i += 1000) await handle.db.insert(practice).values(rows(Math.min(1000, count - i)));
	const loaded = performance.now();
	await searchPractices(handle.db, { q: 'warm up' });
	const times: number[] = [];
	let found = 0;
	for (let i = 0; i < queries; i++) {
		const q = QUERIES[i % QUERIES.length];
		const filters = i % 3 === 0 ? { subregionId: SUBREGIONS[i % SUBREGIONS.length] } : {};
		const s = performance.now();
		const r = await searchPractices(handle.db, { q, ...filters });
		times.push(performance.now() - s);
		found += r.total;
	}
	times.sort((a, b) => a - b);
	const p = (x: number) => times[Math.min(times.length - 1, Math.floor(x * times.length))].toFixed(1);
	console.log(`${label.padEnd(26)} ${count.toLocaleString('en')} practices loaded in ${((loaded - t0) / 1000).toFixed(1)} s; ${queries} searches (20 results + total): p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, p99 ${p(0.99)} ms, max ${times[times.length - 1].toFixed(1)} ms; ${Math.round(found / queries).toLocaleString('en')} matches per query on average`);
}

console.log(`Practice search benchmark (${os.cpus().length} cores)`);
await onEachDatabase('convene-bench-practices-', (label, handle) => run(label, handle));
