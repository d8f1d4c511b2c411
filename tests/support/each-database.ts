// Runs a benchmark on embedded PGlite (a data directory on disk, removed afterwards) and then on a
// throwaway PostgreSQL cluster, with the same labels in every benchmark's output.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db';
import { withThrowawayDatabase } from './postgres-cluster';

export async function onEachDatabase(tempPrefix: string, run: (label: string, handle: DatabaseHandle) => Promise<void>): Promise<void> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), tempPrefix));
	const pglite = await openDatabase({ driver: 'pglite', dataDir: dir });
	try {
		await run('PGlite (data dir on disk)', pglite);
	} finally {
		await pglite.close();
		fs.rmSync(dir, { recursive: true, force: true });
	}
	await withThrowawayDatabase('bench', async (url) => {
		const postgres = await openDatabase({ driver: 'postgres', url });
		try {
			await run('PostgreSQL (local cluster)', postgres);
		} finally {
			await postgres.close();
		}
	});
}
