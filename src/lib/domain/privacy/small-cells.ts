// Small-cell suppression for statistics: a count under k (but above 0) could point at one or two
// people, so it is shown as "<k". Zero stays 0: an absent group is a finding, not a person.

/** k, the smallest group a statistic may name or a descriptor may fit, unless a consultation sets more (DESIGN.md). */
export const DEFAULT_K = 3;

export function suppressCount(count: number, k: number): string {
	return count > 0 && count < k ? `<${k}` : String(count);
}

export function suppressTable<T extends Record<string, unknown>>(rows: readonly T[], countKeys: readonly (keyof T)[], k: number): Record<keyof T, unknown>[] {
	return rows.map((row) => {
		const out = { ...row } as Record<keyof T, unknown>;
		for (const key of countKeys) {
			const v = row[key];
			if (typeof v === 'number') out[key] = suppressCount(v, k);
		}
		return out;
	});
}
