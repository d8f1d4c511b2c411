// Choices offered by the public contribution forms (practices, written inputs).
import { asc, eq } from 'drizzle-orm';
import type { Executor } from './db';
import { guidingPrinciple, objective, subregion } from './db/schema';
import { loadDirectoryOptions } from './directory-options';
import { categoryDisplayLabel, GCM_FRAMEWORK_ID } from '../domain/reference';

export async function contributionOptions(db: Executor, frameworkId = GCM_FRAMEWORK_ID) {
	const [objectives, principles, subregions, directory] = await Promise.all([
		db.select({ id: objective.id, number: objective.number, title: objective.title, shortTitle: objective.shortTitle }).from(objective).where(eq(objective.frameworkId, frameworkId)).orderBy(asc(objective.number)),
		db.select({ id: guidingPrinciple.id, letter: guidingPrinciple.letter, name: guidingPrinciple.name }).from(guidingPrinciple).where(eq(guidingPrinciple.frameworkId, frameworkId)).orderBy(asc(guidingPrinciple.letter)),
		db.select({ id: subregion.id, name: subregion.name }).from(subregion).orderBy(asc(subregion.position)),
		loadDirectoryOptions(db)
	]);
	return { objectives, principles, subregions, countries: directory.countries, categories: directory.categories.map((c) => ({ id: c.id, label: categoryDisplayLabel(c.label) })) };
}
