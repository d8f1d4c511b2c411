// Reading a submitted form in a route: the few fields every staff form shares.

/** The reason a staff member wrote to publish past a blocking privacy finding; null when the form had none. */
export function overrideReasonOf(form: FormData): string | null {
	const reason = form.get('overrideReason');
	return reason === null ? null : String(reason);
}

