// The words for the values the selection works with (subregion names, gender labels, stakeholder
// group labels, "not stated"), in the reader's language.
import type { Executor } from '../db';
import { listCategories, listSubregions } from './reference';
import { NOT_STATED } from './selection';
import { GENDERS } from '../../domain/enums';
import { genderLabel } from '../../format';
import { m } from '../../paraglide/messages';
import { getLocale } from '../../paraglide/runtime';
import { referenceNames } from '../reference-names';

export async function selectionLabels(db: Executor): Promise<(dimension: string, value: string) => string> {
	const [subregions, categories] = await Promise.all([listSubregions(db), listCategories(db)]);
	const inLanguage = referenceNames(getLocale());
	const names: Record<string, Record<string, string>> = {
		subregion: Object.fromEntries(subregions.map((s) => [s.id, inLanguage.subregion(s.id, s.name)])),
		gender: Object.fromEntries(GENDERS.map((g) => [g, genderLabel(g)])),
		category: Object.fromEntries(categories.map((x) => [x.id, inLanguage.category(x.id, x.label)]))
	};
	return (dimension, value) => (value === NOT_STATED ? m.not_stated() : (names[dimension]?.[value] ?? value));
}
