// What PostgreSQL refused, read the same way on both drivers (node-postgres puts the code on the
// error, drizzle wraps it in `cause`; PGlite the same). One place, so that a use-case asks "which
// unique rule did this break?" rather than parsing error codes.

interface PgErrorFields {
	code?: string;
	constraint?: string;
	message?: string;
}

function pgFields(error: unknown): PgErrorFields {
	if (typeof error !== 'object' || error === null) return {};
	const e = error as PgErrorFields & { cause?: PgErrorFields };
	return { code: e.cause?.code ?? e.code, constraint: e.cause?.constraint ?? e.constraint, message: e.cause?.message ?? e.message };
}

/** The unique constraint a write broke (its name, or 'unique' when the driver does not say), or null for any other error. */
export function uniqueViolation(error: unknown): string | null {
	const e = pgFields(error);
	return e.code === '23505' ? (e.constraint ?? 'unique') : null;
}

/**
 * Whether the transaction was chosen as a deadlock's victim (two transactions each waiting for a row
 * the other holds): it was rolled back whole and may simply run again.
 */
export function isDeadlock(error: unknown): boolean {
	return pgFields(error).code === '40P01';
}

/** Whether a write pointed at a row that does not exist (a foreign key). */
export function isForeignKeyViolation(error: unknown): boolean {
	return pgFields(error).code === '23503';
}

/** The database's own sentence for an error, for an operator's log or a conflict report. */
export function databaseMessage(error: unknown): string {
	return pgFields(error).message ?? String(error);
}
