// Full-text search of the repository of good practices (issue 8, begun): PostgreSQL's English
// text search over title and summary (a generated tsvector with a GIN index, the same on PGlite
// and PostgreSQL), with filters, ranked by relevance; published practices only unless asked.
import { and, asc, desc, eq, exists, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db';
import { country, guidingPrinciple, objective, practice, practiceObjective, practicePrinciple, stakeholderCategory, subregion } from '../db/schema';
import { listCategories, listSubregions } from './reference';

export interface PracticeQuery {
	q?: string;
	objectiveId?: string;
	subregionId?: string;
	countryCode?: string;
	categoryId?: string;
	includeUnpublished?: boolean;
	limit?: number;
	offset?: number;
}

export async function searchPractices(db: Executor, query: PracticeQuery) {
	const q = query.q?.trim().slice(0, 200) ?? '';
	const tsquery = sql`websearch_to_tsquery('english', ${q})`;
	const conditions: SQL[] = [];
	if (!query.includeUnpublished) conditions.push(eq(practice.status, 'published'));
	if (q) conditions.push(sql`${practice.searchVector} @@ ${tsquery}`);
	if (query.subregionId) conditions.push(eq(practice.subregionId, query.subregionId));
	if (query.countryCode) conditions.push(eq(practice.countryCode, query.countryCode));
	if (query.categoryId) conditions.push(eq(practice.categoryId, query.categoryId));
	if (query.objectiveId) {
		conditions.push(exists(db.select({ one: sql`1` }).from(practiceObjective).where(and(eq(practiceObjective.practiceId, practice.id), eq(practiceObjective.objectiveId, query.objectiveId)))));
	}
	const where = conditions.length ? and(...conditions) : undefined;
	const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
	const rank = q ? sql<number>`ts_rank(${practice.searchVector}, ${tsquery})` : sql<number>`0::real`;
	const rows = await db
		.select({ id: practice.id, title: practice.title, summary: practice.summary, countryCode: practice.countryCode, subregionId: practice.subregionId, categoryId: practice.categoryId, rank })
		.from(practice)
		.where(where)
		.orderBy(...(q ? [desc(rank)] : []), desc(practice.createdAt), practice.id)
		.limit(limit)
		.offset(Math.max(query.offset ?? 0, 0));
	const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(practice).where(where);
	return { total, rows };
}

/** One published good practice with its place, group, objectives and principles (never its submitter); null when not published. */
export async function getPublishedPractice(db: Executor, id: string) {
	const [row] = await db
		.select({ p: practice, country: country.name, subregion: subregion.name, category: stakeholderCategory.label })
		.from(practice)
		.leftJoin(country, eq(country.code, practice.countryCode))
		.leftJoin(subregion, eq(subregion.id, practice.subregionId))
		.leftJoin(stakeholderCategory, eq(stakeholderCategory.id, practice.categoryId))
		.where(and(eq(practice.id, id), eq(practice.status, 'published')));
	if (!row) return null;
	const objectives = await db.select({ number: objective.number, shortTitle: objective.shortTitle }).from(practiceObjective).innerJoin(objective, eq(objective.id, practiceObjective.objectiveId)).where(eq(practiceObjective.practiceId, row.p.id)).orderBy(asc(objective.number));
	const principles = await db.select({ id: guidingPrinciple.id, name: guidingPrinciple.name }).from(practicePrinciple).innerJoin(guidingPrinciple, eq(guidingPrinciple.id, practicePrinciple.principleId)).where(eq(practicePrinciple.practiceId, row.p.id)).orderBy(asc(guidingPrinciple.letter));
	return { ...row, objectives, principles };
}

/** What the practices search can be filtered by: objectives, subregions and stakeholder groups, in their order. */
export async function practiceFilterOptions(db: Executor) {
	const objectives = await db.select({ id: objective.id, number: objective.number, shortTitle: objective.shortTitle }).from(objective).orderBy(asc(objective.number));
	const [subregions, categories] = await Promise.all([listSubregions(db), listCategories(db)]);
	return { objectives, subregions, categories };
}
