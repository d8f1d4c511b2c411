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

const principles = translations.guidingPrinciples as Names;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
const COUNTRY_CODE = /^[A-Z]{2}$/;

/**
 * A page's data with the reference records in it named in `locale`, whatever query produced them:
 * an objective ({ number, shortTitle, title? }), a country ({ code, name } or { countryCode,
 * country }), a stakeholder group ({ id, label } or { categoryId, category }), a subregion
 * ({ id, name } or { subregionId, subregion }) and a guiding principle ({ id, name }). Ids tell
 * them apart (slugs of the reference files, ISO codes), so nothing typed by a person is touched.
 * Returns new objects; the cached ones it reads stay as they are.
 */
export function localizeReferenceData<T>(value: T, locale: string, depth = 0): T {
	if (locale === 'en' || depth > 8) return value;
	const names = referenceNames(locale);
	if (Array.isArray(value)) return value.map((v) => localizeReferenceData(v, locale, depth + 1)) as T;
	if (!isRecord(value)) return value;
	const out: Record<string, unknown> = {};
	for (const [key, v] of Object.entries(value)) out[key] = isRecord(v) || Array.isArray(v) ? localizeReferenceData(v, locale, depth + 1) : v;
	const str = (key: string) => (typeof out[key] === 'string' ? (out[key] as string) : null);
	// An objective of the GCM (its id, when the query gave one, says so): another framework's are not in the file.
	if (typeof out.number === 'number' && str('shortTitle') !== null && (str('id') === null || str('id')!.startsWith('gcm-'))) {
		out.shortTitle = names.objectiveShort(out.number, str('shortTitle')!);
		if (str('title') !== null) out.title = names.objective(out.number, str('title')!);
	}
	const id = str('id');
	if (id && str('label') !== null && categories[id]) out.label = names.category(id, str('label')!);
	if (id && str('name') !== null) {
		if (subregions[id]) out.name = names.subregion(id, str('name')!);
		const principle = principles[id.replace(/^[a-z]+-/, '')] ?? principles[id];
		if (principle && typeof principle[locale] === 'string') out.name = principle[locale];
	}
	const code = str('code');
	if (code && COUNTRY_CODE.test(code) && str('name') !== null) out.name = names.country(code, str('name')!);
	if (str('countryCode') && str('country') !== null) out.country = names.country(str('countryCode'), str('country')!);
	if (str('categoryId') && str('category') !== null) out.category = names.category(str('categoryId'), str('category')!);
	if (str('subregionId') && str('subregion') !== null) out.subregion = names.subregion(str('subregionId'), str('subregion')!);
	return out as T;
}
