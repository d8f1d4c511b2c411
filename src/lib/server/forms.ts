// Reading a submitted form in a route: the few fields every form shares.
import { idOf, type BrandedId } from '$lib/domain/ids';

/** The reason a staff member wrote to publish past a blocking privacy finding; null when the form had none. */
export function overrideReasonOf(form: FormData): string | null {
	const reason = form.get('overrideReason');
	return reason === null ? null : String(reason);
}


/** A branded id sent in a form field; null when absent or not a UUID (a forged id is "not found"). */
export function formId<T extends BrandedId>(form: FormData, name: string): T | null {
	const value = form.get(name);
	return typeof value === 'string' ? idOf<T>(value) : null;
}

/** What a use-case answers for an unknown record: a route uses it when the id did not even parse. */
export const NOT_FOUND = { ok: false, reason: 'not-found' } as const;
