// A stakeholder registers for a published consultation. One transaction with the consultation row
// locked: the deadline (to the second, in the consultation's zone), the registration limit and the
// one-person-per-organization rule are decided under the lock, and the partial unique indexes stop
// anything that would slip through. A repeated submission (same idempotency key) returns the first
// result. Nothing is written unless the registration is accepted.
import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db';
import { consultation, country, organization, person, registration, stakeholderCategory } from '../db/schema';
import type { Mailer } from '../mail';
import { registrationReceivedMessage } from '../messages/registration-received';
import { registrationState } from '../../domain/consultation';
import { ACTIVE_REGISTRATION_STATUSES } from '../../domain/enums';
import type { TRegistrationInput } from '../../domain/registration-input';
import { uniqueViolation } from '../db/errors';
import type { OrganizationId, RegistrationId } from '../../domain/ids';

export type RegisterResult =
	| { ok: true; registrationId: RegistrationId; isRepeat: boolean }
	| { ok: false; reason: 'not-found' | 'not-yet-open' | 'closed' | 'full' | 'already-registered' }
	| { ok: false; reason: 'organization-taken'; registeredRegistrationId: RegistrationId | null }
	| { ok: false; reason: 'invalid'; errors: Record<string, string> };

export interface RegisterContext {
	mailer?: Mailer;
	locale: string;
	urls: { page: string; signIn: string };
}

const ACTIVE = [...ACTIVE_REGISTRATION_STATUSES];

export async function registerForConsultation(db: Database, slug: string, input: TRegistrationInput, now: Date, context: RegisterContext): Promise<RegisterResult> {
	try {
		return await db.transaction(async (tx): Promise<RegisterResult> => {
			const [c] = await tx
				.select()
				.from(consultation)
				.where(and(eq(consultation.slug, slug), eq(consultation.status, 'published')))
				.for('update');
			if (!c) return { ok: false, reason: 'not-found' };
			const registered = await registerLocked(tx, c, input, now, context.locale);
			// The confirmation is stored (and its delivery queued) with the registration: a crash after
			// the commit cannot lose it, and a repeated form finds it already there.
			if (registered.ok && !registered.isRepeat && context.mailer) {
				await context.mailer.send(registrationReceivedMessage({ email: input.email, name: input.name, locale: context.locale }, c, context.urls), tx);
			}
			return registered;
		});
	} catch (error) {
		// The lock makes these rare (PGlite, or a unique index racing the lock); they still mean the same.
		const constraint = uniqueViolation(error);
		if (constraint === 'registration_one_active_per_organization_uq') return { ok: false, reason: 'organization-taken', registeredRegistrationId: null };
		if (constraint === 'registration_one_active_per_person_uq') return { ok: false, reason: 'already-registered' };
		if (constraint === 'registration_idempotency_key_unique') return registerForConsultation(db, slug, input, now, context);
		throw error;
	}
}

/**
 * The decision and the writes, inside a transaction that holds the consultation row lock. A
 * substitution (a place handed over by a colleague) may happen after the registration deadline,
 * until the meeting starts.
 */
export async function registerLocked(
	tx: Transaction,
	c: typeof consultation.$inferSelect,
	input: TRegistrationInput,
	now: Date,
	locale: string,
	options: { isSubstitution?: boolean } = {}
): Promise<RegisterResult> {
	const [repeat] = await tx.select({ id: registration.id, consultationId: registration.consultationId }).from(registration).where(eq(registration.idempotencyKey, input.idempotencyKey));
	if (repeat) return repeat.consultationId === c.id ? { ok: true, registrationId: repeat.id, isRepeat: true } : { ok: false, reason: 'invalid', errors: { idempotencyKey: 'invalid' } };

	if (options.isSubstitution) {
		if (now >= c.startsAt) return { ok: false, reason: 'closed' };
	} else {
		const state = registrationState(c, now);
		if (state !== 'open') return { ok: false, reason: state };
	}

	// References must exist: a chosen organization, a known country and category.
	const errors: Record<string, string> = {};
	if (!(await tx.select({ c: country.code }).from(country).where(eq(country.code, input.countryCode))).length) errors.countryCode = 'invalid';
	if (!(await tx.select({ c: stakeholderCategory.id }).from(stakeholderCategory).where(eq(stakeholderCategory.id, input.categoryId))).length) errors.categoryId = 'invalid';
	let organizationId: OrganizationId | null = null;
	if (input.organizationId) {
		const [o] = await tx.select({ id: organization.id }).from(organization).where(and(eq(organization.id, input.organizationId), isNull(organization.mergedIntoId)));
		if (!o) errors.organizationId = 'organization-invalid';
		else organizationId = o.id;
	}
	if (Object.keys(errors).length) return { ok: false, reason: 'invalid', errors };
	// A proposed organization that already exists (same name, same country) is that record.
	const findProposed = async () =>
		(
			await tx
				.select({ id: organization.id })
				.from(organization)
				.where(and(sql`lower(${organization.name}) = lower(${input.newOrganizationName})`, eq(organization.countryCode, input.countryCode), isNull(organization.mergedIntoId)))
		)[0]?.id ?? null;
	if (!organizationId && input.newOrganizationName) organizationId = await findProposed();

	// Every refusal is decided before anything is written.
	const [existing] = await tx.select().from(person).where(and(sql`lower(${person.email}) = ${input.email}`, isNull(person.erasedAt)));
	if (existing) {
		const [mine] = await tx
			.select({ id: registration.id })
			.from(registration)
			.where(and(eq(registration.consultationId, c.id), eq(registration.personId, existing.id), inArray(registration.status, ACTIVE)));
		if (mine) return { ok: false, reason: 'already-registered' };
	}
	if (c.isOnePerOrganization && organizationId) {
		const [colleague] = await tx
			.select({ id: registration.id })
			.from(registration)
			.where(and(eq(registration.consultationId, c.id), eq(registration.organizationId, organizationId), inArray(registration.status, ACTIVE)));
		if (colleague) return { ok: false, reason: 'organization-taken', registeredRegistrationId: colleague.id };
	}
	if (c.registrationLimit !== null) {
		const [{ n }] = await tx.select({ n: count() }).from(registration).where(and(eq(registration.consultationId, c.id), inArray(registration.status, ACTIVE)));
		if (n >= c.registrationLimit) return { ok: false, reason: 'full' };
	}

	if (!organizationId && input.newOrganizationName) {
		// A proposed organization becomes a record; the secretariat can merge it later.
		await tx.insert(organization).values({ name: input.newOrganizationName, countryCode: input.countryCode, categoryId: input.categoryId }).onConflictDoNothing();
		organizationId = await findProposed();
	}
	// The person: found by email, or added to the directory. An unauthenticated form never
	// overwrites what the directory already says about someone; it only fills gaps.
	let p = existing;
	if (!p) {
		[p] = await tx
			.insert(person)
			.values({
				name: input.name,
				email: input.email,
				organizationId,
				countryCode: input.countryCode,
				categoryId: input.categoryId,
				gender: input.gender,
				genderSelfDescription: input.gender === 'self-described' ? input.genderSelfDescription : null,
				languages: input.languages,
				accessibilityNeeds: input.accessibilityNeeds,
				consentToContact: input.consentToContact,
				consentToList: input.consentToList,
				preferredLocale: locale
			})
			.returning();
	} else if (!p.organizationId && organizationId) {
		await tx.update(person).set({ organizationId, updatedAt: now }).where(eq(person.id, p.id));
	}

	const [row] = await tx
		.insert(registration)
		.values({
			consultationId: c.id,
			personId: p.id,
			organizationId,
			isOnePerOrganization: c.isOnePerOrganization,
			categoryId: input.categoryId,
			countryCode: input.countryCode,
			gender: input.gender,
			languages: input.languages,
			interpretationNeeds: input.interpretationNeeds,
			accessibilityNeeds: input.accessibilityNeeds,
			idempotencyKey: input.idempotencyKey,
			submittedAt: now
		})
		.returning({ id: registration.id });
	return { ok: true, registrationId: row.id, isRepeat: false };
}
