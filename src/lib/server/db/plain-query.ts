// Plain SQL for the one path that must be cheap under load: a registration. Its statements are
// written once as text and sent straight to the driver under a Drizzle executor (the same connection
// and transaction), skipping the query builder; on PostgreSQL each is a named prepared statement, so
// the server parses and plans it once per connection. Measured with bench/register.ts: the builder
// and the extra round trips it made were about half of a registration's CPU in the web process.
import type { Executor } from './index';

/** A statement's text and a name unique to that text (PostgreSQL prepares it under that name). */
export interface PlainStatement {
	readonly name: string;
	readonly text: string;
}

interface DriverClient {
	query(...args: unknown[]): Promise<{ rows: unknown[] }>;
	exec?: unknown;
}

const names = new Map<string, string>();

/** A statement; the same name twice with a different text is a programming error, caught here. */
export function plainStatement(name: string, text: string): PlainStatement {
	const known = names.get(name);
	if (known !== undefined && known !== text) throw new Error(`Two texts for the plain statement "${name}"`);
	names.set(name, text);
	return { name, text };
}

/**
 * The driver's client under a Drizzle database or transaction: node-postgres's pool or pooled
 * client, or PGlite (the instance or its transaction). Drizzle keeps it on the executor's session.
 */
function clientOf(via: Executor): DriverClient {
	const client = (via as unknown as { session?: { client?: DriverClient } }).session?.client;
	if (!client || typeof client.query !== 'function') throw new Error('plainRows: no driver client under this executor (has Drizzle changed its session?)');
	return client;
}

/** The rows of `statement` with $1… bound to `values`, in the executor's transaction when it is one. */
export async function plainRows<T>(via: Executor, statement: PlainStatement, values: unknown[]): Promise<T[]> {
	const client = clientOf(via);
	// PGlite (it has exec) takes text and parameters; node-postgres a config naming the statement.
	const result = typeof client.exec === 'function' ? await client.query(statement.text, values) : await client.query({ name: statement.name, text: statement.text, values });
	return result.rows as T[];
}
