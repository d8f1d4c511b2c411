// One way to turn a schema's refusal into what a form shows: the first problem of each field, as a
// message key ('required', 'too-long', 'email-invalid', …) that $lib/error-text turns into a sentence
// in the reader's language. A message that is not a key (a library's own English sentence) becomes
// 'invalid', so no untranslated text reaches a form.
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

const KEY = /^[a-z][a-z-]*$/;

export function zodFieldErrors(error: z.ZodError): FieldErrors {
	const out: FieldErrors = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? '_');
		out[field] ??= KEY.test(issue.message) ? issue.message : 'invalid';
	}
	return out;
}

/** Parses with a schema: the value, or every field's first problem at once. */
export function parseWith<T extends z.ZodType>(schema: T, raw: unknown): { ok: true; data: z.output<T> } | { ok: false; errors: FieldErrors } {
	const parsed = schema.safeParse(raw);
	return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: zodFieldErrors(parsed.error) };
}
