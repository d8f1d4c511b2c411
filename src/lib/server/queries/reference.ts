// Reference lists the forms and filters offer, each in its display order: stakeholder groups (the
// GCM's order), subregions (ESCAP's order), countries (by name).
import { asc } from 'drizzle-orm';
import type { Executor, Database } from '../db';
import { country, stakeholderCategory, subregion } from '../db/schema';
import { type BalanceDimension } from '../../domain/balance';
import { GENDERS } from '../../domain/enums';

export function listCategories(db: Executor) {
	return db.select({ id: stakeholderCategory.id, label: stakeholderCategory.label }).from(stakeholderCategory).orderBy(asc(stakeholderCategory.position));
}

export function listSubregions(db: Executor) {
	return db.select({ id: subregion.id, name: subregion.name }).from(subregion).orderBy(asc(subregion.position));
}

export function listCountries(db: Executor) {
	return db.select({ code: country.code, name: country.name }).from(country).orderBy(asc(country.name));
}

/** The three lists at once, for a filter form. */
export async function referenceLists(db: Executor) {
	const [categories, subregions, countries] = await Promise.all([listCategories(db), listSubregions(db), listCountries(db)]);
	return { categories, subregions, countries };
}

export async function knownBalanceValues(db: Database): Promise<Record<BalanceDimension, string[]>> {
	const [subregions, categories] = await Promise.all([
		db.select({ id: subregion.id }).from(subregion).orderBy(asc(subregion.position)),
		db.select({ id: stakeholderCategory.id }).from(stakeholderCategory).orderBy(asc(stakeholderCategory.position))
	]);
	return { subregion: subregions.map((s) => s.id), gender: [...GENDERS], category: categories.map((c) => c.id) };
}
