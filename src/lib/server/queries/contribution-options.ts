// Choices offered by the public contribution forms (practices, written inputs).
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { guidingPrinciple, objective } from '../db/schema';
import { categoryDisplayLabel, GCM_FRAMEWORK_ID } from '../../domain/reference';
import { listCategories, listCountries, listSubregions } from './reference';

export async function contributionOptions(db: Executor, frameworkId = GCM_FRAMEWORK_ID) {
	const [objectives, principles, subregions, countries, categories] = await Promise.all([
		db.select({ id: objective.id, number: objective.number, title: objective.title, shortTitle: objective.shortTitle }).from(objective).where(eq(objective.frameworkId, frameworkId)).orderBy(asc(objective.number)),
		db.select({ id: guidingPrinciple.id, letter: guidingPrinciple.letter, name: guidingPrinciple.name }).from(guidingPrinciple).where(eq(guidingPrinciple.frameworkId, frameworkId)).orderBy(asc(guidingPrinciple.letter)),
		listSubregions(db),
		listCountries(db),
		listCategories(db)
	]);
	// Not the directory's options: those list every organization, which the public forms do not need.
	return { objectives, principles, subregions, countries, categories: categories.map((c) => ({ id: c.id, label: categoryDisplayLabel(c.label) })) };
}
