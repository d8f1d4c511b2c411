// The rows behind the process dashboard (domain/dashboard.ts): the network (people of stakeholder
// organizations in the directory), each consultation's registrations, selections and attendance,
// and every objective tag of statements, published written inputs and tracked recommendations.
import { and, asc, eq, inArray, isNotNull, isNull, max } from 'drizzle-orm';
import type { Executor } from '../db';
import {
	consultation,
	country,
	objective,
	person,
	recommendation,
	recommendationObjective,
	registration,
	reviewProcess,
	stakeholderCategory,
	statement,
	statementObjective,
	subregion,
	writtenInput,
	writtenInputObjective
} from '../db/schema';
import { roomAttendees } from './attendees';
import { GENDERS } from '../../domain/enums';
import { categoryDisplayLabel } from '../../domain/reference';
import type { CoverageItem, DashboardInput, PersonFacts } from '../../domain/dashboard';
import { DEFAULT_K } from '../../domain/privacy/small-cells';
import { referenceNames } from '../reference-names';
import { getLocale } from '../../paraglide/runtime';

const SELECTED = ['selected', 'confirmed'];

export async function dashboardInput(db: Executor, process: typeof reviewProcess.$inferSelect, genderLabel: (g: string) => string = (g) => g): Promise<DashboardInput> {
	const subregionOf = new Map((await db.select({ code: country.code, subregionId: country.subregionId }).from(country)).map((c) => [c.code, c.subregionId]));
	const facts = (category: string | null, countryCode: string | null, gender: string | null): PersonFacts => ({ category, subregion: countryCode ? (subregionOf.get(countryCode) ?? null) : null, gender });

	const [categories, subregions, objectives, networkRows, consultations] = await Promise.all([
		db.select().from(stakeholderCategory).orderBy(asc(stakeholderCategory.position)),
		db.select().from(subregion).orderBy(asc(subregion.position)),
		db.select({ id: objective.id, number: objective.number, shortTitle: objective.shortTitle }).from(objective).where(eq(objective.frameworkId, process.frameworkId)).orderBy(asc(objective.number)),
		db
			.select({ category: person.categoryId, country: person.countryCode, gender: person.gender })
			.from(person)
			.where(and(isNotNull(person.categoryId), isNull(person.erasedAt))),
		db
			.select({ id: consultation.id, slug: consultation.slug, title: consultation.title, targets: consultation.balanceTargets })
			.from(consultation)
			.where(and(eq(consultation.processId, process.id), eq(consultation.status, 'published')))
			.orderBy(asc(consultation.startsAt))
	]);
	const ids = consultations.map((c) => c.id);
	const registrations = ids.length
		? await db
				.select({ consultationId: registration.consultationId, status: registration.status, category: registration.categoryId, country: registration.countryCode, gender: registration.gender })
				.from(registration)
				.where(inArray(registration.consultationId, ids))
		: [];

	const perConsultation = [];
	for (const c of consultations) {
		const mine = registrations.filter((r) => r.consultationId === c.id);
		const room = (await roomAttendees(db, c.id)).filter((a) => a.hasAttended);
		perConsultation.push({
			...c,
			registered: mine.map((r) => facts(r.category, r.country, r.gender)),
			selected: mine.filter((r) => SELECTED.includes(r.status)).map((r) => facts(r.category, r.country, r.gender)),
			attended: room.map((a) => ({ category: a.category ?? null, subregion: a.subregion ?? null, gender: a.gender ?? null }))
		});
	}

	const coverage: CoverageItem[] = [];
	if (ids.length) {
		const said = await db
			.select({ objectiveId: statementObjective.objectiveId, consultationId: statement.consultationId })
			.from(statementObjective)
			.innerJoin(statement, eq(statement.id, statementObjective.statementId))
			.where(inArray(statement.consultationId, ids));
		coverage.push(...said.map((s) => ({ ...s, kind: 'statements' as const })));
		const recs = await db
			.select({ objectiveId: recommendationObjective.objectiveId, consultationId: recommendation.consultationId })
			.from(recommendationObjective)
			.innerJoin(recommendation, eq(recommendation.id, recommendationObjective.recommendationId))
			.where(inArray(recommendation.consultationId, ids));
		coverage.push(...recs.map((r) => ({ ...r, kind: 'recommendations' as const })));
	}
	const inputs = await db
		.select({ objectiveId: writtenInputObjective.objectiveId, consultationId: writtenInput.consultationId, processId: writtenInput.processId })
		.from(writtenInputObjective)
		.innerJoin(writtenInput, eq(writtenInput.id, writtenInputObjective.writtenInputId))
		.where(eq(writtenInput.status, 'published'));
	for (const i of inputs) {
		if (i.consultationId && ids.includes(i.consultationId)) coverage.push({ objectiveId: i.objectiveId, consultationId: i.consultationId, kind: 'inputs' });
		else if (!i.consultationId && i.processId === process.id) coverage.push({ objectiveId: i.objectiveId, consultationId: null, kind: 'inputs' });
	}

	const names = referenceNames(getLocale());
	return {
		groups: {
			// In the reader's language (the dashboard's tables and charts are built from these labels).
			category: categories.map((c) => ({ id: c.id, label: names.category(c.id, categoryDisplayLabel(c.label)) })),
			subregion: subregions.map((s) => ({ id: s.id, label: names.subregion(s.id, s.name) })),
			gender: GENDERS.map((g) => ({ id: g, label: genderLabel(g) }))
		},
		network: networkRows.map((p) => facts(p.category, p.country, p.gender)),
		consultations: perConsultation,
		objectives,
		coverage
	};
}

/** The strictest k among a process's consultations (small cells of its dashboard), or the default. */
export async function strictestThreshold(db: Executor, processId: string): Promise<number> {
	const [{ k }] = await db.select({ k: max(consultation.anonymityThreshold) }).from(consultation).where(eq(consultation.processId, processId));
	return k ?? DEFAULT_K;
}
