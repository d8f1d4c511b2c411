// A stakeholder registers for a published consultation, in one transaction. The directory records
// (the person, a proposed organization) are found or added first; then the consultation row is
// locked and the deadline (to the second, in the consultation's zone), the registration limit and the
// one-person-per-organization rule are decided under the lock in one query, and the registration
// inserted; the partial unique indexes stop anything that would slip through. The lock is held for
// three statements, so registrations to one consultation queue for little time. A repeated
// submission (same idempotency key) returns the first result. Nothing is written unless the
// registration is accepted: a refusal rolls back what was added before it.
import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db';
import { consultation, country, organization, person, registration, stakeholderCategory } from '../db/schema';
import type { Mailer } from '../mail';
import { registrationReceivedMessage, type RegisteredDetails } from '../messages/registration-received';
import { registrationState } from '../../domain/consultation';
import { ACTIVE_REGISTRATION_STATUSES } from '../../domain/enums';
import type { TRegistrationInput } from '../../domain/registration-input';
import { isDeadlock, uniqueViolation } from '../db/errors';
import { getPublishedConsultation } from '../queries/consultations';
import type { ConsultationId, OrganizationId, PersonId, RegistrationId } from '../../domain/ids';

export type RegisterResult =
	| { ok: true; registrationId: RegistrationId; isRepeat: boolean }
	| { ok: false; reason: 'not-found' | 'not-yet-open' | 'closed' | 'full' | 'already-registered' }
	| { ok: false; reason: 'organization-taken'; registeredRegistrationId: RegistrationId | null }
	| { ok: false; reason: 'invalid'; errors: Record<string, string> };

type ConsultationRow = typeof consultation.$inferSelect;

export interface RegisterContext {
	mailer?: Mailer;
	locale: string;
	urls: { page: string; signIn: string };
	/**
	 * The published consultation at `slug`, as pages show it (the web server passes its in-memory
	 * copy). Only the confirmation is written from it: the rules are decided on the row as locked.
	 */
	published?: (slug: string) => Promise<ConsultationRow | null>;
	/** What was registered, in the person's language, for the confirmation email. */
	details?: RegisteredDetails;
}

const ACTIVE = [...ACTIVE_REGISTRATION_STATUSES];

/** A refusal decided inside the transaction, thrown so that what was written before it is rolled back. */
class Refused extends Error {
	constructor(readonly result: RegisterResult) {
		super('refused');
	}
}

export async function registerForConsultation(db: Database, slug: string, input: TRegistrationInput, now: Date, context: RegisterContext, retries = 2): Promise<RegisterResult> {
	// The confirmation is rendered before the transaction, from the consultation as it is now: no
	// template work while its row is locked.
	const current = await (context.published ?? ((s: string) => getPublishedConsultation(db, s)))(slug);
	if (!current) return { ok: false, reason: 'not-found' };
	const confirmation = (c: ConsultationRow) => registrationReceivedMessage({ email: input.email, name: input.name, locale: context.locale }, c, context.urls, context.details);
	const message = context.mailer ? confirmation(current) : null;
	try {
		return await db.transaction(async (tx): Promise<RegisterResult> => {
			// Who registers, and their organization, are looked up (or added) before the lock: the lock
			// is held only for the rules that depend on the other registrations and for the insert.
			const registrant = await prepareRegistrant(tx, current, input, context.locale);
			if ('ok' in registrant) {
				if (!registrant.ok) throw new Refused(registrant);
				return registrant;
			}
			const [c] = await tx
				.select()
				.from(consultation)
				.where(and(eq(consultation.id, current.id), eq(consultation.status, 'published')))
				.for('update');
			if (!c) throw new Refused({ ok: false, reason: 'not-found' });
			const registered = await decideAndInsert(tx, c, input, registrant, now, {});
			if (!registered.ok) throw new Refused(registered);
			// The confirmation is stored (and its delivery queued) with the registration: a crash after
			// the commit cannot lose it, and a repeated form finds it already there. Written again from
			// the locked row in the rare case that the consultation changed since the copy it came from.
			if (message && context.mailer && !registered.isRepeat) {
				await context.mailer.send(c.updatedAt.getTime() === current.updatedAt.getTime() ? message : confirmation(c), tx);
			}
			return registered;
		});
	} catch (error) {
		if (error instanceof Refused) return error.result;
		// The lock makes these rare (a unique index racing the lock); they still mean the same.
		const constraint = uniqueViolation(error);
		if (constraint === 'registration_one_active_per_organization_uq') return { ok: false, reason: 'organization-taken', registeredRegistrationId: null };
		if (constraint === 'registration_one_active_per_person_uq') return { ok: false, reason: 'already-registered' };
		// The same form or the same new person committed meanwhile: the next try finds them. A
		// deadlock (a hand-over adding the same person while holding the consultation's lock) rolled
		// this transaction back whole: it runs again.
		if ((constraint === 'registration_idempotency_key_unique' || constraint === 'person_email_uq' || isDeadlock(error)) && retries > 0) {
			return registerForConsultation(db, slug, input, now, context, retries - 1);
		}
		throw error;
	}
}

/**
 * The whole registration inside a transaction that already holds the consultation row lock (a place
 * handed over). A substitution may happen after the registration deadline, until the meeting starts.
 * A refusal may come after the registrant was written: the caller rolls the transaction back.
 */
export async function registerLocked(
	tx: Transaction,
	c: ConsultationRow,
	input: TRegistrationInput,
	now: Date,
	locale: string,
	options: { isSubstitution?: boolean } = {}
): Promise<RegisterResult> {
	const registrant = await prepareRegistrant(tx, c, input, locale);
	if ('ok' in registrant) return registrant;
	return decideAndInsert(tx, c, input, registrant, now, options);
}

interface Registrant {
	personId: PersonId;
	isNewPerson: boolean;
	organizationId: OrganizationId | null;
	/** The language of the page the form came from. */
	locale: string;
}

/**
 * What does not depend on the other registrations: a repeated form, the references (organization, country, stakeholder group), and the directory records —
 * the organization proposed and the person, found or added.
 */
async function prepareRegistrant(
	tx: Transaction,
	c: ConsultationRow,
	input: TRegistrationInput,
	locale: string
): Promise<Registrant | RegisterResult> {
	// One query: a repeated form, the references (a chosen organization, a known country and
	// category), and the person by email.
	const byKey = eq(registration.idempotencyKey, input.idempotencyKey);
	const [refs] = await tx
		.select({
			repeatId: sql<RegistrationId | null>`(${tx.select({ id: registration.id }).from(registration).where(byKey)})`,
			repeatConsultationId: sql<ConsultationId | null>`(${tx.select({ id: registration.consultationId }).from(registration).where(byKey)})`,
			isCountry: sql<boolean>`exists (${tx.select({ c: country.code }).from(country).where(eq(country.code, input.countryCode))})`,
			isCategory: sql<boolean>`exists (${tx.select({ c: stakeholderCategory.id }).from(stakeholderCategory).where(eq(stakeholderCategory.id, input.categoryId))})`,
			chosen: input.organizationId
				? sql<OrganizationId | null>`(${tx.select({ id: organization.id }).from(organization).where(and(eq(organization.id, input.organizationId), isNull(organization.mergedIntoId)))})`
				: sql<null>`null`,
			existing: sql<PersonId | null>`(${tx.select({ id: person.id }).from(person).where(and(sql`lower(${person.email}) = ${input.email}`, isNull(person.erasedAt)))})`,
			// A proposed organization that exists (same name, same country) is that record, or the one it
			// was merged into.
			proposed: input.newOrganizationName ? sql<OrganizationId | null>`(${proposedOrganization(tx, input)})` : sql<null>`null`
		})
		.from(sql`(select 1) as one`);
	if (refs.repeatId) return refs.repeatConsultationId === c.id ? { ok: true, registrationId: refs.repeatId, isRepeat: true } : { ok: false, reason: 'invalid', errors: { idempotencyKey: 'invalid' } };
	const errors: Record<string, string> = {};
	if (!refs.isCountry) errors.countryCode = 'invalid';
	if (!refs.isCategory) errors.categoryId = 'invalid';
	if (input.organizationId && !refs.chosen) errors.organizationId = 'organization-invalid';
	if (Object.keys(errors).length) return { ok: false, reason: 'invalid', errors };

	// A proposed organization that does not exist yet becomes a record, which the secretariat can
	// merge later (looked up first: an insert that changes nothing would still tell every process
	// that organizations changed).
	let organizationId = refs.chosen ?? refs.proposed;
	if (!organizationId && input.newOrganizationName) {
		const [added] = await tx
			.insert(organization)
			.values({ name: input.newOrganizationName, countryCode: input.countryCode, categoryId: input.categoryId })
			.onConflictDoNothing()
			.returning({ id: organization.id });
		// Added by a registration that committed meanwhile: that record.
		organizationId = added?.id ?? (await proposedOrganization(tx, input))[0]?.id ?? null;
	}
	// The person: found by email, or added to the directory. An unauthenticated form never
	// overwrites what the directory already says about someone; it only fills gaps.
	if (refs.existing) return { personId: refs.existing, isNewPerson: false, organizationId, locale };
	const [p] = await tx
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
		.returning({ id: person.id });
	return { personId: p.id, isNewPerson: true, organizationId, locale };
}

/**
 * The organization a registrant proposed by name (same name in any case, same country), or the one
 * it was merged into: a query run alone, or as a subquery.
 */
const proposedOrganization = (tx: Transaction, input: TRegistrationInput) =>
	tx
		.select({ id: sql<OrganizationId>`coalesce(${organization.mergedIntoId}, ${organization.id})` })
		.from(organization)
		.where(and(sql`lower(${organization.name}) = lower(${input.newOrganizationName})`, sql`coalesce(${organization.countryCode}, '') = ${input.countryCode}`))
		.limit(1);

function windowState(c: ConsultationRow, now: Date, options: { isSubstitution?: boolean }): 'not-yet-open' | 'closed' | 'full' | null {
	if (options.isSubstitution) return now >= c.startsAt ? 'closed' : null;
	const state = registrationState(c, now);
	return state === 'open' ? null : state;
}

/**
 * Under the consultation row lock: the registration window (of the row as locked), then the rules that depend
 * on the other registrations — this person already registered, a colleague holding the
 * organization's place, the registration limit — in one query, and the insert.
 */
async function decideAndInsert(
	tx: Transaction,
	c: ConsultationRow,
	input: TRegistrationInput,
	registrant: Registrant,
	now: Date,
	options: { isSubstitution?: boolean }
): Promise<RegisterResult> {
	const state = windowState(c, now, options);
	if (state) return { ok: false, reason: state };
	const active = and(eq(registration.consultationId, c.id), inArray(registration.status, ACTIVE));
	const checksOrganization = c.isOnePerOrganization && registrant.organizationId !== null;
	const [rules] = await tx
		.select({
			// The same form, sent twice at once: the first one's result (it held the lock before this one).
			repeat: sql<RegistrationId | null>`(${tx.select({ id: registration.id }).from(registration).where(and(eq(registration.consultationId, c.id), eq(registration.idempotencyKey, input.idempotencyKey)))})`,
			mine: registrant.isNewPerson
				? sql<null>`null`
				: sql<RegistrationId | null>`(${tx.select({ id: registration.id }).from(registration).where(and(active, eq(registration.personId, registrant.personId))).limit(1)})`,
			colleague: checksOrganization
				? sql<RegistrationId | null>`(${tx.select({ id: registration.id }).from(registration).where(and(active, eq(registration.organizationId, registrant.organizationId!))).limit(1)})`
				: sql<null>`null`,
			taken: c.registrationLimit !== null ? sql<number>`(${tx.select({ n: count() }).from(registration).where(active)})`.mapWith(Number) : sql<number>`0`.mapWith(Number)
		})
		.from(sql`(select 1) as one`);
	if (rules.repeat) return { ok: true, registrationId: rules.repeat, isRepeat: true };
	if (rules.mine) return { ok: false, reason: 'already-registered' };
	if (rules.colleague) return { ok: false, reason: 'organization-taken', registeredRegistrationId: rules.colleague };
	if (c.registrationLimit !== null && rules.taken >= c.registrationLimit) return { ok: false, reason: 'full' };

	const [row] = await tx
		.insert(registration)
		.values({
			consultationId: c.id,
			personId: registrant.personId,
			organizationId: registrant.organizationId,
			isOnePerOrganization: c.isOnePerOrganization,
			categoryId: input.categoryId,
			countryCode: input.countryCode,
			gender: input.gender,
			languages: input.languages,
			interpretationNeeds: input.interpretationNeeds,
			accessibilityNeeds: input.accessibilityNeeds,
			locale: registrant.locale,
			idempotencyKey: input.idempotencyKey,
			submittedAt: now
		})
		.returning({ id: registration.id });
	// A known person without an organization gets this one, under the lock: a person editing their
	// registration locks the consultation and then their row, so locking the row first here could
	// deadlock with them.
	if (!registrant.isNewPerson && registrant.organizationId) {
		await tx.update(person).set({ organizationId: registrant.organizationId, updatedAt: now }).where(and(eq(person.id, registrant.personId), isNull(person.organizationId)));
	}
	return { ok: true, registrationId: row.id, isRepeat: false };
}
