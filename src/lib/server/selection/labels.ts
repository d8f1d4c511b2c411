// The words for the values the selection works with (subregion names, gender labels, stakeholder
// group labels, "not stated"), in the reader's language.
import { asc } from 'drizzle-orm';
import type { Database } from '../db';
import { stakeholderCategory, subregion } from '../db/schema';
import { NOT_STATED } from '../use-cases/select-participants';
import { GENDERS } from '../../domain/enums';
import { genderLabel } from '../../format';
import { m } from '../../paraglide/messages';

export async function selectionLabels(db: Database): Promise<(dimension: string, value: string) => string> {
	const [subregions, categories] = await Promise.all([db.select().from(subregion).orderBy(asc(subregion.position)), db.select().from(stakeholderCategory).orderBy(asc(stakeholderCategory.position))]);
	const names: Record<string, Record<string, string>> = {
		subregion: Object.fromEntries(subregions.map((s) => [s.id, s.name])),
		gender: Object.fromEntries(GENDERS.map((g) => [g, genderLabel(g)])),
		category: Object.fromEntries(categories.map((x) => [x.id, x.label]))
	};
	return (dimension, value) => (value === NOT_STATED ? m.not_stated() : (names[dimension]?.[value] ?? value));
}
