// One code path for two drivers: embedded PGlite (default, data directory on disk) and PostgreSQL
// (when DATABASE_URL is set). Both give the same Drizzle API over the same schema and migrations.
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';
import { lockDataDir, type DataDirLock } from './lock';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Queries accept either, so that a use-case can run several of them in one transaction. */
export type Executor = Database | Transaction;

export type DriverName = 'pglite' | 'postgres';

export interface DatabaseHandle {
	readonly db: Database;
	readonly driver: DriverName;
	/** Human-readable location, without credentials. */
	readonly location: string;
	/** Applies the committed SQL migrations in `folder` that have not run yet. */
	migrate(folder: string): Promise<void>;
	/**
	 * Runs `work` while no other Convene process runs its own: on PostgreSQL a session advisory lock
	 * (several processes starting at once migrate, load reference data and seed one after another);
	 * on PGlite the data-directory lock already makes this process the only one.
	 */
	exclusive<T>(work: () => Promise<T>): Promise<T>;
	/** Plain SQL with $1… parameters, outside any transaction: what the job queue (pg-boss) talks through. */
	executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
	close(): Promise<void>;
}

export type DatabaseConfig =
	| { driver: 'postgres'; url: string }
	| { driver: 'pglite'; dataDir: string | null }; // null = in memory (tests)

/** Errors a person can act on; the CLI prints only the message, never a stack trace. */
export class DatabaseConfigError extends Error {}

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
	const url = env.DATABASE_URL?.trim();
	if (url) return { driver: 'postgres', url };
	return { driver: 'pglite', dataDir: path.resolve(env.CONVENE_DATA_DIR?.trim() || 'data') };
}

export function migrationsFolder(env: NodeJS.ProcessEnv = process.env): string {
	return env.CONVENE_MIGRATIONS_DIR ?? path.resolve('drizzle');
}

function describePostgresUrl(url: string): string {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new DatabaseConfigError(
			'DATABASE_URL is not a valid URL; expected postgres://user:password@host:5432/database'
		);
	}
	if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
		throw new DatabaseConfigError(
			`DATABASE_URL must start with postgres:// or postgresql://, not ${parsed.protocol}//`
		);
	}
	return `postgres://${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

const MIGRATION_LOCK_KEY = 7_262_019; // arbitrary, constant
const STARTUP_LOCK_KEY = 7_262_020;

async function openPostgres(url: string): Promise<DatabaseHandle> {
	const location = describePostgresUrl(url);
	// A burst of requests queued behind one row lock waits for a connection rather than failing.
	const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 15_000 });
	// An idle client that loses its server emits 'error'; without a listener Node would crash.
	pool.on('error', (error) => console.error(`PostgreSQL connection error: ${error.message}`));
	try {
		const client = await pool.connect();
		client.release();
	} catch (error) {
		await pool.end().catch(() => undefined);
		const reason = (error as Error).message || (error as { code?: string }).code || String(error);
		throw new DatabaseConfigError(`Cannot connect to PostgreSQL at ${location} (DATABASE_URL): ${reason}`);
	}
	const db = drizzlePg(pool, { schema }) as unknown as Database;
	return {
		db,
		driver: 'postgres',
		location,
		async migrate(folder) {
			// Several app processes may start at once against one PostgreSQL: serialize their
			// migrations with a session-level advisory lock on one dedicated connection.
			const client = await pool.connect();
			try {
				await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
				await migratePg(drizzlePg(client, { schema }), { migrationsFolder: folder });
			} finally {
				await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
				client.release();
			}
		},
		async exclusive(work) {
			const client = await pool.connect();
			try {
				await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
				return await work();
			} finally {
				await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]).catch(() => undefined);
				client.release();
			}
		},
		async executeSql(text, values) {
			return pool.query(text, values);
		},
		async close() {
			await pool.end();
		}
	};
}

async function openPglite(dataDir: string | null): Promise<DatabaseHandle> {
	let lock: DataDirLock | null = null;
	if (dataDir) lock = await lockDataDir(dataDir);
	try {
		const client = dataDir ? await PGlite.create(path.join(dataDir, 'pglite')) : await PGlite.create();
		const db = drizzlePglite(client, { schema }) as unknown as Database;
		return {
			db,
			driver: 'pglite',
			location: dataDir ?? 'memory',
			async migrate(folder) {
				await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: folder });
			},
			exclusive: (work) => work(),
			async executeSql(text, values) {
				// pg-boss sends its schema as one multi-statement text without parameters: PGlite's
				// `exec` runs those; everything else is one parameterized statement.
				if (values?.length) return client.query(text, values);
				const results = await client.exec(text);
				return { rows: results.at(-1)?.rows ?? [] };
			},
			async close() {
				try {
					await client.close();
				} finally {
					lock?.release();
				}
			}
		};
	} catch (error) {
		lock?.release();
		throw error;
	}
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
	return config.driver === 'postgres' ? openPostgres(config.url) : openPglite(config.dataDir);
}

export async function migrateDatabase(handle: DatabaseHandle, folder = migrationsFolder()): Promise<void> {
	await handle.migrate(folder);
}
