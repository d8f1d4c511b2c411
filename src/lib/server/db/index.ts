// One code path for two drivers: embedded PGlite (default, data directory on disk) and PostgreSQL
// (when DATABASE_URL is set). Both give the same Drizzle API over the same schema and migrations.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type pg from 'pg';

/** The PostgreSQL driver, loaded only when DATABASE_URL is set: the embedded default (and every CLI command on it) starts without it. */
const postgresDriver = async () => ({
	pg: (await import('pg')).default,
	drizzlePg: (await import('drizzle-orm/node-postgres')).drizzle,
	migratePg: (await import('drizzle-orm/node-postgres/migrator')).migrate
});
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
	/**
	 * Calls `onNotify` with the payload of every NOTIFY on `channel`, from any process on this
	 * database. On PostgreSQL one dedicated connection listens; when it is lost `onLost` is called and
	 * the connection retried, and `onListening` is called each time listening (re)starts — what was
	 * sent in between was missed; a connection that stops delivering without closing is caught by a
	 * heartbeat. Resolves after the first attempt (listening, or retrying); the function it returns stops.
	 */
	listen(channel: string, handlers: ListenHandlers): Promise<() => Promise<void>>;
	close(): Promise<void>;
}

export interface ListenHandlers {
	onNotify(payload: string): void;
	onListening(): void;
	onLost(): void;
}

/** Options for development and tests: every query's text, as Drizzle sends it. */
export interface OpenOptions {
	onQuery?: (sql: string) => void;
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

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** How often the listening connection proves it still receives (a NOTIFY to itself), and how long it may take. */
export const LISTEN_HEARTBEAT_MS = { every: 30_000, within: 10_000 };

/**
 * LISTEN on a connection of its own, until stopped. The connection sends itself a notification every
 * `every` ms: one that does not come back within `within` ms (a connection silently dropped by a
 * firewall, a pooler in transaction mode that accepts LISTEN but delivers nothing) counts as lost,
 * like an error or a closed socket. After a loss, or a failed start, it connects again every 2 s.
 * Resolves after the first attempt, listening or not: `onListening` says when listening (re)starts.
 */
export async function listenPostgres(url: string, channel: string, handlers: ListenHandlers, heartbeat = LISTEN_HEARTBEAT_MS): Promise<() => Promise<void>> {
	const { pg } = await postgresDriver();
	let client: pg.Client | null = null;
	let stopped = false;
	let retry: NodeJS.Timeout | null = null;
	let beat: NodeJS.Timeout | null = null;
	const token = `heartbeat:${randomUUID()}`;
	let awaited: { sentAt: number } | null = null;
	let lastSent = 0;

	const lost = (c: pg.Client) => {
		if (client !== c) return; // an older connection, already replaced
		client = null;
		awaited = null;
		if (beat) clearInterval(beat);
		beat = null;
		handlers.onLost();
		c.end().catch(() => undefined);
		if (!stopped) retry = setTimeout(() => void connect(), 2_000);
	};
	const connect = (): Promise<void> => {
		if (stopped) return Promise.resolve();
		const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 15_000, keepAlive: true, query_timeout: heartbeat.within });
		client = c;
		c.on('error', () => lost(c));
		c.on('end', () => lost(c));
		c.on('notification', (n) => {
			if (n.channel !== channel) return;
			if (n.payload === token) awaited = null;
			else if (!n.payload?.startsWith('heartbeat:')) handlers.onNotify(n.payload ?? '');
		});
		return (async () => {
			await c.connect();
			await c.query(`LISTEN ${quoteIdent(channel)}`);
			if (client !== c || stopped) return;
			handlers.onListening();
			lastSent = Date.now();
			beat = setInterval(() => {
				if (client !== c) return;
				const now = Date.now();
				if (awaited && now - awaited.sentAt >= heartbeat.within) return lost(c);
				if (!awaited && now - lastSent >= heartbeat.every) {
					awaited = { sentAt: now };
					lastSent = now;
					c.query('select pg_notify($1, $2)', [channel, token]).catch(() => lost(c));
				}
			}, Math.max(50, Math.min(heartbeat.every, heartbeat.within) / 4));
		})().catch(() => lost(c));
	};
	await connect();
	return async () => {
		stopped = true;
		if (retry) clearTimeout(retry);
		if (beat) clearInterval(beat);
		const c = client;
		client = null;
		await c?.end().catch(() => undefined);
	};
}

async function openPostgres(url: string, options: OpenOptions): Promise<DatabaseHandle> {
	const location = describePostgresUrl(url);
	// A burst of requests queued behind one row lock waits for a connection rather than failing.
	const { pg, drizzlePg, migratePg } = await postgresDriver();
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
	const db = drizzlePg(pool, { schema, logger: queryLogger(options) }) as unknown as Database;
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
		listen: (channel, handlers) => listenPostgres(url, channel, handlers),
		async close() {
			await pool.end();
		}
	};
}

const queryLogger = (options: OpenOptions) => (options.onQuery ? { logQuery: options.onQuery } : undefined);

async function openPglite(dataDir: string | null, options: OpenOptions): Promise<DatabaseHandle> {
	let lock: DataDirLock | null = null;
	if (dataDir) lock = await lockDataDir(dataDir);
	try {
		const client = dataDir ? await PGlite.create(path.join(dataDir, 'pglite')) : await PGlite.create();
		const db = drizzlePglite(client, { schema, logger: queryLogger(options) }) as unknown as Database;
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
			async listen(channel, handlers) {
				// One process holds the embedded database: its notifications come on its own connection
				// (delivered when the notifying transaction commits), and that connection is never lost.
				const stop = await client.listen(channel, handlers.onNotify);
				handlers.onListening();
				return async () => {
					if (!client.closed) await stop();
				};
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

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<DatabaseHandle> {
	return config.driver === 'postgres' ? openPostgres(config.url, options) : openPglite(config.dataDir, options);
}

export async function migrateDatabase(handle: DatabaseHandle, folder = migrationsFolder()): Promise<void> {
	await handle.migrate(folder);
}
