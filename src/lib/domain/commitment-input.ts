// Pledges (who commits to what, for which objectives) and country commitments (champion country,
// voluntary national review, national action plan), as the secretariat records them.
import { z } from 'zod';
import { COMMITMENT_PLAN_STATUSES, PLEDGE_STATUSES } from './enums';
import { optional, text } from './registration-input';

export const ZPledgeInput = z.object({
	pledgerName: text(300, { isRequired: true }),
	countryCode: optional(z.string().regex(/^[A-Z]{2}$/, 'invalid')),
	commitment: text(2000, { isRequired: true }),
	objectiveIds: z.array(z.string().regex(/^[a-z0-9-]+$/, 'invalid')).max(30, 'too-many').default([]),
	status: z.enum(PLEDGE_STATUSES, { error: 'invalid' }).default('announced')
});
export type TPledgeInput = z.output<typeof ZPledgeInput>;

export const ZPledgeStatus = z.enum(PLEDGE_STATUSES, { error: 'invalid' });

export interface CountryCommitmentRow {
	countryCode: string;
	isChampion: boolean;
	voluntaryReviewYear: number | null;
	nationalActionPlanStatus: (typeof COMMITMENT_PLAN_STATUSES)[number];
}

/**
 * Reads the countries table of the form: fields `champion.XX` (checkbox), `vnr.XX` (a year from
 * 2019, when the first reviews were presented, to 2100) and `nap.XX`. Errors are keyed by field.
 */
export function parseCountryCommitments(fields: Iterable<[string, string]>, countryCodes: readonly string[]): { ok: true; rows: CountryCommitmentRow[] } | { ok: false; errors: Record<string, string> } {
	const values = new Map(fields);
	const errors: Record<string, string> = {};
	const rows: CountryCommitmentRow[] = [];
	for (const code of countryCodes) {
		const year = (values.get(`vnr.${code}`) ?? '').trim();
		const plan = values.get(`nap.${code}`) ?? 'none';
		const n = Number(year);
		if (year && (!/^\d{4}$/.test(year) || n < 2019 || n > 2100)) errors[`vnr.${code}`] = 'vnr-year';
		if (!(COMMITMENT_PLAN_STATUSES as readonly string[]).includes(plan)) errors[`nap.${code}`] = 'invalid';
		rows.push({ countryCode: code, isChampion: values.get(`champion.${code}`) === 'on', voluntaryReviewYear: year ? n : null, nationalActionPlanStatus: plan as CountryCommitmentRow['nationalActionPlanStatus'] });
	}
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, rows };
}

/** A row that says nothing is not stored (and an existing one is removed). */
export const isEmptyCommitment = (r: CountryCommitmentRow) => !r.isChampion && r.voluntaryReviewYear === null && r.nationalActionPlanStatus === 'none';
