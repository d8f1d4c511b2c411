// Reading the descriptive fields of an attendee as people write them in a spreadsheet: a country
// as its code, name or adjective; a stakeholder category as its id, label or a member noun; a
// gender in a few common spellings.

import { CATEGORY_TERMS, COUNTRY_TERMS } from './lexicon';
import { fold } from './normalize';

const norm = (s: string) => fold(s.trim()).text.replace(/[\s_-]+/g, ' ');

const countries = new Map<string, string>();
for (const [code, terms] of Object.entries(COUNTRY_TERMS)) {
	countries.set(norm(code), code);
	for (const t of terms) countries.set(norm(t), code);
}

/** ISO code of a country given as code, name or adjective; null when unknown. */
export function countryCode(value: string): string | null {
	return countries.get(norm(value)) ?? null;
}

export function categoryId(value: string, labels: Readonly<Record<string, string>>): string | null {
	const v = norm(value);
	for (const [id, label] of Object.entries(labels)) if (norm(id) === v || norm(label) === v || norm(label.replace(/^the /, '')) === v) return id;
	for (const [id, terms] of Object.entries(CATEGORY_TERMS)) if (terms.some((t) => norm(t) === v || `${norm(t)}s` === v)) return id;
	return null;
}

const GENDER_SPELLINGS: Record<string, string> = {
	woman: 'woman', women: 'woman', female: 'woman', f: 'woman', w: 'woman',
	man: 'man', men: 'man', male: 'man', m: 'man',
	'non binary': 'non-binary', nonbinary: 'non-binary',
	'self described': 'self-described',
	'prefer not to say': 'prefer-not-to-say'
};

export function genderCode(value: string): string | null {
	return GENDER_SPELLINGS[norm(value)] ?? null;
}
