// Reads of a review process's commitments: the pledges made and each country's commitments\n// (national action plans, reviews), as the public pages and the staff tables show them.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db';
import { country, countryCommitment, objective, pledge, pledgeObjective } from '../db/schema';

export async function listPledges(db: Executor, processId: string) {
	const rows = await db
		.select({ p: pledge, countryName: country.name })
		.from(pledge)
		.leftJoin(country, eq(country.code, pledge.countryCode))
		.where(eq(pledge.processId, processId))
		.orderBy(asc(pledge.createdAt));
	const ids = rows.map((r) => r.p.id);
	const tags = ids.length
		? await db.select({ pledgeId: pledgeObjective.pledgeId, number: objective.number, shortTitle: objective.shortTitle }).from(pledgeObjective).innerJoin(objective, eq(objective.id, pledgeObjective.objectiveId)).where(inArray(pledgeObjective.pledgeId, ids))
		: [];
	return rows.map(({ p, countryName }) => ({
		id: p.id,
		pledgerName: p.pledgerName,
		country: countryName,
		countryCode: p.countryCode,
		commitment: p.commitment,
		status: p.status,
		objectives: tags.filter((t) => t.pledgeId === p.id).sort((a, b) => a.number - b.number).map(({ number, shortTitle }) => ({ number, shortTitle })),
		createdOn: p.createdAt.toISOString().slice(0, 10)
	}));
}

/** Every country of the reference list with its commitments in this process (defaults where none). */
export async function listCountryCommitments(db: Executor, processId: string) {
	const [countries, saved] = await Promise.all([
		db.select({ code: country.code, name: country.name }).from(country).orderBy(asc(country.name)),
		db.select().from(countryCommitment).where(eq(countryCommitment.processId, processId))
	]);
	return countries.map((c) => {
		const s = saved.find((x) => x.countryCode === c.code);
		return { code: c.code, name: c.name, isChampion: s?.isChampion ?? false, voluntaryReviewYear: s?.voluntaryReviewYear ?? null, nationalActionPlanStatus: s?.nationalActionPlanStatus ?? 'none', isRecorded: !!s };
	});
}
