// Reading a submitted form in a route: the few fields every staff form shares.

/** The reason a staff member wrote to publish past a blocking privacy finding; null when the form had none. */
export function overrideReasonOf(form: FormData): string | null {
	const reason = form.get('overrideReason');
	return reason === null ? null : String(reason);
}

/** A text field as sent, or '' when missing (a file sent in its place reads as its name, never its bytes). */
export function textOf(form: FormData, key: string): string {
	const value = form.get(key);
	return value === null ? '' : typeof value === 'string' ? value : value.name;
}
