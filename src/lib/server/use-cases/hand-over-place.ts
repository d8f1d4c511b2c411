// "One person per organization": a colleague who finds the place taken asks the holder, by an
// emailed link, to hand it over. Accepting withdraws the holder and registers the colleague in one
// transaction under the consultation lock, so no third person can take the place in between.
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { isDeadlock } from '../db/errors';
import { consultation, handoverRequest, person, registration } from '../db/schema';
import { FORBIDDEN, type Actor, type Forbidden } from '../../domain/policy';
import type { Mailer } from '../mail';
import { m } from '../../paraglide/messages';
import { localizedUrl, mailLocale } from '../messages/locale';
import { ACTIVE_REGISTRATION_STATUSES } from '../../domain/enums';
import type { TRegistrationInput } from '../../domain/registration-input';
import { registerLocked, type RegisterResult } from './register-for-consultation';
import { registrationReceivedMessage } from '../messages/registration-received';
import type { RegistrationId } from '../../domain/ids';
import { hash, type OfferedTo } from '../queries/handover';

const DAYS_VALID = 7;

export type RequestHandoverResult = { ok: true } | { ok: false; reason: 'not-found' };

export async function requestHandover(
	db: Database,
	mailer: Mailer,
	holderRegistrationId: RegistrationId,
	input: TRegistrationInput,
	now: Date,
	handoverUrl: (token: string) => string,
	/** The language of the page the colleague asked from. */
	requesterLocale?: string
): Promise<RequestHandoverResult> {
	const [holder] = await db
		.select({ id: registration.id, name: person.name, email: person.email, locale: registration.locale, title: consultation.title })
		.from(registration)
		.innerJoin(person, eq(registration.personId, person.id))
		.innerJoin(consultation, eq(registration.consultationId, consultation.id))
		.where(and(eq(registration.id, holderRegistrationId), inArray(registration.status, [...ACTIVE_REGISTRATION_STATUSES])));
	if (!holder?.email) return { ok: false, reason: 'not-found' };
	const token = randomBytes(24).toString('base64url');
	await db.insert(handoverRequest).values({
		registrationId: holder.id,
		requestedInput: input,
		locale: requesterLocale ?? null,
		tokenHash: hash(token),
		expiresAt: new Date(now.getTime() + DAYS_VALID * 86_400_000)
	});
	const locale = mailLocale(holder.locale);
	await mailer.send({
		to: holder.email,
		subject: m.mail_handover_subject({ title: holder.title }, { locale }),
		text: m.mail_handover_body({ holder: holder.name, requester: input.name, email: input.email, title: holder.title, url: localizedUrl(handoverUrl(token), locale) }, { locale })
	});
	return { ok: true };
}

export type OfferHandoverResult = { ok: true } | Forbidden | { ok: false; reason: 'not-found' | 'not-allowed' | 'meeting-started' | 'same-person' };

/**
 * The holder offers their place to a named colleague of the same organization. The colleague gets
 * an emailed link; the place changes hands only when they complete and send the registration,
 * so nobody is registered without their own consent.
 */
export async function offerHandover(
	db: Database,
	mailer: Mailer,
	actor: Actor,
	registrationId: RegistrationId,
	colleague: OfferedTo,
	now: Date,
	handoverUrl: (token: string) => string,
	/** The language of the page the offer was made from. */
	pageLocale?: string
): Promise<OfferHandoverResult> {
	if (actor.kind !== 'stakeholder') return FORBIDDEN;
	const [held] = await db
		.select({ registration, email: person.email, holder: person.name, title: consultation.title, startsAt: consultation.startsAt, isOnePerOrganization: consultation.isOnePerOrganization })
		.from(registration)
		.innerJoin(person, eq(registration.personId, person.id))
		.innerJoin(consultation, eq(registration.consultationId, consultation.id))
		.where(eq(registration.id, registrationId));
	if (!held) return { ok: false, reason: 'not-found' };
	if (held.registration.personId !== actor.personId) return FORBIDDEN;
	if (now >= held.startsAt) return { ok: false, reason: 'meeting-started' };
	if (!(ACTIVE_REGISTRATION_STATUSES as readonly string[]).includes(held.registration.status) || !held.registration.organizationId) return { ok: false, reason: 'not-allowed' };
	if (held.email?.toLowerCase() === colleague.email) return { ok: false, reason: 'same-person' };
	const token = randomBytes(24).toString('base64url');
	await db.insert(handoverRequest).values({
		registrationId: held.registration.id,
		requestedInput: colleague,
		isOfferedByHolder: true,
		tokenHash: hash(token),
		expiresAt: new Date(Math.min(now.getTime() + DAYS_VALID * 86_400_000, held.startsAt.getTime()))
	});
	// In the colleague's language when the directory knows them, else in the one the holder used.
	const [known] = await db.select({ locale: person.preferredLocale }).from(person).where(and(sql`lower(${person.email}) = ${colleague.email}`, isNull(person.erasedAt)));
	const locale = mailLocale(known?.locale ?? pageLocale ?? held.registration.locale);
	await mailer.send({
		to: colleague.email,
		subject: m.mail_offer_subject({ title: held.title }, { locale }),
		text: m.mail_offer_body({ colleague: colleague.name, holder: held.holder, title: held.title, url: localizedUrl(handoverUrl(token), locale) }, { locale })
	});
	return { ok: true };
}

export type AcceptHandoverResult = RegisterResult | { ok: false; reason: 'invalid-link' };

/**
 * Hands the place over in one transaction. A colleague's request carries their registration; an
 * offer from the holder needs the colleague's own registration (`offered`), whose organization,
 * stakeholder group and country are the holder's: the place belongs to the organization.
 */
export async function acceptHandover(
	db: Database,
	mailer: Mailer | null,
	token: string,
	now: Date,
	urls: { page: (slug: string) => string; signIn: string },
	offered?: TRegistrationInput,
	locale = 'en',
	retries = 1
): Promise<AcceptHandoverResult> {
	try {
		return await acceptOnce(db, mailer, token, now, urls, offered, locale);
	} catch (error) {
		// Chosen as a deadlock's victim (a registration adding the same person while waiting for the
		// consultation's lock): rolled back whole, so it runs again.
		if (isDeadlock(error) && retries > 0) return acceptHandover(db, mailer, token, now, urls, offered, locale, retries - 1);
		throw error;
	}
}

async function acceptOnce(
	db: Database,
	mailer: Mailer | null,
	token: string,
	now: Date,
	urls: { page: (slug: string) => string; signIn: string },
	offered: TRegistrationInput | undefined,
	locale: string
): Promise<AcceptHandoverResult> {
	let failure: RegisterResult | null = null;
	const outcome = await db.transaction(async (tx) => {
		const [h] = await tx.select().from(handoverRequest).where(eq(handoverRequest.tokenHash, hash(token))).for('update');
		if (!h || h.status !== 'pending' || h.expiresAt <= now || h.isOfferedByHolder !== Boolean(offered)) return { result: { ok: false as const, reason: 'invalid-link' as const } };
		const [held] = await tx.select().from(registration).where(eq(registration.id, h.registrationId));
		const [c] = await tx.select().from(consultation).where(eq(consultation.id, held.consultationId)).for('update');
		const [current] = await tx.select().from(registration).where(eq(registration.id, h.registrationId)).for('update');
		if (!(ACTIVE_REGISTRATION_STATUSES as readonly string[]).includes(current.status)) return { result: { ok: false as const, reason: 'invalid-link' as const } };
		await tx.update(registration).set({ status: 'withdrawn', withdrawnAt: now, updatedAt: now }).where(eq(registration.id, current.id));
		const input: TRegistrationInput = offered
			? { ...offered, email: (h.requestedInput as OfferedTo).email, organizationId: current.organizationId, newOrganizationName: null, categoryId: current.categoryId ?? offered.categoryId, countryCode: current.countryCode ?? offered.countryCode }
			: (h.requestedInput as TRegistrationInput);
		// A colleague's request keeps the language they asked in; an offer takes the page's.
		const newcomerLocale = offered ? locale : (h.locale ?? locale);
		const result = await registerLocked(tx, c, input, now, newcomerLocale, { isSubstitution: true });
		if (!result.ok) {
			failure = result;
			tx.rollback(); // the holder keeps the place
		}
		await tx.update(handoverRequest).set({ status: 'accepted', decidedAt: now }).where(eq(handoverRequest.id, h.id));
		// Both are told, with the hand-over itself (the outbox): the newcomer's confirmation, and the
		// holder's word that the place changed hands, in their own registration's language.
		if (mailer) {
			await mailer.send(registrationReceivedMessage({ email: input.email, name: input.name, locale: newcomerLocale }, c, { page: urls.page(c.slug), signIn: urls.signIn }), tx);
			const [holder] = await tx.select({ name: person.name, email: person.email }).from(person).where(eq(person.id, current.personId));
			if (holder?.email) {
				const holderLocale = mailLocale(current.locale);
				await mailer.send({ to: holder.email, subject: m.mail_handed_over_subject({ title: c.title }, { locale: holderLocale }), text: m.mail_handed_over_body({ holder: holder.name, newcomer: input.name, title: c.title }, { locale: holderLocale }) }, tx);
			}
		}
		return { result, consultation: c, input };
	}).catch((error: unknown) => {
		if (failure) return { result: failure };
		throw error;
	});
	return outcome.result;
}
