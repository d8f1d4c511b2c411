// Erasure of a person (right to erasure): identifying fields are replaced, while the category,
// country and gender that statistics count stay, on the person and on the registration snapshots.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { attendance, authUser, person, registration } from '../db/schema';
import { writeAudit } from '../queries/audit';
import { FORBIDDEN, policy, type Actor, type Forbidden } from '../../domain/policy';
import { ACTIVE_REGISTRATION_STATUSES } from '../../domain/enums';
import type { PersonId } from '../../domain/ids';

export type ErasePersonResult = { ok: true; withdrawnRegistrations: number } | Forbidden | { ok: false; reason: 'not-found' };

export const ERASED_NAME = 'Erased person';

export async function erasePerson(db: Database, actor: Actor, personId: PersonId, now: Date): Promise<ErasePersonResult> {
	if (!policy.canErasePerson(actor, personId)) return FORBIDDEN;
	return db.transaction(async (tx) => {
		const [p] = await tx.select().from(person).where(eq(person.id, personId)).for('update');
		if (!p || p.erasedAt) return { ok: false as const, reason: 'not-found' as const };
		// Places held for upcoming consultations are given up.
		const withdrawn = await tx
			.update(registration)
			.set({ status: 'withdrawn', withdrawnAt: now, updatedAt: now })
			.where(and(eq(registration.personId, personId), inArray(registration.status, [...ACTIVE_REGISTRATION_STATUSES])))
			.returning({ id: registration.id });
		await tx
			.update(registration)
			.set({ organizationId: null, interpretationNeeds: null, accessibilityNeeds: null, idempotencyKey: null })
			.where(eq(registration.personId, personId));
		await tx.update(attendance).set({ displayName: null, email: null }).where(eq(attendance.personId, personId));
		await tx
			.update(person)
			.set({
				name: ERASED_NAME,
				honorific: null,
				jobTitle: null,
				email: null,
				phone: null,
				genderSelfDescription: null,
				organizationId: null,
				accessibilityNeeds: null,
				languages: [],
				consentToContact: false,
				consentToList: false,
				userId: null,
				erasedAt: now,
				updatedAt: now
			})
			.where(eq(person.id, personId));
		// The stakeholder account goes too (its sessions cascade).
		if (p.userId) await tx.delete(authUser).where(and(eq(authUser.id, p.userId), eq(authUser.role, 'stakeholder')));
		await writeAudit(tx, actor.kind === 'stakeholder' ? { kind: 'anonymous' } : actor, {
			action: 'person.erase',
			subjectType: 'person',
			subjectId: personId,
			details: { bySelf: actor.kind === 'stakeholder', withdrawnRegistrations: withdrawn.length }
		});
		return { ok: true as const, withdrawnRegistrations: withdrawn.length };
	});
}
