// The registrants of one selection run with their chance, whether they were drawn, their place on
// the waiting list, their status now, and the subregion, gender and group the run used.
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { organization, person, registration, selectionProbability } from '../db/schema';
import { loadMembers } from '../use-cases/select-participants';

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
