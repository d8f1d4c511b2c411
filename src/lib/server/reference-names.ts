// The reference data in the reader's language: stakeholder groups, subregions and GCM objectives
// from reference/translations.json (the official UN wording where it was found; see its `source`
// fields), country names from the ICU data Node carries (Intl.DisplayNames, CLDR). English is the
// database's own wording. Server-side only: the table stays out of the pages' JavaScript.
import translations from '../../../reference/translations.json';

type Names = Record<string, Partial<Record<string, unknown>>>;

const categories = translations.stakeholderCategories as Names;
const subregions = translations.subregions as Names;
const objectives = translations.objectives as Record<string, Partial<Record<string, { title?: string; shortTitle?: string }>>>;

const displayNames = new Map<string, Intl.DisplayNames | null>();
function regionNames(locale: string): Intl.DisplayNames | null {
	let names = displayNames.get(locale);
	if (names === undefined) {
		try {
			names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
		} catch {
			names = null;
		}
		displayNames.set(locale, names);
	}
	return names;
}

const text = (value: unknown, fallback: string) => (typeof value === 'string' && value ? value : fallback);

export interface ReferenceNames {
	category(id: string | null | undefined, english: string): string;
	subregion(id: string | null | undefined, english: string): string;
	country(code: string | null | undefined, english: string): string;
	objective(number: number, english: string): string;
	objectiveShort(number: number, english: string): string;
	/** Sorts by name the way this language does. */
	compare(a: string, b: string): number;
}

const collators = new Map<string, Intl.Collator>();

export function referenceNames(locale: string): ReferenceNames {
	let collator = collators.get(locale);
	if (!collator) collators.set(locale, (collator = new Intl.Collator(locale)));
	const compare = collator.compare;
	if (locale === 'en') {
		return { category: (_, e) => e, subregion: (_, e) => e, country: (_, e) => e, objective: (_, e) => e, objectiveShort: (_, e) => e, compare };
	}
	return {
		category: (id, e) => (id ? text(categories[id]?.[locale], e) : e),
		subregion: (id, e) => (id ? text(subregions[id]?.[locale], e) : e),
		country: (code, e) => {
			if (!code) return e;
			try {
				return text(regionNames(locale)?.of(code), e);
			} catch {
				return e;
			}
		},
		objective: (n, e) => text(objectives[String(n)]?.[locale]?.title, e),
		objectiveShort: (n, e) => text(objectives[String(n)]?.[locale]?.shortTitle, e),
		compare
	};
}
