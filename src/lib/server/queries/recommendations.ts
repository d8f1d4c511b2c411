// Reads of the recommendations tracker: every lettered recommendation of a published report, with its
// addressees, objectives, status and dated follow-up log. Everything here is public (it comes only
// from published versions) except who changed what, which stays in the audit log.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { consultation, followUp, objective, recommendation, recommendationObjective, report, reportVersion, reviewProcess } from '../db/schema';
import { recommendationReference, type TrackedRecommendation, type RecommendationStatus } from '../../domain/follow-up/recommendations';
import { isUuid } from '../../domain/ids';

export interface RecommendationFilters {
	id?: string;
	status?: RecommendationStatus;
	addressee?: string;
	objective?: number;
	consultation?: string; // slug
}

/** The highest objective number of the process's framework (23 for the GCM). */
export async function lastObjectiveNumber(db: Executor, processId: string): Promise<number> {
	const [{ last }] = await db
		.select({ last: sql<number>`coalesce(max(${objective.number}), 0)::int` })
		.from(objective)
		.innerJoin(reviewProcess, eq(reviewProcess.frameworkId, objective.frameworkId))
		.where(eq(reviewProcess.id, processId));
	return last;
}

/** The tracked recommendations of a process, in report order, with objectives and follow-up log. */
export async function listRecommendations(db: Executor, processId: string, filters: RecommendationFilters = {}): Promise<TrackedRecommendation[]> {
	const conditions = [eq(recommendation.processId, processId)];
	if (filters.id !== undefined) {
		if (!isUuid(filters.id)) return [];
		conditions.push(eq(recommendation.id, filters.id));
	}
	if (filters.status) conditions.push(eq(recommendation.status, filters.status));
	if (filters.addressee) conditions.push(sql`${filters.addressee} = any(${recommendation.addressees})`);
	if (filters.consultation) conditions.push(eq(consultation.slug, filters.consultation));
	if (filters.objective) {
		conditions.push(
			sql`exists (select 1 from ${recommendationObjective} ro join ${objective} o on o.id = ro.objective_id where ro.recommendation_id = ${recommendation.id} and o.number = ${filters.objective})`
		);
	}
	const rows = await db
		.select({ r: recommendation, slug: consultation.slug, title: consultation.title, timeZone: consultation.timeZone, startsAt: consultation.startsAt, reportSlug: report.slug, versionNumber: reportVersion.number })
		.from(recommendation)
		.innerJoin(consultation, eq(consultation.id, recommendation.consultationId))
		.leftJoin(reportVersion, eq(reportVersion.id, recommendation.reportVersionId))
		.leftJoin(report, eq(report.id, reportVersion.reportId))
		.where(and(...conditions))
		.orderBy(asc(consultation.startsAt), asc(recommendation.position));
	if (!rows.length) return [];
	const ids = rows.map((r) => r.r.id);
	const tags = await db
		.select({ recommendationId: recommendationObjective.recommendationId, id: objective.id, number: objective.number, shortTitle: objective.shortTitle })
		.from(recommendationObjective)
		.innerJoin(objective, eq(objective.id, recommendationObjective.objectiveId))
		.where(inArray(recommendationObjective.recommendationId, ids))
		.orderBy(asc(objective.number));
	const log = await db
		.select()
		.from(followUp)
		.where(inArray(followUp.recommendationId, ids))
		.orderBy(desc(followUp.happenedOn), desc(followUp.createdAt));
	return rows.map(({ r, ...c }) => ({
		id: r.id,
		consultationId: r.consultationId!,
		consultationSlug: c.slug,
		consultationTitle: c.title,
		timeZone: c.timeZone,
		reportSlug: c.reportSlug,
		versionNumber: c.versionNumber,
		reference: recommendationReference(r.paragraphNumber, r.listLetter),
		paragraphNumber: r.paragraphNumber,
		listLetter: r.listLetter,
		text: r.text,
		addressees: r.addressees,
		status: r.status,
		objectives: tags.filter((t) => t.recommendationId === r.id).map(({ id, number, shortTitle }) => ({ id, number, shortTitle })),
		followUps: log
			.filter((f) => f.recommendationId === r.id)
			.map((f) => ({ id: f.id, happenedOn: f.happenedOn, note: f.note, evidenceUrl: f.evidenceUrl, statusChange: f.statusFrom && f.statusTo ? { from: f.statusFrom, to: f.statusTo } : null })),
		updatedAt: r.updatedAt
	}));
}

export async function recommendationById(db: Executor, id: string): Promise<(TrackedRecommendation & { processSlug: string; processTitle: string }) | null> {
	if (!isUuid(id)) return null;
	const [r] = await db
		.select({ processId: recommendation.processId, slug: reviewProcess.slug, title: reviewProcess.title })
		.from(recommendation)
		.innerJoin(reviewProcess, eq(reviewProcess.id, recommendation.processId))
		.where(eq(recommendation.id, id));
	if (!r?.processId) return null;
	const [found] = await listRecommendations(db, r.processId, { id });
	return found ? { ...found, processSlug: r.slug, processTitle: r.title } : null;
}
