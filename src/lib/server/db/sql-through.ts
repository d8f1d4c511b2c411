// Plain SQL with $1… parameters (what pg-boss speaks) run through a Drizzle executor — the database
// or an open transaction — so that a job is queued in the transaction of the change that causes it.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from './index';

export interface PlainSql {
	executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** pg-boss's plain SQL ($1… parameters) run through a Drizzle executor, so that a job joins its transaction. */
export function sqlThrough(via: Executor): PlainSql {
	return {
		async executeSql(text: string, values: unknown[] = []) {
			const chunks: SQL[] = text.split(/\$(\d+)/).map((part, i) => (i % 2 ? sql`${bindable(values[Number(part) - 1])}` : sql.raw(part)));
			const result = (await via.execute(sql.join(chunks))) as unknown as { rows: unknown[] };
			return { rows: result.rows };
		}
	};
}

// Drizzle drops an undefined parameter from the text (pg-boss passes many): bind NULL instead.
function bindable(value: unknown): unknown {
	if (value === undefined) return null;
	return value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value;
}
