// Benchmark: import of a 50,000-row people XLSX on embedded PGlite (data directory on disk) and on a
// throwaway PostgreSQL cluster. Prints figures; asserts nothing. Run: npx tsx bench/import-people.ts [rows]
import path from 'node:path';
import { migrateDatabase, type DatabaseHandle } from '../src/lib/server/db';
import { loadReferenceData } from '../src/lib/server/reference/load-reference';
import { readTable } from '../src/lib/server/imports/read-table';
import { importPeople } from '../src/lib/server/use-cases/import-people';
import { guessMapping } from '../src/lib/domain/people-import';
import { onEachDatabase } from '../tests/support/each-database';
import { makePeopleRows, toXlsx } from '../tests/support/people-file';

const rows = Number(process.argv[2] ?? 50_000);
const seconds = (ms: number) => (ms / 1000).toFixed(2);

async function run(label: string, handle: DatabaseHandle, file: Uint8Array) {
	await migrateDatabase(handle, path.resolve('drizzle'));
	await loadReferenceData(handle.db);
	const t0 = performance.now();
	const table = await readTable(file, 'bench.xlsx');
	const t1 = performance.now();
	const result = await importPeople(handle.db, { kind: 'system', via: 'cli' }, { rows: table, mapping: guessMapping(table[0]) });
	const t2 = performance.now();
	if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result).slice(0, 300)}`);
	console.log(
		`${label.padEnd(28)} read XLSX ${seconds(t1 - t0)} s · validate + write ${seconds(t2 - t1)} s · ${Math.round(result.imported / ((t2 - t1) / 1000))} people/s · ${result.imported} people, ${result.organizationsCreated} organizations`
	);
}

const t = performance.now();
const file = await toXlsx(makePeopleRows(rows, 'bench'));
console.log(`Generated a ${rows}-row XLSX (${(file.byteLength / 1e6).toFixed(1)} MB) in ${seconds(performance.now() - t)} s`);

await onEachDatabase('convene-bench-', (label, handle) => run(label, handle, file));
