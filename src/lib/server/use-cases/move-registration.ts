// Moving a registration along its state machine: the registrant confirms or withdraws; an organizer
// of the consultation selects, waitlists or declines (and the registrant is told, in their language).
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { consultation, country, organization, person, registration, stakeholderCategory } from '../db/schema';
import type { Mailer } from '../mail';
import { registrationDecisionMessage, type Decision } from '../messages/registration-decision';
import { localizedUrl, mailLocale } from '../messages/locale';
import { m } from '../../paraglide/messages';
import { FORBIDDEN, policy, type Actor, type Forbidden } from '../../domain/policy';
import { canChangeDetails, canChangeIdentity, canMove, isBeforeMeeting } from '../../domain/registration-status';
import { ACTIVE_REGISTRATION_STATUSES, type RegistrationStatus } from '../../domain/enums';
import type { OrganizationId, RegistrationId } from '../../domain/ids';

export type MoveResult = { ok: true; status: RegistrationStatus } | Forbidden | { ok: false; reason: 'not-found' | 'not-allowed' | 'meeting-started' };

type Refusal = Exclude<MoveResult, { ok: true }>;

type Moved = { ok: true; status: RegistrationStatus; registration: typeof registration.$inferSelect; consultation: typeof consultation.$inferSelect };
type Decide = (r: typeof registration.$inferSelect, c: typeof consultation.$inferSelect) => Refusal | RegistrationStatus;

/** The move inside a caller's transaction: locks the registration, asks `decide`, writes the new status. */
async function moveIn(tx: Executor, registrationId: RegistrationId, now: Date, decide: Decide): Promise<Refusal | Moved> {
	const [r] = await tx.select().from(registration).where(eq(registration.id, registrationId)).for('update');
	if (!r) return { ok: false, reason: 'not-found' };
	const [c] = await tx.select().from(consultation).where(eq(consultation.id, r.consultationId));
	const outcome = decide(r, c);
	if (typeof outcome !== 'string') return outcome;
	const stamps = outcome === 'confirmed' ? { confirmedAt: now } : outcome === 'withdrawn' ? { withdrawnAt: now } : { decidedAt: now };
	await tx.update(registration).set({ status: outcome, ...stamps, updatedAt: now }).where(eq(registration.id, r.id));
	return { ok: true, status: outcome, registration: r, consultation: c };
}

export type MyMoveResult = { ok: true; status: RegistrationStatus; title: string; isPlaceFreed: boolean } | Refusal;

/**
 * The registrant confirms or withdraws. A withdrawal is confirmed by email (stored with it, in the
 * registration's language), saying whether the organization's one place is now free.
 */
export async function moveMyRegistration(
	db: Database,
	actor: Actor,
	registrationId: RegistrationId,
	to: 'confirmed' | 'withdrawn',
	now: Date,
	mail?: { mailer: Mailer | null; page: (slug: string) => string }
): Promise<MyMoveResult> {
	if (actor.kind !== 'stakeholder') return FORBIDDEN;
	return db.transaction(async (tx): Promise<MyMoveResult> => {
		const moved = await moveIn(tx, registrationId, now, (r, c) => {
			if (r.personId !== actor.personId) return FORBIDDEN;
			if (!isBeforeMeeting(c.startsAt, now)) return { ok: false, reason: 'meeting-started' };
			if (!canMove(r.status, to, 'registrant')) return { ok: false, reason: 'not-allowed' };
			return to;
		});
		if (!moved.ok) return moved;
		const c = moved.consultation;
		const isPlaceFreed = to === 'withdrawn' && c.isOnePerOrganization && moved.registration.organizationId !== null;
		if (to === 'withdrawn' && mail?.mailer) {
			const [p] = await tx.select({ name: person.name, email: person.email }).from(person).where(eq(person.id, moved.registration.personId));
			const locale = mailLocale(moved.registration.locale);
			const values = { name: p?.name ?? '', title: c.title, url: localizedUrl(mail.page(c.slug), locale) };
			if (p?.email) {
				await mail.mailer.send({ to: p.email, subject: m.mail_withdrawn_subject({ title: c.title }, { locale }), text: isPlaceFreed ? m.mail_withdrawn_body_place_free(values, { locale }) : m.mail_withdrawn_body(values, { locale }) }, tx);
			}
		}
		return { ok: true, status: moved.status, title: c.title, isPlaceFreed };
	});
}

/** An organizer's decision inside the caller's transaction (the caller tells the registrant in it too: notifyDecision). */
export function decideRegistrationIn(tx: Executor, actor: Actor, registrationId: RegistrationId, to: Decision, now: Date): Promise<Refusal | Moved> {
	return moveIn(tx, registrationId, now, (r, c) => {
		if (!policy.canOrganize(actor, c.id)) return FORBIDDEN;
		if (!canMove(r.status, to, 'organizer')) return { ok: false, reason: 'not-allowed' };
		return to;
	});
}

/** Tells the registrant of a decision, in their language: the message is stored in the decision's transaction `tx`. */
export async function notifyDecision(tx: Executor, mailer: Mailer | null, moved: Moved, to: Decision, urls: DecisionUrls): Promise<void> {
	if (!mailer) return;
	const [p] = await tx.select().from(person).where(eq(person.id, moved.registration.personId));
	if (p?.email) {
		await mailer.send(registrationDecisionMessage({ email: p.email, name: p.name, locale: moved.registration.locale }, to, moved.consultation, { page: urls.page(moved.consultation.slug), signIn: urls.signIn }), tx);
	}
}

export type DecisionUrls = { page: (slug: string) => string; signIn: string };

export async function decideRegistration(db: Database, mailer: Mailer | null, actor: Actor, registrationId: RegistrationId, to: Decision, now: Date, urls: DecisionUrls): Promise<MoveResult> {
	const result = await db.transaction(async (tx) => {
		const moved = await decideRegistrationIn(tx, actor, registrationId, to, now);
		if (moved.ok) await notifyDecision(tx, mailer, moved, to, urls);
		return moved;
	});
	return result.ok ? { ok: true, status: result.status } : result;
}

export interface MyRegistrationDetails {
	languages: string[];
	interpretationNeeds: string | null;
	accessibilityNeeds: string | null;
	// Who the registrant is for the selection: changeable only until the organizers decide.
	organizationId?: OrganizationId | null;
	categoryId?: string | null;
	countryCode?: string | null;
}

export type UpdateMyRegistrationResult =
	| { ok: true }
	| Exclude<MoveResult, { ok: true }>
	| { ok: false; reason: 'decided' }
	| { ok: false; reason: 'organization-taken' }
	| { ok: false; reason: 'invalid'; errors: Record<string, string> };

/**
 * The registrant changes what they need for the meeting (any active registration, before it
 * starts) and, while no decision has been made, their organization, stakeholder category and
 * country: the selection is made on these, so afterwards only the secretariat changes them. A new
 * organization must not already hold the consultation's one place; the consultation row is locked
 * first, as a new registration would lock it, so the check and the write cannot race one.
 */
export async function updateMyRegistration(db: Database, actor: Actor, registrationId: RegistrationId, details: MyRegistrationDetails, now: Date): Promise<UpdateMyRegistrationResult> {
	if (actor.kind !== 'stakeholder') return FORBIDDEN;
	return db.transaction(async (tx): Promise<UpdateMyRegistrationResult> => {
		const [found] = await tx.select({ consultationId: registration.consultationId }).from(registration).where(eq(registration.id, registrationId));
		if (!found) return { ok: false, reason: 'not-found' };
		const [c] = await tx.select().from(consultation).where(eq(consultation.id, found.consultationId)).for('update');
		const [r] = await tx.select().from(registration).where(eq(registration.id, registrationId)).for('update');
		if (r.personId !== actor.personId) return FORBIDDEN;
		if (!isBeforeMeeting(c.startsAt, now)) return { ok: false, reason: 'meeting-started' };
		if (!canChangeDetails(r.status, c.startsAt, now)) return { ok: false, reason: 'not-allowed' };

		const identity = {
			organizationId: details.organizationId === undefined ? r.organizationId : details.organizationId,
			categoryId: details.categoryId ?? r.categoryId,
			countryCode: details.countryCode ?? r.countryCode
		};
		const isIdentityChanged = identity.organizationId !== r.organizationId || identity.categoryId !== r.categoryId || identity.countryCode !== r.countryCode;
		if (isIdentityChanged) {
			if (!canChangeIdentity(r.status, c.startsAt, now)) return { ok: false, reason: 'decided' };
			const errors: Record<string, string> = {};
			if (identity.countryCode !== r.countryCode && identity.countryCode && !(await tx.select({ c: country.code }).from(country).where(eq(country.code, identity.countryCode))).length) errors.countryCode = 'invalid';
			if (identity.categoryId !== r.categoryId && identity.categoryId && !(await tx.select({ c: stakeholderCategory.id }).from(stakeholderCategory).where(eq(stakeholderCategory.id, identity.categoryId))).length) errors.categoryId = 'invalid';
			if (identity.organizationId !== r.organizationId && identity.organizationId) {
				const [o] = await tx.select({ id: organization.id }).from(organization).where(and(eq(organization.id, identity.organizationId), isNull(organization.mergedIntoId)));
				if (!o) errors.organizationId = 'organization-invalid';
			}
			if (Object.keys(errors).length) return { ok: false, reason: 'invalid', errors };
			if (c.isOnePerOrganization && identity.organizationId && identity.organizationId !== r.organizationId) {
				const [colleague] = await tx
					.select({ id: registration.id })
					.from(registration)
					.where(and(eq(registration.consultationId, c.id), eq(registration.organizationId, identity.organizationId), inArray(registration.status, [...ACTIVE_REGISTRATION_STATUSES]), ne(registration.id, r.id)));
				if (colleague) return { ok: false, reason: 'organization-taken' };
			}
			// The signed-in person says who they are: the directory follows.
			await tx.update(person).set({ ...identity, updatedAt: now }).where(eq(person.id, r.personId));
		}
		await tx
			.update(registration)
			.set({ languages: details.languages, interpretationNeeds: details.interpretationNeeds, accessibilityNeeds: details.accessibilityNeeds, ...identity, updatedAt: now })
			.where(eq(registration.id, r.id));
		return { ok: true };
	});
}
