// Who is asking: turns a signed-in user into the Actor that use-cases authorize.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { consultationStaff, person } from '../db/schema';
import type { Actor } from '../../domain/policy';
import type { PersonId } from '../../domain/ids';

export interface SessionUser {
	id: string;
	email: string;
	role: string;
}

export async function loadActor(db: Executor, user: SessionUser | null): Promise<Actor> {
	if (!user) return { kind: 'anonymous' };
	if (user.role === 'admin' || user.role === 'organizer' || user.role === 'rapporteur') {
		const rows = await db.select().from(consultationStaff).where(eq(consultationStaff.userId, user.id));
		return {
			kind: 'staff',
			userId: user.id,
			role: user.role,
			organizerOf: new Set(rows.filter((r) => r.role === 'organizer').map((r) => r.consultationId)),
			rapporteurOf: new Set(rows.filter((r) => r.role === 'rapporteur').map((r) => r.consultationId))
		};
	}
	const personId = await findPersonIdForUser(db, user);
	return personId ? { kind: 'stakeholder', userId: user.id, personId } : { kind: 'anonymous' };
}

/** The directory record of a stakeholder account: linked by user id, else by email. */
export async function findPersonIdForUser(db: Executor, user: SessionUser): Promise<PersonId | null> {
	const [linked] = await db.select({ id: person.id }).from(person).where(and(eq(person.userId, user.id), isNull(person.erasedAt)));
	if (linked) return linked.id;
	const [byEmail] = await db
		.select({ id: person.id })
		.from(person)
		.where(and(sql`lower(${person.email}) = ${user.email.toLowerCase()}`, isNull(person.erasedAt)));
	if (!byEmail) return null;
	await db.update(person).set({ userId: user.id }).where(eq(person.id, byEmail.id));
	return byEmail.id;
}
