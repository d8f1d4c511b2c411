// A freshly migrated database with reference data, on the driver of the current Vitest project:
// in-memory PGlite, or a new database in the run's throwaway PostgreSQL cluster.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { migrateDatabase, openDatabase, type DatabaseHandle, type DriverName, type OpenOptions } from '../../src/lib/server/db';
import { loadReferenceData } from '../../src/lib/server/reference/load-reference';
import { seedDemo } from '../../src/lib/server/demo/seed-demo';

export const testDriver = (process.env.CONVENE_TEST_DRIVER ?? 'pglite') as DriverName;

export interface TestDatabase extends DatabaseHandle {
	/** A URL a second process can use (PostgreSQL only). */
	url: string | null;
}

export async function createTestDatabase(options: OpenOptions = {}): Promise<TestDatabase> {
	if (testDriver === 'pglite') {
		const handle = await openDatabase({ driver: 'pglite', dataDir: null }, options);
		await migrateDatabase(handle);
		await loadReferenceData(handle.db);
		return Object.assign(handle, { url: null });
	}
	const adminUrl = inject('postgresUrl');
	const name = `convene_test_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = adminUrl.replace(/\/postgres$/, `/${name}`);
	const handle = await openDatabase({ driver: 'postgres', url }, options);
	await migrateDatabase(handle);
	await loadReferenceData(handle.db);
	return {
		...handle,
		url,
		migrate: handle.migrate,
		async close() {
			await handle.close();
			const again = new pg.Client({ connectionString: adminUrl });
			await again.connect();
			await again.query(`drop database if exists ${name} with (force)`);
			await again.end();
		}
	};
}

/** The day database specs seed the demo on: fixed, so that dates and figures do not move with the calendar. */
export const DEMO_DAY = new Date('2026-11-23T05:00:00Z');

/** A test database with the demo seeded on DEMO_DAY. */
export async function createDemoDatabase(options: OpenOptions = {}): Promise<TestDatabase> {
	const t = await createTestDatabase(options);
	await seedDemo(t.db, DEMO_DAY);
	return t;
}

/**
 * The database of one spec file: opened (migrated, reference data loaded, the demo seeded when asked)
 * before its tests and closed after them. `const t = useTestDatabase();` at the top of the file;
 * `t.db` inside the tests.
 */
export function useTestDatabase(options: { demo?: boolean } & OpenOptions = {}): TestDatabase {
	let handle: TestDatabase | undefined;
	beforeAll(async () => {
		handle = await (options.demo ? createDemoDatabase(options) : createTestDatabase(options));
	});
	afterAll(async () => {
		await handle?.close();
	});
	return new Proxy({} as TestDatabase, {
		get(_, key) {
			if (!handle) throw new Error('useTestDatabase: the database opens in beforeAll; use it inside a test or a hook');
			const value = Reflect.get(handle, key);
			return typeof value === 'function' ? value.bind(handle) : value;
		}
	});
}
