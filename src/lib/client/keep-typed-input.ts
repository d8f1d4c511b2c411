/**
 * Keeps what a person typed into a form before the page finished hydrating.
 *
 * Svelte writes each `value={...}` back into its field when it hydrates the server-rendered page,
 * which erases anything typed on a slow connection while the scripts were still loading (and the
 * `required` check then silently blocks the submission). `watchTypedInput` runs before hydration
 * and records every field the person changed; `restoreTypedInput` runs once the page is hydrated
 * and puts those values back, firing `input` and `change` so bindings see them.
 */

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
type Typed = { value?: string; checked?: boolean; selected?: boolean[] };

const typed = new Map<Field, Typed>();
let listening = false;

function isField(target: EventTarget | null): target is Field {
	return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

function snapshot(field: Field): Typed | null {
	if (field instanceof HTMLSelectElement) {
		const options = [...field.options];
		return options.some((o) => o.selected !== o.defaultSelected) ? { selected: options.map((o) => o.selected) } : null;
	}
	if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) {
		return field.checked !== field.defaultChecked ? { checked: field.checked } : null;
	}
	if (field instanceof HTMLInputElement && (field.type === 'file' || field.type === 'hidden' || field.type === 'password')) return null;
	return field.value !== field.defaultValue ? { value: field.value } : null;
}

function record(event: Event) {
	if (!isField(event.target)) return;
	const state = snapshot(event.target);
	if (state) typed.set(event.target, state);
	else typed.delete(event.target);
}

export function watchTypedInput(root: Document = document) {
	for (const field of root.querySelectorAll<Field>('input, textarea, select')) {
		const state = snapshot(field);
		if (state) typed.set(field, state);
	}
	if (!listening) {
		root.addEventListener('input', record, true);
		root.addEventListener('change', record, true);
		listening = true;
	}
}

export function restoreTypedInput(root: Document = document) {
	root.removeEventListener('input', record, true);
	root.removeEventListener('change', record, true);
	listening = false;
	for (const [field, state] of typed) {
		if (!field.isConnected) continue;
		let changed = false;
		if (state.value !== undefined && field.value !== state.value) {
			field.value = state.value;
			changed = true;
		}
		if (state.checked !== undefined && field instanceof HTMLInputElement && field.checked !== state.checked) {
			field.checked = state.checked;
			changed = true;
		}
		if (state.selected && field instanceof HTMLSelectElement) {
			[...field.options].forEach((option, i) => {
				if (state.selected && option.selected !== state.selected[i]) {
					option.selected = state.selected[i] ?? false;
					changed = true;
				}
			});
		}
		if (changed) {
			field.dispatchEvent(new Event('input', { bubbles: true }));
			field.dispatchEvent(new Event('change', { bubbles: true }));
		}
	}
	typed.clear();
}
