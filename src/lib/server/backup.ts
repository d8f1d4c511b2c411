// Backups that work the same on the embedded database and on PostgreSQL: a plain SQL file of the
// data (every table of the public schema, in an order that satisfies the foreign keys), read in one
// repeatable-read transaction so that it is one consistent moment even while the server writes.
// The schema is not in the file: a restore applies Convene's migrations to an empty database, checks
// that the backup was taken at the same migration, then runs the file in one transaction (all or
// nothing). psql can run the file too, on a database migrated the same way.
import { sql } from 'drizzle-orm';
import type { Database, Executor } from './db';

export const BACKUP_FORMAT = 'convene-backup 1';
const BATCH = 500;
/**
 * Left out of a backup: sign-in sessions and pending sign-in links (whoever read the file could use
 * them; people sign in again after a restore), rate-limit counters, and the privacy checks kept to
 * avoid scanning a text twice (computed again when needed).
 */
export const NOT_BACKED_UP = new Set(['auth_session', 'auth_verification', 'rate_limit', 'privacy_check']);

export class BackupError extends Error {}

interface Column {
	name: string;
	isGenerated: boolean;
}

interface TableInfo {
	name: string;
	columns: Column[];
	/** A column of stored files (bytea): its rows go one per statement, each up to tens of megabytes. */
	hasFiles: boolean;
	/** Columns with a foreign key to the table itself (merged records): filled in after all its rows. */
	selfReferences: string[];
	/** Serial columns whose sequence is set past the restored values. */
	serials: string[];
}

const rows = async <T>(db: Executor, query: ReturnType<typeof sql>): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;
const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The public tables, parents before children, with what a restore needs to know of them. */
export async function tablesInOrder(db: Executor): Promise<TableInfo[]> {
	const names = (await rows<{ name: string }>(db, sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`)).map((r) => r.name);
	const columns = await rows<{ table: string; name: string; generated: string; defaultValue: string | null; type: string }>(
		db,
		sql`select table_name as "table", column_name as name, is_generated as generated, column_default as "defaultValue", data_type as type from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`
	);
	const keys = await rows<{ child: string; parent: string; column: string }>(
		db,
		sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent, a.attname as "column"
			from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
			where c.contype = 'f' and c.connamespace = 'public'::regnamespace`
	);
	const unquote = (n: string) => n.replace(/^"|"$/g, '');
	const tables = new Map<string, TableInfo>(names.map((name) => [name, { name, columns: [], hasFiles: false, selfReferences: [], serials: [] }]));
	for (const c of columns) {
		const t = tables.get(c.table);
		if (!t) continue;
		t.columns.push({ name: c.name, isGenerated: c.generated === 'ALWAYS' });
		if (c.type === 'bytea') t.hasFiles = true;
		if (c.defaultValue?.startsWith('nextval(')) t.serials.push(c.name);
	}
	const parents = new Map<string, Set<string>>(names.map((n) => [n, new Set<string>()]));
	for (const k of keys) {
		const child = unquote(k.child);
		const parent = unquote(k.parent);
		if (child === parent) tables.get(child)?.selfReferences.push(k.column);
		else parents.get(child)?.add(parent);
	}
	// Depth-first: a table comes after every table it refers to.
	const ordered: TableInfo[] = [];
	const state = new Map<string, 'visiting' | 'done'>();
	const visit = (name: string, path: string[]) => {
		if (state.get(name) === 'done') return;
		if (state.get(name) === 'visiting') throw new BackupError(`The tables refer to each other in a cycle (${[...path, name].join(' → ')}); a backup cannot order them`);
		state.set(name, 'visiting');
		for (const p of parents.get(name) ?? []) visit(p, [...path, name]);
		state.set(name, 'done');
		ordered.push(tables.get(name)!);
	};
	for (const name of names) visit(name, []);
	return ordered;
}

/** The last migration applied: a backup restores only onto the same schema. */
export async function schemaVersion(db: Executor): Promise<string> {
	const [row] = await rows<{ hash: string; count: number }>(db, sql`select hash, (select count(*) from drizzle.__drizzle_migrations)::int as count from drizzle.__drizzle_migrations order by created_at desc, id desc limit 1`);
	if (!row) throw new BackupError('The database has no Convene schema (no migration applied)');
	return `${row.count}:${row.hash.slice(0, 16)}`;
}

export interface BackupSummary {
	tables: number;
	rows: number;
	schema: string;
}

/**
 * Writes the backup through `write` (called with pieces of SQL text, in order), from one
 * consistent snapshot of the database.
 */
export async function writeBackup(db: Database, write: (chunk: string) => Promise<void> | void, now = new Date()): Promise<BackupSummary> {
	return db.transaction(
		async (tx) => {
			const schema = await schemaVersion(tx);
			const tables = await tablesInOrder(tx);
			let total = 0;
			await write(
				[
					`-- ${BACKUP_FORMAT}`,
					`-- schema: ${schema}`,
					`-- taken: ${now.toISOString()}`,
					'-- The data of a Convene database. Restore with `convene restore FILE`, which applies the schema',
					'-- (Convene\'s migrations) to an empty database and then runs this file in one transaction.',
					'SET standard_conforming_strings = on;',
					'BEGIN;',
					''
				].join('\n')
			);
			for (const t of tables) {
				if (NOT_BACKED_UP.has(t.name)) continue;
				const stored = t.columns.filter((c) => !c.isGenerated).map((c) => c.name);
				const list = stored.map(ident).join(', ');
				const target = ident(t.name);
				// Rows of a table that refers to itself go in one statement (its keys are checked at the end of it).
				const batch = t.selfReferences.length ? Number.MAX_SAFE_INTEGER : t.hasFiles ? 1 : BATCH;
				for (let offset = 0; ; offset += batch) {
					const page = await rows<{ json: string; n: number }>(
						tx,
						sql.raw(`select coalesce(json_agg(row_to_json(p))::text, '[]') as json, count(*)::int as n from (select ${list} from ${target} order by ctid limit ${batch === Number.MAX_SAFE_INTEGER ? 'all' : batch} offset ${offset}) p`)
					);
					// json_agg puts a line break between rows; inside the JSON strings line breaks are escaped.
					const json = (page[0]?.json ?? '[]').replace(/\n/g, '');
					const n = page[0]?.n ?? 0;
					if (n > 0) {
						await write(`INSERT INTO ${target} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${target}, ${literal(json)});\n`);
						total += n;
					}
					if (n < batch) break;
				}
				for (const s of t.serials) await write(`SELECT setval(pg_get_serial_sequence(${literal(t.name)}, ${literal(s)}), coalesce((SELECT max(${ident(s)}) FROM ${target}), 0) + 1, false);\n`);
			}
			await write('COMMIT;\n');
			return { tables: tables.length, rows: total, schema };
		},
		{ isolationLevel: 'repeatable read', accessMode: 'read only' }
	);
}

/** Whether the database holds any row in a table that only use creates (reference data is loaded at start). */
export async function holdsData(db: Executor): Promise<boolean> {
	const [row] = await rows<{ n: number }>(db, sql`select ((select count(*) from person) + (select count(*) from consultation) + (select count(*) from auth_user))::int as n`);
	return row.n > 0;
}

/** Every public table's rows removed, for a restore asked to replace what is there. */
async function emptyAll(db: Executor): Promise<void> {
	// Everything, the tables a backup leaves out included (their rows would refer to what is replaced).
	const tables = await tablesInOrder(db);
	if (tables.length) await db.execute(sql.raw(`TRUNCATE ${tables.map((t) => ident(t.name)).join(', ')} CASCADE`));
}

/**
 * Restores a backup made by writeBackup into a migrated database: refused when the schema differs,
 * and when the database holds data unless `replace` is set (then everything in it is replaced).
 */
/** A backup's lines: the whole text, or lines read from a file one by one (a backup may not fit in memory). */
type Lines = string | AsyncIterable<string>;

async function* linesOf(source: Lines): AsyncGenerator<string> {
	if (typeof source === 'string') yield* source.split('\n');
	else yield* source;
}

/**
 * Restores a backup made by writeBackup into a migrated database: refused when the schema differs,
 * and when the database holds data unless `replace` is set (then everything in it is replaced).
 * Statements are one per line (the writer puts each on one line; its literals hold no raw line break).
 */
export async function restoreBackup(db: Database, source: Lines, options: { replace?: boolean } = {}): Promise<{ rows: number }> {
	const lines = linesOf(source)[Symbol.asyncIterator]();
	const first = (await lines.next()).value ?? '';
	const second = (await lines.next()).value ?? '';
	const format = /^-- (convene-backup \d+)$/.exec(first.trim())?.[1];
	const taken = /^-- schema: (\S+)$/.exec(second.trim())?.[1];
	if (format !== BACKUP_FORMAT || !taken) throw new BackupError('This file is not a Convene backup (its first lines are not a Convene backup header)');
	const schema = await schemaVersion(db);
	if (taken !== schema) throw new BackupError(`The backup was taken at schema ${taken}, and this Convene is at ${schema}: restore it with the Convene version that made it`);
	if (!options.replace && (await holdsData(db))) throw new BackupError('The database already holds data: restore into an empty database, or pass --replace to replace everything in it');
	let restored = 0;
	let isComplete = false;
	// One transaction, with the emptying: all or nothing. The file's own BEGIN and COMMIT are this transaction's.
	await db.transaction(async (tx) => {
		await emptyAll(tx);
		for (let next = await lines.next(); !next.done; next = await lines.next()) {
			const line = next.value.replace(/\r$/, '');
			if (!line.trim() || line.startsWith('--') || line === 'BEGIN;' || /^SET standard_conforming_strings/.test(line)) continue;
			if (line === 'COMMIT;') {
				isComplete = true;
				continue;
			}
			const result = (await tx.execute(sql.raw(line.replace(/;\s*$/, '')))) as unknown as { rowCount?: number | null; affectedRows?: number };
			if (line.startsWith('INSERT')) restored += result.rowCount ?? result.affectedRows ?? 0;
		}
		// A file cut short (a full disk, a copy interrupted) restores nothing.
		if (!isComplete) throw new BackupError('The backup file is incomplete (it does not end with COMMIT): nothing was restored');
	});
	return { rows: restored };
}

/** Row count and a checksum of every public table: two databases with the same data give the same. */
export async function contentFingerprint(db: Executor): Promise<Record<string, { rows: number; md5: string }>> {
	const out: Record<string, { rows: number; md5: string }> = {};
	for (const t of await tablesInOrder(db)) {
		const [r] = await rows<{ rows: number; md5: string }>(db, sql.raw(`select count(*)::int as rows, coalesce(md5(string_agg(row_to_json(t)::text, E'\\n' order by row_to_json(t)::text)), '') as md5 from ${ident(t.name)} t`));
		out[t.name] = r;
	}
	return out;
}
