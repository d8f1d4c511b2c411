// Quotas from what organizers say: numbers per value, or rules derived from targets — "at least
// 40 per cent women", "each subregion at least two seats", "every category present where someone
// registered". Seats are whole: a share becomes the smallest number of seats that reaches it.

import type { Quota } from './problem';

export interface DimensionCounts {
	category: string; // the registration field, e.g. 'gender'
	/** Registrants per value in the pool. */
	counts: Readonly<Record<string, number>>;
}

export interface QuotaRules {
	panelSize: number;
	/** Least share in per cent per value, per category (the consultation's balance targets). */
	targets?: Readonly<Record<string, Readonly<Record<string, number>>>>;
	/** Least seats for each value present in the pool, per category. */
	eachAtLeast?: Readonly<Record<string, number>>;
	/** Categories in which every value present in the pool gets at least one seat. */
	everyPresent?: readonly string[];
}

export function seatsForShare(percent: number, panelSize: number): number {
	return Math.ceil((percent * panelSize) / 100 - 1e-9);
}

/** One quota per value present in the pool (or targeted): min from the rules, max capped by who registered. */
export function deriveQuotas(dimensions: readonly DimensionCounts[], rules: QuotaRules): Quota[] {
	const quotas: Quota[] = [];
	for (const d of dimensions) {
		const targets = rules.targets?.[d.category] ?? {};
		const values = [...new Set([...Object.keys(d.counts), ...Object.keys(targets)])].sort();
		for (const feature of values) {
			const present = d.counts[feature] ?? 0;
			let min = 0;
			if (targets[feature]) min = Math.max(min, seatsForShare(targets[feature], rules.panelSize));
			if (present > 0 && rules.eachAtLeast?.[d.category]) min = Math.max(min, rules.eachAtLeast[d.category]);
			if (present > 0 && rules.everyPresent?.includes(d.category)) min = Math.max(min, 1);
			// A minimum above who registered is kept: the selection then explains the conflict.
			quotas.push({ category: d.category, feature, min, max: Math.min(rules.panelSize, present) });
		}
	}
	return quotas;
}
