// Counts and shares of registrations by one dimension (subregion, gender, stakeholder category),
// for the organizer's balance view. Shares are of the rows given, rounded to whole per cent by
// largest remainder so that a column adds up to exactly 100.

export interface BalanceRow {
	key: string; // '' = not stated
	count: number;
	percent: number;
}

export function balanceBy<T>(rows: readonly T[], keyOf: (row: T) => string | null | undefined): BalanceRow[] {
	const counts = new Map<string, number>();
	for (const row of rows) {
		const key = keyOf(row) ?? '';
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	const total = rows.length;
	const entries = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
	if (total === 0) return [];
	const exact = entries.map(([, n]) => (n * 100) / total);
	const floors = exact.map(Math.floor);
	let missing = 100 - floors.reduce((a, b) => a + b, 0);
	const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	for (const [, i] of order) {
		if (missing <= 0) break;
		floors[i]++;
		missing--;
	}
	return entries.map(([key, count], i) => ({ key, count, percent: floors[i] }));
}

// ---------------------------------------------------------------------------------------------
// Targets: the least share, in per cent, the organizers want for a value of a dimension
// ("at least 40 per cent women", "each subregion at least 15 per cent").
// ---------------------------------------------------------------------------------------------

export const BALANCE_DIMENSIONS = ['subregion', 'gender', 'category'] as const;
export type BalanceDimension = (typeof BALANCE_DIMENSIONS)[number];
export type BalanceTargets = Partial<Record<BalanceDimension, Record<string, number>>>;

export type TargetCheck = 'met' | 'below' | 'none';

export interface BalanceRowWithTarget extends BalanceRow {
	target: number | null;
	check: TargetCheck;
}

/**
 * Joins counts with targets. Every value with a target is listed, even one nobody registered
 * under (it is then 0 per cent and "below"), because an absent group is what organizers most need
 * to see. Met means the exact share (not the rounded one) reaches the target.
 */
export function againstTargets(rows: readonly BalanceRow[], targets: Record<string, number> | undefined, total: number): BalanceRowWithTarget[] {
	const result: BalanceRowWithTarget[] = rows.map((r) => {
		const target = targets?.[r.key] ?? null;
		return { ...r, target, check: target === null ? 'none' : total > 0 && (r.count * 100) / total >= target ? 'met' : 'below' };
	});
	for (const [key, target] of Object.entries(targets ?? {})) {
		if (!rows.some((r) => r.key === key)) result.push({ key, count: 0, percent: 0, target, check: target > 0 ? 'below' : 'met' });
	}
	return result;
}

/**
 * Reads targets from a form: fields named `target.<dimension>.<value>` holding a whole per cent
 * (empty = no target). Values must be among the known ones. Errors are keyed by field name.
 */
export function parseTargets(
	fields: Iterable<[string, string]>,
	known: Record<BalanceDimension, readonly string[]>
): { ok: true; targets: BalanceTargets } | { ok: false; errors: Record<string, string> } {
	const targets: BalanceTargets = {};
	const errors: Record<string, string> = {};
	const sums: Partial<Record<BalanceDimension, number>> = {};
	for (const [name, raw] of fields) {
		const match = /^target\.([a-z]+)\.(.+)$/.exec(name);
		if (!match) continue;
		const dimension = match[1] as BalanceDimension;
		const value = match[2];
		if (!BALANCE_DIMENSIONS.includes(dimension) || !known[dimension].includes(value)) {
			errors[name] = 'invalid';
			continue;
		}
		const text = raw.trim();
		if (text === '') continue;
		if (!/^\d{1,3}$/.test(text) || Number(text) > 100) {
			errors[name] = 'percent';
			continue;
		}
		const percent = Number(text);
		if (percent === 0) continue;
		(targets[dimension] ??= {})[value] = percent;
		sums[dimension] = (sums[dimension] ?? 0) + percent;
	}
	for (const dimension of BALANCE_DIMENSIONS) {
		if ((sums[dimension] ?? 0) > 100) errors[`target.${dimension}`] = 'targets-over-100';
	}
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, targets };
}
