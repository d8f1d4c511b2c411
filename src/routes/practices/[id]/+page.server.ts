import { error } from '@sveltejs/kit';
import { and, asc, eq } from 'drizzle-orm';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { country, guidingPrinciple, objective, practice, practiceObjective, practicePrinciple, stakeholderCategory, subregion } from '$lib/server/db/schema';
import { categoryDisplayLabel } from '$lib/domain/reference';
import { isUuid } from '$lib/domain/ids';

// One published good practice. The submitter's name and email are never shown.
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	if (!isUuid(params.id)) error(404);
	const db = getDb();
	const [row] = await db
		.select({ p: practice, country: country.name, subregion: subregion.name, category: stakeholderCategory.label })
		.from(practice)
		.leftJoin(country, eq(country.code, practice.countryCode))
		.leftJoin(subregion, eq(subregion.id, practice.subregionId))
		.leftJoin(stakeholderCategory, eq(stakeholderCategory.id, practice.categoryId))
		.where(and(eq(practice.id, params.id), eq(practice.status, 'published')));
	if (!row) error(404);
	const [objectives, principles] = await Promise.all([
		db.select({ number: objective.number, shortTitle: objective.shortTitle }).from(practiceObjective).innerJoin(objective, eq(objective.id, practiceObjective.objectiveId)).where(eq(practiceObjective.practiceId, row.p.id)).orderBy(asc(objective.number)),
		db.select({ name: guidingPrinciple.name }).from(practicePrinciple).innerJoin(guidingPrinciple, eq(guidingPrinciple.id, practicePrinciple.principleId)).where(eq(practicePrinciple.practiceId, row.p.id)).orderBy(asc(guidingPrinciple.letter))
	]);
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return {
		practice: {
			title: row.p.title,
			summary: row.p.summary,
			country: row.country,
			subregion: row.subregion,
			category: row.category ? categoryDisplayLabel(row.category) : null,
			since: row.p.periodStart?.slice(0, 4) ?? null,
			until: row.p.periodEnd?.slice(0, 4) ?? null,
			links: row.p.links
		},
		objectives,
		principles
	};
};
