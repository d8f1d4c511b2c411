// A privacy finding in the staff member's language. The check stores what it found (the words, whose
// they are, the descriptor and the counts) once per text, in the cache every reader shares; each
// page words it for its reader. A finding stored before the check kept those facts is shown in the
// English it was stored with.
import { m } from '../../paraglide/messages';
import { getLocale, type Locale } from '../../paraglide/runtime';
import { formatNumber, genderLabel } from '../../format';
import { referenceNames } from '../reference-names';
import type { StoredFinding } from './gate';
import type { Descriptor } from '../../domain/privacy/anonymity';

const englishRegions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
/** "south-east-asia" → "south east asia": the words of a reference id, for English. */
const words = (id: string) => id.replace(/-/g, ' ');

/** "Country: Bhutan, Stakeholder group: parliamentarians" in the reader's language. */
export function descriptorText(d: Descriptor, locale: Locale = getLocale()): string {
	const names = referenceNames(locale);
	const o = { locale };
	const named = (key: string, value: string): [string, string] => {
		switch (key) {
			case 'country':
				return [m.field_country({}, o), names.country(value, englishRegions.of(value) ?? value)];
			case 'subregion':
				return [m.field_subregion({}, o), names.subregion(value, words(value))];
			case 'category':
				return [m.field_category({}, o), names.category(value, words(value))];
			case 'gender':
				return [m.field_gender({}, o), genderLabel(value, locale)];
			default:
				return [m.privacy_descriptor_organization_type({}, o), words(value)];
		}
	};
	const part = (key: string, value: string) => {
		const [label, text] = named(key, value);
		return m.privacy_descriptor_part({ label, value: text }, o);
	};
	return Object.entries(d)
		.filter((e): e is [string, string] => typeof e[1] === 'string')
		.map(([key, value]) => part(key, value))
		.join(', ');
}

export function findingText(f: StoredFinding, locale: Locale = getLocale()): string {
	const o = { locale };
	const text = f.text;
	switch (f.kind) {
		case 'anonymity':
			if (!f.descriptor || f.matching === undefined || f.k === undefined) return f.explanation;
			return m.privacy_anonymity({ text, matching: formatNumber(f.matching, locale), descriptor: descriptorText(f.descriptor, locale), k: formatNumber(f.k, locale) }, o);
		case 'person':
			if (f.severity === 'warn') return m.privacy_person_on_record({ text }, o);
			return f.subject ? m.privacy_person({ text, subject: f.subject }, o) : f.explanation;
		case 'email':
			return f.subject ? m.privacy_email_of({ text, subject: f.subject }, o) : m.privacy_email({ text }, o);
		case 'phone':
			return m.privacy_phone({ text }, o);
		case 'organization':
			return f.subject ? m.privacy_organization({ text, subject: f.subject }, o) : f.explanation;
		default:
			return f.explanation;
	}
}
