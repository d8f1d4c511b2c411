// The registrants of one selection run with their chance, whether they were drawn, their place on
// the waiting list, their status now, and the subregion, gender and group the run used.
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Database } from '../db';
import { consultation, country, organization, person, registration, selectionProbability, selectionRun } from '../db/schema';

export const SELECTION_DIMENSIONS = ['subregion', 'gender', 'category'] as const;
/** The registrations a selection draws from: still waiting for a decision. */
export const POOL_STATUSES = ['submitted', 'waitlisted'];
export const NOT_STATED = 'not-stated';

export interface PoolMember {
	registrationId: string;
	organizationId: string | null;
	features: { subregion: string; gender: string; category: string };
}

/** The registrations waiting for a decision, in the order they came in. */
export function loadPool(db: Database, consultationId: string): Promise<PoolMember[]> {
	return poolMembers(db, and(eq(registration.consultationId, consultationId), inArray(registration.status, POOL_STATUSES))!);
}

/** The same description for given registrations, whatever their status now. */
export function loadMembers(db: Database, registrationIds: readonly string[]): Promise<PoolMember[]> {
	return registrationIds.length ? poolMembers(db, inArray(registration.id, [...registrationIds])) : Promise.resolve([]);
}

async function poolMembers(db: Database, where: SQL): Promise<PoolMember[]> {
	const rows = await db
		.select({ id: registration.id, organizationId: registration.organizationId, subregionId: country.subregionId, gender: registration.gender, categoryId: registration.categoryId })
		.from(registration)
		.leftJoin(country, eq(registration.countryCode, country.code))
		.where(where)
		.orderBy(asc(registration.submittedAt), asc(registration.id));
	return rows.map((r) => ({
		registrationId: r.id,
		organizationId: r.organizationId,
		features: { subregion: r.subregionId ?? NOT_STATED, gender: r.gender ?? NOT_STATED, category: r.categoryId ?? NOT_STATED }
	}));
}


export async function listRunPeople(db: Database, runId: string, pool: readonly string[]) {
	const rows = await db
		.select({
			registrationId: selectionProbability.registrationId,
			probability: selectionProbability.probability,
			isSelected: selectionProbability.isSelected,
			waitlistPosition: selectionProbability.waitlistPosition,
			name: person.name,
			organization: organization.name,
			status: registration.status
		})
		.from(selectionProbability)
		.innerJoin(registration, eq(selectionProbability.registrationId, registration.id))
		.innerJoin(person, eq(registration.personId, person.id))
		.leftJoin(organization, eq(registration.organizationId, organization.id))
		.where(eq(selectionProbability.runId, runId));
	const features = new Map((await loadMembers(db, pool)).map((p) => [p.registrationId, p.features]));
	return rows
		.map((r) => ({ ...r, features: features.get(r.registrationId) ?? null }))
		.sort((a, b) => Number(b.isSelected) - Number(a.isSelected) || (a.waitlistPosition ?? 1e9) - (b.waitlistPosition ?? 1e9));
}

/** A selection run with its consultation's slug; null when there is none. */
export async function getRunWithSlug(db: Database, runId: string) {
	const [row] = await db.select({ run: selectionRun, slug: consultation.slug }).from(selectionRun).innerJoin(consultation, eq(selectionRun.consultationId, consultation.id)).where(eq(selectionRun.id, runId));
	return row ?? null;
}
