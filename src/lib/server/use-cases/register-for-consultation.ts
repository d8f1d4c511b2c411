// A stakeholder registers for a published consultation, in one transaction of four statements. A
// repeated form (same idempotency key) and the references are looked up first, and the confirmation
// stored in the outbox; then the directory records (the person, a proposed organization) are added
// when new and the consultation row locked, in one statement; under the lock the deadline (to the
// second, in the consultation's zone) is checked, and the registration limit, the
// one-person-per-organization rule and the insert are one statement; the partial unique indexes stop
// anything that would slip through. The lock is held for one statement and the commit, so
// registrations to one consultation queue for little time. Nothing is written unless the
// registration is accepted: a refusal rolls back what was added before it, the confirmation too.
// The statements are plain SQL (db/plain-query.ts): this is the path that must hold 200 a second.
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db';
import { consultation, organization, outboxMessage, person } from '../db/schema';
import { plainRows, plainStatement } from '../db/plain-query';
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
			const refs = await lookUpReferences(tx, input);
			const early = earlyResult(refs, input, current.id);
			if (early) {
				if (!early.ok) throw new Refused(early);
				return early;
			}
			// The confirmation is stored (and its delivery queued) with the registration, before the
			// lock: a crash after the commit cannot lose it, a refusal rolls it back with the rest.
			const mail = message && context.mailer ? await context.mailer.send(message, tx) : null;
			// Who registers and their organization are added if new, and the consultation row locked, in
			// one statement: the lock is held only for the rules that depend on the other registrations,
			// the insert, and the commit.
			const { registrant, locked } = await writeRegistrant(tx, refs, input, context.locale, current.id);
			if (!locked) throw new Refused({ ok: false, reason: 'not-found' });
			const registered = await decideAndInsert(tx, locked, input, registrant, now, {});
			// Refused, or the same form sent twice at once (the first one registered): nothing of this
			// one is kept, its confirmation included.
			if (!registered.ok || registered.isRepeat) throw new Refused(registered);
			// Written again from the locked row in the rare case that the consultation changed since the
			// copy the confirmation came from.
			if (mail && locked.updatedAt.getTime() !== current.updatedAt.getTime()) {
				const [c] = await tx.select().from(consultation).where(eq(consultation.id, current.id));
				const fresh = confirmation(c);
				await tx.update(outboxMessage).set({ subject: fresh.subject, text: fresh.text, html: fresh.html ?? null, attachments: fresh.attachments ?? [] }).where(eq(outboxMessage.id, mail.id));
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
	const refs = await lookUpReferences(tx, input);
	const early = earlyResult(refs, input, c.id);
	if (early) return early;
	const { registrant } = await writeRegistrant(tx, refs, input, locale, null);
	return decideAndInsert(tx, c, input, registrant, now, options);
}

interface Registrant {
	personId: PersonId;
	isNewPerson: boolean;
	organizationId: OrganizationId | null;
	/** The language of the page the form came from. */
	locale: string;
}

/** What the rules read from the consultation row as locked. */
type LockedWindow = Pick<ConsultationRow, 'id' | 'startsAt' | 'registrationOpensAt' | 'registrationClosesAt' | 'registrationLimit' | 'isOnePerOrganization' | 'updatedAt'>;

interface References {
	repeatId: RegistrationId | null;
	repeatConsultationId: ConsultationId | null;
	isCountry: boolean;
	isCategory: boolean;
	chosen: OrganizationId | null;
	existing: PersonId | null;
	proposed: OrganizationId | null;
}

// One query: a repeated form, the references (a chosen organization, a known country and category),
// the person by email, and a proposed organization that exists (same name in any case, same country;
// or the one it was merged into). $4 and $6 are null when the form names no such organization.
const REFERENCES = plainStatement(
	'register-references',
	`select
		(select id from registration where idempotency_key = $1) as "repeatId",
		(select consultation_id from registration where idempotency_key = $1) as "repeatConsultationId",
		exists (select 1 from country where code = $2) as "isCountry",
		exists (select 1 from stakeholder_category where id = $3) as "isCategory",
		(select id from organization where id = $4::uuid and merged_into_id is null) as "chosen",
		(select id from person where lower(email) = $5 and erased_at is null) as "existing",
		(select coalesce(merged_into_id, id) from organization where lower(name) = lower($6::text) and coalesce(country_code, '') = $2 limit 1) as "proposed"`
);

function lookUpReferences(tx: Transaction, input: TRegistrationInput): Promise<References> {
	return plainRows<References>(tx, REFERENCES, [input.idempotencyKey, input.countryCode, input.categoryId, input.organizationId ?? null, input.email, input.newOrganizationName ?? null]).then(([refs]) => refs);
}

/** A repeated form's first result, or the references the form got wrong; null to go on. */
function earlyResult(refs: References, input: TRegistrationInput, consultationId: ConsultationId): RegisterResult | null {
	if (refs.repeatId) return refs.repeatConsultationId === consultationId ? { ok: true, registrationId: refs.repeatId, isRepeat: true } : { ok: false, reason: 'invalid', errors: { idempotencyKey: 'invalid' } };
	const errors: Record<string, string> = {};
	if (!refs.isCountry) errors.countryCode = 'invalid';
	if (!refs.isCategory) errors.categoryId = 'invalid';
	if (input.organizationId && !refs.chosen) errors.organizationId = 'organization-invalid';
	return Object.keys(errors).length ? { ok: false, reason: 'invalid', errors } : null;
}

/** Numbered parameters for a statement put together from parts: each value once, in order. */
class Parameters {
	readonly values: unknown[] = [];
	/** `$n::type` for `value`. */
	add(value: unknown, type: string): string {
		this.values.push(value);
		return `$${this.values.length}::${type}`;
	}
}

const LOCKED_COLUMNS = `c.id, c.starts_at as "startsAt", c.registration_opens_at as "registrationOpensAt", c.registration_closes_at as "registrationClosesAt",
	c.registration_limit as "registrationLimit", c.is_one_per_organization as "isOnePerOrganization", c.updated_at as "updatedAt"`;

/**
 * The directory records (the organization proposed and the person), added when new, and — when
 * `lockId` is given — the consultation row locked, in one statement. An unauthenticated form never
 * overwrites what the directory already says about someone; it only fills gaps.
 */
async function writeRegistrant(
	tx: Transaction,
	refs: References,
	input: TRegistrationInput,
	locale: string,
	lockId: ConsultationId | null
): Promise<{ registrant: Registrant; locked: LockedWindow | null }> {
	const known: OrganizationId | null = refs.chosen ?? refs.proposed;
	const addsOrganization = !known && !!input.newOrganizationName;
	const addsPerson = !refs.existing;
	const q = new Parameters();
	const parts: string[] = [];
	if (addsOrganization) {
		// A proposed organization that does not exist yet becomes a record, which the secretariat can
		// merge later (looked up first: an insert that changes nothing would still tell every process
		// that organizations changed).
		parts.push(`o as (insert into organization (name, country_code, category_id) values (${q.add(input.newOrganizationName, 'text')}, ${q.add(input.countryCode, 'text')}, ${q.add(input.categoryId, 'text')}) on conflict do nothing returning id)`);
	}
	if (addsPerson) {
		const organization = addsOrganization ? '(select id from o)' : q.add(known, 'uuid');
		parts.push(
			`p as (insert into person (name, email, organization_id, country_code, category_id, gender, gender_self_description, languages, accessibility_needs, consent_to_contact, consent_to_list, preferred_locale) values (` +
				[
					q.add(input.name, 'text'),
					q.add(input.email, 'text'),
					organization,
					q.add(input.countryCode, 'text'),
					q.add(input.categoryId, 'text'),
					q.add(input.gender, 'text'),
					q.add(input.gender === 'self-described' ? input.genderSelfDescription : null, 'text'),
					q.add(input.languages, 'text[]'),
					q.add(input.accessibilityNeeds, 'text'),
					q.add(input.consentToContact, 'boolean'),
					q.add(input.consentToList, 'boolean'),
					q.add(locale, 'text')
				].join(', ') +
				`) returning id)`
		);
	}
	let organizationId = known;
	let personId = refs.existing;
	let locked: LockedWindow | null = null;
	if (parts.length || lockId) {
		const added = `${addsOrganization ? '(select id from o)' : 'null::uuid'} as "addedOrganization", ${addsPerson ? '(select id from p)' : 'null::uuid'} as "addedPerson"`;
		const text =
			(parts.length ? `with ${parts.join(', ')} ` : '') +
			(lockId ? `select ${added}, ${LOCKED_COLUMNS} from consultation c where c.id = ${q.add(lockId, 'uuid')} and c.status = 'published' for update of c` : `select ${added}`);
		const name = `register-write-${addsOrganization ? 'o' : ''}${addsPerson ? 'p' : ''}${lockId ? 'l' : ''}`;
		const [row] = await plainRows<{ addedOrganization: OrganizationId | null; addedPerson: PersonId | null } & LockedWindow>(tx, plainStatement(name, text), q.values);
		if (!row) return { registrant: { personId: personId!, isNewPerson: false, organizationId, locale }, locked: null }; // not published: the caller rolls back
		if (lockId) locked = row;
		if (addsOrganization) organizationId = row.addedOrganization;
		if (addsPerson) personId = row.addedPerson;
	}
	// Added by a registration that committed meanwhile (the insert found it and did nothing): that
	// record, for the person too.
	if (addsOrganization && !organizationId) {
		organizationId = (await proposedOrganization(tx, input))[0]?.id ?? null;
		if (addsPerson && organizationId) await tx.update(person).set({ organizationId }).where(eq(person.id, personId!));
	}
	return { registrant: { personId: personId!, isNewPerson: addsPerson, organizationId, locale }, locked };
}

/**
 * The organization a registrant proposed by name (same name in any case, same country), or the one
 * it was merged into.
 */
const proposedOrganization = (tx: Transaction, input: TRegistrationInput) =>
	tx
		.select({ id: sql<OrganizationId>`coalesce(${organization.mergedIntoId}, ${organization.id})` })
		.from(organization)
		.where(and(sql`lower(${organization.name}) = lower(${input.newOrganizationName})`, sql`coalesce(${organization.countryCode}, '') = ${input.countryCode}`))
		.limit(1);

function windowState(c: LockedWindow, now: Date, options: { isSubstitution?: boolean }): 'not-yet-open' | 'closed' | 'full' | null {
	if (options.isSubstitution) return now >= c.startsAt ? 'closed' : null;
	const state = registrationState(c, now);
	return state === 'open' ? null : state;
}

interface Rules {
	repeat: RegistrationId | null;
	mine: RegistrationId | null;
	colleague: RegistrationId | null;
	taken: number;
	inserted: RegistrationId | null;
}

/**
 * Under the consultation row lock: the registration window (of the row as locked), then, in one
 * statement, the rules that depend on the other registrations — the same form sent twice at once,
 * this person already registered, a colleague holding the organization's place, the registration
 * limit — and the insert, made only when they all allow it.
 */
async function decideAndInsert(
	tx: Transaction,
	c: LockedWindow,
	input: TRegistrationInput,
	registrant: Registrant,
	now: Date,
	options: { isSubstitution?: boolean }
): Promise<RegisterResult> {
	const state = windowState(c, now, options);
	if (state) return { ok: false, reason: state };
	const checksOrganization = c.isOnePerOrganization && registrant.organizationId !== null;
	const q = new Parameters();
	const consultationId = q.add(c.id, 'uuid');
	const personId = q.add(registrant.personId, 'uuid');
	const organizationId = q.add(registrant.organizationId, 'uuid');
	// Every parameter must appear in the text (PostgreSQL cannot type one that does not): added when used.
	let statuses: string | null = null;
	const active = () => `consultation_id = ${consultationId} and status = any(${(statuses ??= q.add(ACTIVE, 'text[]'))})`;
	const rules = [
		`(select id from registration where consultation_id = ${consultationId} and idempotency_key = ${q.add(input.idempotencyKey, 'text')}) as "repeat"`,
		registrant.isNewPerson ? `null::uuid as "mine"` : `(select id from registration where ${active()} and person_id = ${personId} limit 1) as "mine"`,
		checksOrganization ? `(select id from registration where ${active()} and organization_id = ${organizationId} limit 1) as "colleague"` : `null::uuid as "colleague"`,
		c.registrationLimit !== null ? `(select count(*)::int from registration where ${active()}) as "taken"` : `0 as "taken"`
	];
	const allowed = `"repeat" is null and "mine" is null and "colleague" is null` + (c.registrationLimit !== null ? ` and "taken" < ${q.add(c.registrationLimit, 'int')}` : '');
	const values = [
		consultationId,
		personId,
		organizationId,
		q.add(c.isOnePerOrganization, 'boolean'),
		q.add(input.categoryId, 'text'),
		q.add(input.countryCode, 'text'),
		q.add(input.gender, 'text'),
		q.add(input.languages, 'text[]'),
		q.add(input.interpretationNeeds, 'text'),
		q.add(input.accessibilityNeeds, 'text'),
		q.add(registrant.locale, 'text'),
		q.add(input.idempotencyKey, 'text'),
		q.add(now, 'timestamptz')
	];
	// A known person without an organization gets this one, under the lock: a person editing their
	// registration locks the consultation and then their row, so locking the row first here could
	// deadlock with them.
	const fillsOrganization = !registrant.isNewPerson && registrant.organizationId !== null;
	const text =
		`with rules as (select ${rules.join(', ')}), ` +
		`ins as (insert into registration (consultation_id, person_id, organization_id, is_one_per_organization, category_id, country_code, gender, languages, interpretation_needs, accessibility_needs, locale, idempotency_key, submitted_at) ` +
		`select ${values.join(', ')} from rules where ${allowed} returning id)` +
		(fillsOrganization ? `, filled as (update person set organization_id = ${organizationId}, updated_at = ${values[values.length - 1]} where id = ${personId} and organization_id is null and exists (select 1 from ins))` : '') +
		` select "repeat", "mine", "colleague", "taken", (select id from ins) as "inserted" from rules`;
	const name = `register-decide-${registrant.isNewPerson ? '' : 'm'}${checksOrganization ? 'c' : ''}${c.registrationLimit !== null ? 't' : ''}${fillsOrganization ? 'f' : ''}`;
	const [row] = await plainRows<Rules>(tx, plainStatement(name, text), q.values);
	if (row.repeat) return { ok: true, registrationId: row.repeat, isRepeat: true };
	if (row.mine) return { ok: false, reason: 'already-registered' };
	if (row.colleague) return { ok: false, reason: 'organization-taken', registeredRegistrationId: row.colleague };
	if (!row.inserted) return { ok: false, reason: 'full' };
	return { ok: true, registrationId: row.inserted, isRepeat: false };
}
