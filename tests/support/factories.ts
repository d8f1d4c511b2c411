// One factory style with overrides (STYLE.md): makeConsultation(db, { capacity: 1 }). Emails and
// slugs are unique so that tests can run in parallel against one database.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../src/lib/server/db';
import { authUser, consultation, organization, person, registration } from '../../src/lib/server/db/schema';
import type { Actor } from '../../src/lib/domain/policy';
import type { PublicText } from '../../src/lib/server/privacy/gate';
import type { ConsultationId } from '../../src/lib/domain/ids';

/**
 * A fixture's public text, written straight to the database as a fixture does: the application
 * writes these columns only through the privacy gate (its tests say so); fixtures are fictional.
 */
export const fixtureText = (text: string) => text as PublicText;

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomUUID().slice(0, 4)}`;

export async function makeOrganization(db: Executor, overrides: Partial<typeof organization.$inferInsert> = {}) {
	const [row] = await db
		.insert(organization)
		.values({ name: `Test Organization ${unique()}`, countryCode: 'TH', categoryId: 'civil-society', ...overrides })
		.returning();
	return row;
}

export async function makePerson(db: Executor, overrides: Partial<typeof person.$inferInsert> = {}) {
	const [row] = await db
		.insert(person)
		.values({ name: `Test Person ${unique()}`, email: `person-${unique()}@example.org`, countryCode: 'TH', gender: 'woman', ...overrides })
		.returning();
	return row;
}

export async function makeConsultation(db: Executor, overrides: Omit<Partial<typeof consultation.$inferInsert>, 'title'> & { title?: string } = {}) {
	const { title = 'Test consultation', ...rest } = overrides;
	const [row] = await db
		.insert(consultation)
		.values({
			slug: `test-${unique()}`,
			title: fixtureText(title),
			status: 'published',
			timeZone: 'Asia/Bangkok',
			startsAt: new Date('2026-12-03T04:00:00Z'),
			endsAt: new Date('2026-12-03T07:00:00Z'),
			...rest
		})
		.returning();
	return row;
}

export async function makeRegistration(
	db: Executor,
	c: typeof consultation.$inferSelect,
	p: typeof person.$inferSelect,
	overrides: Partial<typeof registration.$inferInsert> = {}
) {
	const [row] = await db
		.insert(registration)
		.values({
			consultationId: c.id,
			personId: p.id,
			organizationId: p.organizationId,
			isOnePerOrganization: c.isOnePerOrganization,
			categoryId: p.categoryId,
			countryCode: p.countryCode,
			gender: p.gender,
			...overrides
		})
		.returning();
	return row;
}

/** A staff account in the database and the Actor the use-cases receive for it. */
export async function makeStaffActor(
	db: Executor,
	role: 'admin' | 'organizer' | 'rapporteur',
	assignments: { organizerOf?: ConsultationId[]; rapporteurOf?: ConsultationId[] } = {}
): Promise<Actor> {
	const id = `user-${unique()}`;
	await db.insert(authUser).values({ id, name: `Test ${role}`, email: `${id}@example.org`, role, emailVerified: true });
	return { kind: 'staff', userId: id, role, organizerOf: new Set(assignments.organizerOf ?? []), rapporteurOf: new Set(assignments.rapporteurOf ?? []) };
}
