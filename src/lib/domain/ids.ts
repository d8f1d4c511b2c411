// Database identifiers are UUIDs. A string that is not one never reaches a query: a malformed id
// is "not found" (or a field error), never a database error. Upper case is accepted, as PostgreSQL does.
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string | null | undefined): value is string {
	return typeof value === 'string' && UUID_PATTERN.test(value);
}
