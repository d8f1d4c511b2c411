// The organizer's quota table as a form: `quota.<dimension>.<value>.min` and `.max` per row, the
// panel size and the seed. Every problem is reported per field; nothing is run until all are right.
import type { Quota } from './problem';

export interface QuotaForm {
	panelSize: number;
	seed: string;
	quotas: Quota[];
}

export function parseQuotaForm(
	fields: Iterable<[string, string]>,
	known: Readonly<Record<string, readonly string[]>>,
	poolSize: number
): { ok: true; form: QuotaForm } | { ok: false; errors: Record<string, string> } {
	const values = new Map(fields);
	const errors: Record<string, string> = {};
	const whole = (name: string, text: string | undefined): number | null => {
		const t = (text ?? '').trim();
		if (!/^\d{1,5}$/.test(t)) {
			errors[name] = 'whole-number';
			return null;
		}
		return Number(t);
	};
	const panelSize = whole('panelSize', values.get('panelSize'));
	if (panelSize !== null && (panelSize < 1 || panelSize > poolSize)) errors.panelSize = 'panel-size-range';
	const seed = (values.get('seed') ?? '').trim();
	if (!/^[A-Za-z0-9_-]{1,64}$/.test(seed)) errors.seed = 'seed-invalid';
	const quotas: Quota[] = [];
	for (const [name, text] of values) {
		const match = /^quota\.([a-z]+)\.(.+)\.min$/.exec(name);
		if (!match) continue;
		const [, category, feature] = match;
		if (!known[category]?.includes(feature)) {
			errors[name] = 'invalid';
			continue;
		}
		const maxName = `quota.${category}.${feature}.max`;
		const isEmpty = (text ?? '').trim() === '' && (values.get(maxName) ?? '').trim() === '';
		if (isEmpty) continue; // no quota on this value
		const min = (text ?? '').trim() === '' ? 0 : whole(name, text);
		const max = (values.get(maxName) ?? '').trim() === '' ? (panelSize ?? 0) : whole(maxName, values.get(maxName));
		if (min === null || max === null) continue;
		if (min > max) {
			errors[name] = 'min-above-max';
			continue;
		}
		quotas.push({ category, feature, min, max });
	}
	if (Object.keys(errors).length || panelSize === null) return { ok: false, errors };
	return { ok: true, form: { panelSize, seed, quotas } };
}
