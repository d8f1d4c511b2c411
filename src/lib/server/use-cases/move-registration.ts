// Moving a registration along its state machine: the registrant confirms or withdraws; an organizer
// of the consultation selects, waitlists or declines (and the registrant is told, in their language).
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { consultation, person, registration } from '../db/schema';
import type { Mailer } from '../mail';
import { registrationDecisionMessage, type Decision } from '../messages/registration-decision';
import { FORBIDDEN, policy, type Actor, type Forbidden } from '../../domain/policy';
import { canMove, isBeforeMeeting } from '../../domain/registration-status';
import type { RegistrationStatus } from '../../domain/enums';

export type MoveResult = { ok: true; status: RegistrationStatus } | Forbidden | { ok: false; reason: 'not-found' | 'not-allowed' | 'meeting-started' };

type Refusal = Exclude<MoveResult, { ok: true }>;

async function move(db: Database, registrationId: string, now: Date, decide: (r: typeof registration.$inferSelect, c: typeof consultation.$inferSelect) => Refusal | RegistrationStatus) {
	if (!/^[0-9a-f-]{36}$/.test(registrationId)) return { ok: false as const, reason: 'not-found' as const };
	return db.transaction(async (tx) => {
		const [r] = await tx.select().from(registration).where(eq(registration.id, registrationId)).for('update');
		if (!r) return { ok: false as const, reason: 'not-found' as const };
		const [c] = await tx.select().from(consultation).where(eq(consultation.id, r.consultationId));
		const outcome = decide(r, c);
		if (typeof outcome !== 'string') return outcome;
		const stamps =
			outcome === 'confirmed' ? { confirmedAt: now } : outcome === 'withdrawn' ? { withdrawnAt: now } : { decidedAt: now };
		await tx.update(registration).set({ status: outcome, ...stamps, updatedAt: now }).where(eq(registration.id, r.id));
		return { ok: true as const, status: outcome, registration: r, consultation: c };
	});
}

export async function moveMyRegistration(db: Database, actor: Actor, registrationId: string, to: 'confirmed' | 'withdrawn', now: Date): Promise<MoveResult> {
	if (actor.kind !== 'stakeholder') return FORBIDDEN;
	const result = await move(db, registrationId, now, (r, c) => {
		if (r.personId !== actor.personId) return FORBIDDEN;
		if (!isBeforeMeeting(c.startsAt, now)) return { ok: false, reason: 'meeting-started' };
		if (!canMove(r.status as RegistrationStatus, to, 'registrant')) return { ok: false, reason: 'not-allowed' };
		return to;
	});
	return result.ok ? { ok: true, status: result.status } : result;
}

export async function decideRegistration(
	db: Database,
	mailer: Mailer | null,
	actor: Actor,
	registrationId: string,
	to: Decision,
	now: Date,
	urls: { page: (slug: string) => string; signIn: string }
): Promise<MoveResult> {
	const result = await move(db, registrationId, now, (r, c) => {
		if (!policy.canOrganize(actor, c.id)) return FORBIDDEN;
		if (!canMove(r.status as RegistrationStatus, to, 'organizer')) return { ok: false, reason: 'not-allowed' };
		return to;
	});
	if (!result.ok) return result;
	if (mailer) {
		const [p] = await db.select().from(person).where(eq(person.id, result.registration.personId));
		if (p?.email) {
			await mailer.send(
				registrationDecisionMessage({ email: p.email, name: p.name, locale: p.preferredLocale }, to, result.consultation, { page: urls.page(result.consultation.slug), signIn: urls.signIn })
			);
		}
	}
	return { ok: true, status: result.status };
}

export interface MyRegistrationDetails {
	languages: string[];
	interpretationNeeds: string | null;
	accessibilityNeeds: string | null;
}

/** The registrant changes what they need for the meeting, on an active registration, before it starts. */
export async function updateMyRegistration(db: Database, actor: Actor, registrationId: string, details: MyRegistrationDetails, now: Date): Promise<{ ok: true } | Exclude<MoveResult, { ok: true }>> {
	if (actor.kind !== 'stakeholder') return FORBIDDEN;
	if (!/^[0-9a-f-]{36}$/.test(registrationId)) return { ok: false, reason: 'not-found' };
	return db.transaction(async (tx) => {
		const [r] = await tx.select().from(registration).where(eq(registration.id, registrationId)).for('update');
		if (!r) return { ok: false as const, reason: 'not-found' as const };
		if (r.personId !== actor.personId) return FORBIDDEN;
		const [c] = await tx.select().from(consultation).where(eq(consultation.id, r.consultationId));
		if (!isBeforeMeeting(c.startsAt, now)) return { ok: false as const, reason: 'meeting-started' as const };
		if (r.status === 'withdrawn' || r.status === 'declined') return { ok: false as const, reason: 'not-allowed' as const };
		await tx.update(registration).set({ ...details, updatedAt: now }).where(eq(registration.id, r.id));
		return { ok: true as const };
	});
}
