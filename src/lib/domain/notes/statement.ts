// A statement as the rapporteur records it: who spoke (a person, or nobody identified), under which
// attribution, with which descriptor, what was said, whether it is a recommendation, and which
// objectives it touches. Parsing is strict: a bad field is an error message, nothing is stored.

import { z } from 'zod';
import type { Descriptor } from '../privacy/anonymity';

export const DESCRIPTOR_KINDS = ['category', 'country', 'subregion', 'gender'] as const;
export type DescriptorKind = (typeof DESCRIPTOR_KINDS)[number];
export interface StatementDescriptor {
	kind: DescriptorKind;
	value: string;
}

export const MAX_STATEMENT_LENGTH = 20_000;

const optional = z
	.string()
	.trim()
	.transform((v) => v || null);

export const ZStatementForm = z.object({
	statementId: z.uuid({ error: 'invalid' }),
	version: optional,
	speaker: optional,
	attribution: z.enum(['auto', 'on-record', 'non-attributable'], { error: 'invalid' }),
	category: optional,
	country: optional,
	subregion: optional,
	gender: z.enum(['', 'woman', 'man'], { error: 'invalid' }).transform((v) => v || null),
	text: z.string().trim().min(1, { error: 'required' }).max(MAX_STATEMENT_LENGTH, { error: 'too-long' }),
	isRecommendation: z.boolean(),
	objectives: z.array(z.string())
});
export type StatementForm = z.infer<typeof ZStatementForm>;

export function statementFormFrom(form: FormData): unknown {
	const s = (k: string) => String(form.get(k) ?? '');
	return {
		statementId: s('statementId'),
		version: s('version'),
		speaker: s('speaker'),
		attribution: s('attribution') || 'auto',
		category: s('category'),
		country: s('country'),
		subregion: s('subregion'),
		gender: s('gender'),
		text: s('text'),
		isRecommendation: form.get('isRecommendation') === 'on',
		objectives: form.getAll('objectives').map(String)
	};
}

export function descriptorsOf(form: Pick<StatementForm, 'category' | 'country' | 'subregion' | 'gender'>): StatementDescriptor[] {
	return DESCRIPTOR_KINDS.filter((k) => form[k]).map((kind) => ({ kind, value: form[kind]! }));
}

/** The structured descriptors as one anonymity-set descriptor. */
export function asDescriptor(descriptors: readonly StatementDescriptor[]): Descriptor {
	return Object.fromEntries(descriptors.map((d) => [d.kind, d.value]));
}

export interface DescriptorLabels {
	categoryNoun: (id: string) => string; // singular: "parliamentarian"
	country: (code: string) => string;
	subregion: (id: string) => string;
}

const article = (noun: string) => (/^[aeiou]/i.test(noun) && !/^(uni|eu|one)/i.test(noun) ? `an ${noun}` : `a ${noun}`);

/** "a parliamentarian from Bhutan", "a participant from the Pacific", or null when there is no descriptor. */
export function descriptorPhrase(descriptors: readonly StatementDescriptor[], labels: DescriptorLabels): string | null {
	if (!descriptors.length) return null;
	const d = Object.fromEntries(descriptors.map((x) => [x.kind, x.value])) as Partial<Record<DescriptorKind, string>>;
	let phrase = d.category ? article(labels.categoryNoun(d.category)) : 'a participant';
	if (d.country) phrase += ` from ${labels.country(d.country)}`;
	else if (d.subregion) phrase += ` from ${labels.subregion(d.subregion)}`;
	return phrase;
}
