// Database identifiers are UUIDs. A string that is not one never reaches a query: a malformed id
// is "not found" (or a field error), never a database error. Upper case is accepted, as PostgreSQL does.
import { z } from 'zod';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string | null | undefined): value is string {
	return typeof value === 'string' && UUID_PATTERN.test(value);
}

// The four ids most often confused are branded: a person's id cannot be passed where a registration's
// is expected, though all are UUID strings at run time. The database columns carry the brand
// (`$type<>` in the schema), so ids read from a table are already branded; an id that arrives as text
// (a URL segment, a form field) gets its brand only by passing the UUID check in `idOf`.
declare const brand: unique symbol;
type Branded<B extends string> = string & { readonly [brand]: B };

export type ConsultationId = Branded<'ConsultationId'>;
export type PersonId = Branded<'PersonId'>;
export type RegistrationId = Branded<'RegistrationId'>;
export type OrganizationId = Branded<'OrganizationId'>;
export type BrandedId = ConsultationId | PersonId | RegistrationId | OrganizationId;

/** The id, branded, when `value` is a UUID; null otherwise (a forged or mangled id is "not found"). */
export function idOf<T extends BrandedId>(value: string | null | undefined): T | null {
	return isUuid(value) ? (value as T) : null;
}

/** A form or JSON field holding one of the branded ids: a UUID, or the field error `message`. */
export const zId = <T extends BrandedId>(message = 'invalid') =>
	z
		.string()
		.regex(UUID_PATTERN, message)
		.transform((v) => v as T);
