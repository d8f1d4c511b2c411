// What a refused form action sends back (the values typed and an error key per field), read the
// same way by the public forms, so that nothing typed is lost and each error is tied to its field.
export function formState(form: unknown) {
	const sent = (form ?? {}) as { values?: Record<string, unknown>; errors?: Record<string, string> };
	const values = sent.values ?? {};
	const errors = sent.errors ?? {};
	return {
		values,
		errors,
		text: (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : ''),
		chosen: (key: string) => (Array.isArray(values[key]) ? (values[key] as string[]) : []),
		described: (key: string) => (errors[key] ? `${key}-error` : undefined)
	};
}
