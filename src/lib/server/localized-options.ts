// The registration form's reference lists in the reader's language: stakeholder groups, and
// countries sorted by their name in it. Worked out once per language and directory version.
import { referenceNames } from './reference-names';

interface Options {
	countries: { code: string; name: string }[];
	categories: { id: string; label: string }[];
}

const done = new WeakMap<Options, Map<string, Pick<Options, 'countries' | 'categories'>>>();

export function localizedOptions(options: Options, locale: string): Pick<Options, 'countries' | 'categories'> {
	let byLocale = done.get(options);
	if (!byLocale) done.set(options, (byLocale = new Map()));
	let localized = byLocale.get(locale);
	if (!localized) {
		const names = referenceNames(locale);
		localized = {
			countries: options.countries.map((c) => ({ code: c.code, name: names.country(c.code, c.name) })).sort((a, b) => names.compare(a.name, b.name)),
			categories: options.categories.map((c) => ({ id: c.id, label: names.category(c.id, c.label) }))
		};
		byLocale.set(locale, localized);
	}
	return localized;
}
