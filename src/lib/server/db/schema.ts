// The whole domain model of DESIGN.md as one Drizzle schema. Rules that must hold under concurrency
// (one active registration per organization, unique slugs, enum values) live here as constraints,
// not only in code: see the partial unique indexes on `registration`.
import { sql } from 'drizzle-orm';
import type { PublicText } from '../privacy/gate';
import type { ConsultationId, OrganizationId, PersonId, RegistrationId } from '../../domain/ids';
import {
	bigserial,
	boolean,
	check,
	customType,
	date,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import {
	ATTENDANCE_SOURCES,
	ATTRIBUTIONS,
	COMMITMENT_PLAN_STATUSES,
	CONSULTATION_FORMATS,
	CONSULTATION_STATUSES,
	GENDERS,
	MODERATION_STATUSES,
	ORGANIZING_ROLES,
	PLEDGE_STATUSES,
	RECOMMENDATION_STATUSES,
	REGISTRATION_STATUSES,
	REPORT_VERSION_STATES,
	SELECTION_RUN_STATUSES,
	SPEAKER_ROLES,
	CONSULTATION_STAFF_ROLES,
	USER_ROLES,
	ACTIVE_REGISTRATION_STATUSES,
	HANDOVER_STATUSES,
	PARAGRAPH_KINDS,
	type Attribution,
	type ConsultationFormat,
	type ConsultationStaffRole,
	type ConsultationStatus,
	type HandoverStatus,
	type ModerationStatus,
	type OrganizingRole,
	type ParagraphKind,
	type PledgeStatus,
	type RecommendationStatus,
	type RegistrationStatus,
	type ReportVersionState,
	type SelectionRunStatus,
	type SpeakerRole,
	type UserRole
} from '../../domain/enums';
import type { BalanceTargets } from '../../domain/balance';
import type { Quota } from '../../domain/selection/problem';
import type { RunDistribution, RunOutcome } from '../../domain/selection/run-record';
import type { StatementDescriptor } from '../../domain/notes/statement';
import type { Descriptor } from '../../domain/privacy/anonymity';
import type { TRegistrationInput } from '../../domain/registration-input';
import { DEFAULT_K } from '../../domain/privacy/small-cells';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
// node-postgres returns a Buffer, PGlite a Uint8Array: both come out as a Buffer.
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => Buffer.from(value)
});

/** `col IN ('a','b')` for a check constraint; values come from our own constant lists. */
function oneOf(column: AnyPgColumn, values: readonly string[]) {
	return sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;
}

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

// ---------------------------------------------------------------------------------------------
// Staff accounts and stakeholder sign-in (better-auth's four tables; column names are its own).
// ---------------------------------------------------------------------------------------------

export const authUser = pgTable(
	'auth_user',
	{
		id: text('id').primaryKey(),
		name: text('name').notNull(),
		email: text('email').notNull().unique(),
		emailVerified: boolean('email_verified').notNull().default(false),
		image: text('image'),
		// admin: the secretariat; organizer/rapporteur: staff whose rights are per consultation
		// (see consultation_staff); stakeholder: signs in by magic link, sees only their own data.
		role: text('role').$type<UserRole>().notNull().default('stakeholder'),
		// Staff: the language of the emails Convene sends them (chosen when the account is made, then
		// the language they last used the staff pages in). Stakeholders' is the person's.
		locale: text('locale').notNull().default('en'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [check('auth_user_role_check', oneOf(t.role, USER_ROLES))]
);

export const authSession = pgTable(
	'auth_session',
	{
		id: text('id').primaryKey(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		token: text('token').notNull().unique(),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
		ipAddress: text('ip_address'),
		userAgent: text('user_agent'),
		userId: text('user_id')
			.notNull()
			.references(() => authUser.id, { onDelete: 'cascade' })
	},
	(t) => [index('auth_session_user_idx').on(t.userId)]
);

export const authAccount = pgTable(
	'auth_account',
	{
		id: text('id').primaryKey(),
		accountId: text('account_id').notNull(),
		providerId: text('provider_id').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => authUser.id, { onDelete: 'cascade' }),
		accessToken: text('access_token'),
		refreshToken: text('refresh_token'),
		idToken: text('id_token'),
		accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
		refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
		scope: text('scope'),
		password: text('password'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('auth_account_user_idx').on(t.userId)]
);

export const authVerification = pgTable(
	'auth_verification',
	{
		id: text('id').primaryKey(),
		identifier: text('identifier').notNull(),
		value: text('value').notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('auth_verification_identifier_idx').on(t.identifier)]
);

// ---------------------------------------------------------------------------------------------
// Framework and geography (reference data, loaded from reference/*.json)
// ---------------------------------------------------------------------------------------------

export const framework = pgTable('framework', {
	id: text('id').primaryKey(), // e.g. 'gcm'
	name: text('name').notNull(),
	shortName: text('short_name').notNull(),
	source: text('source')
});

export const objective = pgTable(
	'objective',
	{
		id: text('id').primaryKey(), // '<framework>-<number>', e.g. 'gcm-12'
		frameworkId: text('framework_id')
			.notNull()
			.references(() => framework.id),
		number: integer('number').notNull(),
		title: text('title').notNull(),
		shortTitle: text('short_title').notNull(),
		// IMRF round-table cluster for the GCM (A/RES/73/326); other frameworks may leave it empty.
		cluster: integer('cluster')
	},
	(t) => [
		uniqueIndex('objective_framework_number_uq').on(t.frameworkId, t.number),
		check('objective_number_positive', sql`${t.number} > 0`)
	]
);

export const guidingPrinciple = pgTable(
	'guiding_principle',
	{
		id: text('id').primaryKey(), // '<framework>-<slug>'
		frameworkId: text('framework_id')
			.notNull()
			.references(() => framework.id),
		letter: text('letter').notNull(),
		name: text('name').notNull()
	},
	(t) => [uniqueIndex('guiding_principle_framework_letter_uq').on(t.frameworkId, t.letter)]
);

export const stakeholderCategory = pgTable('stakeholder_category', {
	id: text('id').primaryKey(), // slug, e.g. 'trade-unions' (GCM para 44)
	frameworkId: text('framework_id')
		.notNull()
		.references(() => framework.id),
	label: text('label').notNull(),
	position: integer('position').notNull()
});

export const subregion = pgTable('subregion', {
	id: text('id').primaryKey(), // slug, e.g. 'south-east-asia'
	name: text('name').notNull(),
	position: integer('position').notNull()
});

export const country = pgTable(
	'country',
	{
		code: text('code').primaryKey(), // ISO 3166-1 alpha-2
		name: text('name').notNull(),
		// null for ESCAP's non-regional members and for countries outside ESCAP (observers).
		subregionId: text('subregion_id').references(() => subregion.id),
		isEscapMember: boolean('is_escap_member').notNull().default(false),
		isAssociateMember: boolean('is_associate_member').notNull().default(false)
	},
	(t) => [check('country_code_iso2', sql`${t.code} ~ '^[A-Z]{2}$'`)]
);

// ---------------------------------------------------------------------------------------------
// The network: organizations and people
// ---------------------------------------------------------------------------------------------

export const organization = pgTable(
	'organization',
	{
		id: uuid('id').$type<OrganizationId>().primaryKey().defaultRandom(),
		name: text('name').notNull(),
		acronym: text('acronym'),
		aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
		countryCode: text('country_code').references(() => country.code),
		categoryId: text('category_id').references(() => stakeholderCategory.id),
		website: text('website'),
		mergedIntoId: uuid('merged_into_id').$type<OrganizationId>().references((): AnyPgColumn => organization.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex('organization_name_country_uq').on(sql`lower(${t.name})`, sql`coalesce(${t.countryCode}, '')`),
		index('organization_category_idx').on(t.categoryId)
	]
);

export const person = pgTable(
	'person',
	{
		id: uuid('id').$type<PersonId>().primaryKey().defaultRandom(),
		name: text('name').notNull(),
		honorific: text('honorific'), // "Ms.", "Hon.", "Dr."
		jobTitle: text('job_title'), // used when the person speaks on the record
		email: text('email'), // null after erasure
		phone: text('phone'),
		// Self-described and optional (GCM guiding principle (g), gender-responsive).
		gender: text('gender'),
		genderSelfDescription: text('gender_self_description'),
		countryCode: text('country_code').references(() => country.code),
		organizationId: uuid('organization_id').$type<OrganizationId>().references(() => organization.id),
		categoryId: text('category_id').references(() => stakeholderCategory.id),
		languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
		accessibilityNeeds: text('accessibility_needs'),
		consentToContact: boolean('consent_to_contact').notNull().default(false),
		consentToList: boolean('consent_to_list').notNull().default(false),
		preferredLocale: text('preferred_locale').notNull().default('en'),
		userId: text('user_id').references(() => authUser.id, { onDelete: 'set null' }),
		erasedAt: timestamp('erased_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex('person_email_uq').on(sql`lower(${t.email})`),
		index('person_organization_idx').on(t.organizationId),
		check('person_gender_check', sql`${t.gender} is null or ${oneOf(t.gender, GENDERS)}`)
	]
);

// ---------------------------------------------------------------------------------------------
// Review processes and consultations
// ---------------------------------------------------------------------------------------------

export const reviewProcess = pgTable('review_process', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	title: text('title').notNull(),
	description: text('description'),
	frameworkId: text('framework_id')
		.notNull()
		.references(() => framework.id),
	startsOn: date('starts_on'),
	endsOn: date('ends_on'),
	createdAt: createdAt()
});

export const consultation = pgTable(
	'consultation',
	{
		id: uuid('id').$type<ConsultationId>().primaryKey().defaultRandom(),
		processId: uuid('process_id').references(() => reviewProcess.id),
		slug: text('slug').notNull().unique(),
		status: text('status').$type<ConsultationStatus>().notNull().default('draft'),
		title: text('title').$type<PublicText>().notNull(),
		theme: text('theme').$type<PublicText>(),
		background: text('background').$type<PublicText>(),
		// IANA zone; all instants below are stored in UTC and shown in this zone.
		timeZone: text('time_zone').notNull(),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		format: text('format').$type<ConsultationFormat>().notNull().default('online'),
		meetingLink: text('meeting_link'),
		venue: text('venue').$type<PublicText>(),
		reviewObjectives: text('review_objectives').$type<PublicText>().array().notNull().default(sql`'{}'::text[]`),
		participationRules: text('participation_rules').$type<PublicText>(),
		expectedOutcomes: text('expected_outcomes').$type<PublicText>(),
		capacity: integer('capacity'), // seats in the meeting; null = unlimited
		// Most registrations accepted (beyond the seats, for a fair selection); null = unlimited.
		registrationLimit: integer('registration_limit'),
		registrationOpensAt: timestamp('registration_opens_at', { withTimezone: true }),
		registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }),
		isOnePerOrganization: boolean('is_one_per_organization').notNull().default(true),
		isChathamHouse: boolean('is_chatham_house').notNull().default(true),
		isRecorded: boolean('is_recorded').notNull().default(false),
		// Smallest anonymity set a descriptor may point to (privacy core); DESIGN.md default 3.
		anonymityThreshold: integer('anonymity_threshold').notNull().default(DEFAULT_K),
		// The organizers' balance targets: least share in per cent per value of a dimension,
		// e.g. { "gender": { "woman": 40 }, "subregion": { "south-asia": 15 } }.
		balanceTargets: jsonb('balance_targets').$type<BalanceTargets>().notNull().default({}),
		language: text('language').notNull().default('en'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		check('consultation_status_check', oneOf(t.status, CONSULTATION_STATUSES)),
		check('consultation_format_check', oneOf(t.format, CONSULTATION_FORMATS)),
		check('consultation_time_order', sql`${t.endsAt} > ${t.startsAt}`),
		check('consultation_capacity_positive', sql`${t.capacity} is null or ${t.capacity} > 0`),
		check('consultation_registration_limit_positive', sql`${t.registrationLimit} is null or ${t.registrationLimit} > 0`),
		check('consultation_anonymity_threshold_min', sql`${t.anonymityThreshold} >= 2`),
		check(
			'consultation_registration_order',
			sql`${t.registrationOpensAt} is null or ${t.registrationClosesAt} is null or ${t.registrationClosesAt} > ${t.registrationOpensAt}`
		),
		index('consultation_process_idx').on(t.processId),
		index('consultation_starts_idx').on(t.startsAt)
	]
);

export const consultationObjective = pgTable(
	'consultation_objective',
	{
		consultationId: uuid('consultation_id').$type<ConsultationId>()
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		objectiveId: text('objective_id')
			.notNull()
			.references(() => objective.id)
	},
	(t) => [primaryKey({ columns: [t.consultationId, t.objectiveId] })]
);

/** Lead agencies and co-designing stakeholder organizations. */
export const organizingTeamMember = pgTable(
	'organizing_team_member',
	{
		consultationId: uuid('consultation_id').$type<ConsultationId>()
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		organizationId: uuid('organization_id').$type<OrganizationId>()
			.notNull()
			.references(() => organization.id),
		role: text('role').$type<OrganizingRole>().notNull(),
		position: integer('position').notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.consultationId, t.organizationId] }),
		check('organizing_team_role_check', oneOf(t.role, ORGANIZING_ROLES))
	]
);

/** Per-consultation staff rights: organizers run it, rapporteurs take its notes. */
export const consultationStaff = pgTable(
	'consultation_staff',
	{
		consultationId: uuid('consultation_id').$type<ConsultationId>()
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => authUser.id, { onDelete: 'cascade' }),
		role: text('role').$type<ConsultationStaffRole>().notNull()
	},
	(t) => [
		primaryKey({ columns: [t.consultationId, t.userId, t.role] }),
		check('consultation_staff_role_check', oneOf(t.role, CONSULTATION_STAFF_ROLES))
	]
);

export const agendaItem = pgTable(
	'agenda_item',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consultationId: uuid('consultation_id').$type<ConsultationId>()
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		title: text('title').$type<PublicText>().notNull(),
		description: text('description').$type<PublicText>(),
		moderatorId: uuid('moderator_id').$type<PersonId>().references(() => person.id)
	},
	(t) => [
		uniqueIndex('agenda_item_position_uq').on(t.consultationId, t.position),
		check('agenda_item_time_order', sql`${t.endsAt} > ${t.startsAt}`)
	]
);

/** Speakers of an agenda item speak on the record (named with their titles in the report). */
export const agendaSpeaker = pgTable(
	'agenda_speaker',
	{
		agendaItemId: uuid('agenda_item_id')
			.notNull()
			.references(() => agendaItem.id, { onDelete: 'cascade' }),
		personId: uuid('person_id').$type<PersonId>()
			.notNull()
			.references(() => person.id),
		role: text('role').$type<SpeakerRole>().notNull().default('panelist'),
		position: integer('position').notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.agendaItemId, t.personId] }),
		check('agenda_speaker_role_check', oneOf(t.role, SPEAKER_ROLES))
	]
);

export const guidingQuestion = pgTable(
	'guiding_question',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		agendaItemId: uuid('agenda_item_id')
			.notNull()
			.references(() => agendaItem.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		text: text('text').$type<PublicText>().notNull()
	},
	(t) => [uniqueIndex('guiding_question_position_uq').on(t.agendaItemId, t.position)]
);

export const document = pgTable(
	'document',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consultationId: uuid('consultation_id').$type<ConsultationId>()
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		position: integer('position').notNull().default(0),
		title: text('title').$type<PublicText>().notNull(),
		url: text('url'), // a link, or null when the file is stored
		fileName: text('file_name'),
		mediaType: text('media_type'),
		content: bytea('content'),
		language: text('language').notNull().default('en'),
		createdAt: createdAt()
	},
	(t) => [check('document_link_or_file', sql`${t.url} is not null or ${t.content} is not null`)]
);

// ---------------------------------------------------------------------------------------------
// Registration and selection
// ---------------------------------------------------------------------------------------------

export const registration = pgTable(
	'registration',
	{
		id: uuid('id').$type<RegistrationId>().primaryKey().defaultRandom(),
		consultationId: uuid('consultation_id').$type<ConsultationId>()
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		personId: uuid('person_id').$type<PersonId>()
			.notNull()
			.references(() => person.id),
		organizationId: uuid('organization_id').$type<OrganizationId>().references(() => organization.id),
		// submitted → selected | waitlisted | declined → confirmed | withdrawn
		status: text('status').$type<RegistrationStatus>().notNull().default('submitted'),
		// Copied from the consultation when the row is written, so that the database itself can
		// enforce "one person per organization" with a partial unique index.
		isOnePerOrganization: boolean('is_one_per_organization').notNull(),
		// Snapshot at registration time: statistics must not move when a person's profile changes.
		categoryId: text('category_id').references(() => stakeholderCategory.id),
		countryCode: text('country_code').references(() => country.code),
		gender: text('gender'),
		languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
		interpretationNeeds: text('interpretation_needs'),
		accessibilityNeeds: text('accessibility_needs'),
		// The language of the page the registration was made from: its emails go out in it.
		locale: text('locale').notNull().default('en'),
		// A repeated submission carries the same key and is answered with the first result.
		idempotencyKey: text('idempotency_key').unique(),
		submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
		withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
		remindedAt: timestamp('reminded_at', { withTimezone: true }), // reminder before the meeting sent
		updatedAt: updatedAt()
	},
	(t) => [
		check('registration_status_check', oneOf(t.status, REGISTRATION_STATUSES)),
		check('registration_gender_check', sql`${t.gender} is null or ${oneOf(t.gender, GENDERS)}`),
		uniqueIndex('registration_one_active_per_person_uq')
			.on(t.consultationId, t.personId)
			.where(oneOf(t.status, ACTIVE_REGISTRATION_STATUSES)),
		uniqueIndex('registration_one_active_per_organization_uq')
			.on(t.consultationId, t.organizationId)
			.where(sql`${t.isOnePerOrganization} and ${oneOf(t.status, ACTIVE_REGISTRATION_STATUSES)}`),
		index('registration_consultation_idx').on(t.consultationId, t.status)
	]
);

export const selectionRun = pgTable(
	'selection_run',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consultationId: uuid('consultation_id').$type<ConsultationId>()
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		createdByUserId: text('created_by_user_id').references(() => authUser.id),
		algorithm: text('algorithm').notNull(), // e.g. 'leximin'
		panelSize: integer('panel_size').notNull(),
		quotas: jsonb('quotas').$type<Quota[]>().notNull(),
		seed: text('seed').notNull(),
		// The distribution over panels the draw is taken from, and its hash, so anyone can re-run it.
		distribution: jsonb('distribution').$type<RunDistribution>(),
		distributionHash: text('distribution_hash'),
		status: text('status').$type<SelectionRunStatus>().notNull().default('pending'),
		outcome: jsonb('outcome').$type<RunOutcome>(),
		createdAt: createdAt(),
		acceptedAt: timestamp('accepted_at', { withTimezone: true })
	},
	(t) => [
		check('selection_run_status_check', oneOf(t.status, SELECTION_RUN_STATUSES)),
		check('selection_run_panel_size_positive', sql`${t.panelSize} > 0`),
		// At most one run computing per consultation, whatever the number of processes.
		uniqueIndex('selection_run_one_pending_uq').on(t.consultationId).where(sql`${t.status} = 'pending'`)
	]
);

export const selectionProbability = pgTable(
	'selection_probability',
	{
		runId: uuid('run_id')
			.notNull()
			.references(() => selectionRun.id, { onDelete: 'cascade' }),
		registrationId: uuid('registration_id').$type<RegistrationId>()
			.notNull()
			.references(() => registration.id, { onDelete: 'cascade' }),
		probability: doublePrecision('probability').notNull(),
		isSelected: boolean('is_selected').notNull().default(false),
		waitlistPosition: integer('waitlist_position')
	},
	(t) => [
		primaryKey({ columns: [t.runId, t.registrationId] }),
		check('selection_probability_range', sql`${t.probability} >= 0 and ${t.probability} <= 1`)
	]
);

// ---------------------------------------------------------------------------------------------
// The meeting
// ---------------------------------------------------------------------------------------------

export const attendance = pgTable(
	'attendance',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consultationId: uuid('consultation_id').$type<ConsultationId>()
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		personId: uuid('person_id').$type<PersonId>().references(() => person.id),
		registrationId: uuid('registration_id').$type<RegistrationId>().references(() => registration.id),
		displayName: text('display_name'), // as the videoconference report gave it
		email: text('email'),
		joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
		leftAt: timestamp('left_at', { withTimezone: true }),
		source: text('source').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		check('attendance_source_check', oneOf(t.source, ATTENDANCE_SOURCES)),
		check('attendance_time_order', sql`${t.leftAt} is null or ${t.leftAt} >= ${t.joinedAt}`),
		index('attendance_consultation_idx').on(t.consultationId)
	]
);

export const statement = pgTable(
	'statement',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consultationId: uuid('consultation_id').$type<ConsultationId>()
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		agendaItemId: uuid('agenda_item_id').references(() => agendaItem.id, { onDelete: 'set null' }),
		speakerId: uuid('speaker_id').$type<PersonId>().references(() => person.id),
		// Chatham House Rule: only on-record speakers may be named anywhere outside the room.
		attribution: text('attribution').$type<Attribution>().notNull(),
		// Structured descriptors the rapporteur chose ("a parliamentarian", country, pronoun…).
		descriptors: jsonb('descriptors').$type<StatementDescriptor[]>().notNull().default(sql`'[]'::jsonb`),
		text: text('text').notNull(),
		position: integer('position').notNull().default(0),
		isRecommendation: boolean('is_recommendation').notNull().default(false),
		createdByUserId: text('created_by_user_id').references(() => authUser.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		check('statement_attribution_check', oneOf(t.attribution, ATTRIBUTIONS)),
		index('statement_consultation_idx').on(t.consultationId, t.agendaItemId)
	]
);

export const statementObjective = pgTable(
	'statement_objective',
	{
		statementId: uuid('statement_id')
			.notNull()
			.references(() => statement.id, { onDelete: 'cascade' }),
		objectiveId: text('objective_id')
			.notNull()
			.references(() => objective.id)
	},
	(t) => [primaryKey({ columns: [t.statementId, t.objectiveId] })]
);

// ---------------------------------------------------------------------------------------------
// Open call, reports and comments
// ---------------------------------------------------------------------------------------------

export const writtenInput = pgTable(
	'written_input',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		processId: uuid('process_id').references(() => reviewProcess.id),
		consultationId: uuid('consultation_id').$type<ConsultationId>().references(() => consultation.id),
		personId: uuid('person_id').$type<PersonId>().references(() => person.id),
		authorName: text('author_name'),
		organizationName: text('organization_name'),
		email: text('email'),
		title: text('title'),
		text: text('text').notNull(),
		// May the input be published under the author's name? Otherwise it is listed anonymously.
		isAttributionConsented: boolean('is_attribution_consented').notNull().default(false),
		status: text('status').$type<ModerationStatus>().notNull().default('submitted'),
		submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
		moderatedAt: timestamp('moderated_at', { withTimezone: true }),
		// The submitter's key for a resent form: the same form sent twice is stored once.
		submissionKey: uuid('submission_key').unique()
	},
	(t) => [
		check('written_input_status_check', oneOf(t.status, MODERATION_STATUSES)),
		check('written_input_target', sql`${t.processId} is not null or ${t.consultationId} is not null`),
		index('written_input_process_idx').on(t.processId, t.status)
	]
);

export const writtenInputObjective = pgTable(
	'written_input_objective',
	{
		writtenInputId: uuid('written_input_id')
			.notNull()
			.references(() => writtenInput.id, { onDelete: 'cascade' }),
		objectiveId: text('objective_id')
			.notNull()
			.references(() => objective.id)
	},
	(t) => [primaryKey({ columns: [t.writtenInputId, t.objectiveId] })]
);

export const writtenInputAttachment = pgTable(
	'written_input_attachment',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		writtenInputId: uuid('written_input_id')
			.notNull()
			.references(() => writtenInput.id, { onDelete: 'cascade' }),
		fileName: text('file_name').notNull(),
		mediaType: text('media_type').notNull(),
		size: integer('size').notNull(),
		content: bytea('content').notNull()
	},
	(t) => [index('written_input_attachment_input_idx').on(t.writtenInputId)]
);

export const report = pgTable('report', {
	id: uuid('id').primaryKey().defaultRandom(),
	consultationId: uuid('consultation_id').$type<ConsultationId>()
		.notNull()
		.unique()
		.references(() => consultation.id, { onDelete: 'cascade' }),
	slug: text('slug').notNull().unique(),
	title: text('title').notNull(),
	createdAt: createdAt()
});

export const reportVersion = pgTable(
	'report_version',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		reportId: uuid('report_id')
			.notNull()
			.references(() => report.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		state: text('state').$type<ReportVersionState>().notNull().default('draft'),
		basedOnVersionId: uuid('based_on_version_id').references((): AnyPgColumn => reportVersion.id),
		note: text('note'), // e.g. the correction note of a republished version
		createdByUserId: text('created_by_user_id').references(() => authUser.id),
		createdAt: createdAt(),
		commentsOpenAt: timestamp('comments_open_at', { withTimezone: true }),
		commentsCloseAt: timestamp('comments_close_at', { withTimezone: true }),
		/** When the consultation's staff were told the comment period had closed (the close-comment-periods job). */
		commentsClosedNoticeAt: timestamp('comments_closed_notice_at', { withTimezone: true }),
		publishedAt: timestamp('published_at', { withTimezone: true })
	},
	(t) => [
		uniqueIndex('report_version_number_uq').on(t.reportId, t.number),
		check('report_version_state_check', oneOf(t.state, REPORT_VERSION_STATES))
	]
);

export const paragraph = pgTable(
	'paragraph',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		versionId: uuid('version_id')
			.notNull()
			.references(() => reportVersion.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		kind: text('kind').$type<ParagraphKind>().notNull(),
		section: text('section'),
		listLetter: text('list_letter'), // recommendations are lettered lists (A., B., C.)
		text: text('text').notNull()
	},
	(t) => [
		uniqueIndex('paragraph_position_uq').on(t.versionId, t.position),
		check('paragraph_kind_check', oneOf(t.kind, PARAGRAPH_KINDS))
	]
);

export const footnote = pgTable(
	'footnote',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		paragraphId: uuid('paragraph_id')
			.notNull()
			.references(() => paragraph.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		text: text('text').notNull()
	},
	(t) => [uniqueIndex('footnote_position_uq').on(t.paragraphId, t.position)]
);

export const comment = pgTable(
	'comment',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		paragraphId: uuid('paragraph_id')
			.notNull()
			.references(() => paragraph.id, { onDelete: 'cascade' }),
		personId: uuid('person_id').$type<PersonId>().references(() => person.id),
		authorUserId: text('author_user_id').references(() => authUser.id),
		replyToId: uuid('reply_to_id').references((): AnyPgColumn => comment.id),
		text: text('text').notNull(),
		addressedAt: timestamp('addressed_at', { withTimezone: true }),
		/**
		 * On a participant's comment: since when the secretariat's answer (a reply, "addressed") waits to
		 * be told in the participant's daily digest; null when there is nothing new. Set in the answer's
		 * transaction (which locks this row), cleared by the digest that tells it.
		 */
		newsSince: timestamp('news_since', { withTimezone: true }),
		/** When a digest last told this comment's news (the person's last digest: the latest of these). */
		toldAt: timestamp('told_at', { withTimezone: true }),
		/** The `addressed_at` a digest told (copied, so that no two clocks are compared): "addressed" is news while they differ. */
		addressedToldAt: timestamp('addressed_told_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		index('comment_paragraph_idx').on(t.paragraphId),
		index('comment_news_idx').on(t.newsSince).where(sql`${t.newsSince} is not null`),
		index('comment_reply_to_idx').on(t.replyToId),
		check('comment_has_author', sql`${t.personId} is not null or ${t.authorUserId} is not null`)
	]
);

// ---------------------------------------------------------------------------------------------
// Follow-up
// ---------------------------------------------------------------------------------------------

export const recommendation = pgTable(
	'recommendation',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		processId: uuid('process_id').references(() => reviewProcess.id),
		consultationId: uuid('consultation_id').$type<ConsultationId>().references(() => consultation.id),
		statementId: uuid('statement_id').references(() => statement.id, { onDelete: 'set null' }),
		reportVersionId: uuid('report_version_id').references(() => reportVersion.id),
		listLetter: text('list_letter'),
		// The numbered paragraph the lettered list follows, in the published version: "para. 14 (B)".
		paragraphNumber: integer('paragraph_number'),
		position: integer('position').notNull().default(0),
		text: text('text').notNull(),
		// governments, parliamentarians, the network, inter-parliamentary bodies, …
		addressees: text('addressees').array().notNull().default(sql`'{}'::text[]`),
		status: text('status').$type<RecommendationStatus>().notNull().default('open'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		check('recommendation_status_check', oneOf(t.status, RECOMMENDATION_STATUSES)),
		index('recommendation_process_idx').on(t.processId),
		index('recommendation_consultation_idx').on(t.consultationId)
	]
);

export const recommendationObjective = pgTable(
	'recommendation_objective',
	{
		recommendationId: uuid('recommendation_id')
			.notNull()
			.references(() => recommendation.id, { onDelete: 'cascade' }),
		objectiveId: text('objective_id')
			.notNull()
			.references(() => objective.id)
	},
	(t) => [primaryKey({ columns: [t.recommendationId, t.objectiveId] })]
);

export const followUp = pgTable(
	'follow_up',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		recommendationId: uuid('recommendation_id')
			.notNull()
			.references(() => recommendation.id, { onDelete: 'cascade' }),
		happenedOn: date('happened_on').notNull(),
		// Public (the follow-up log): written only with what the privacy gate let through.
		note: text('note').$type<PublicText>().notNull(),
		evidenceUrl: text('evidence_url').$type<PublicText>(),
		// A status change's entry: the note is written in English (exports, open data); pages word
		// it from these two in the reader's language.
		statusFrom: text('status_from', { enum: RECOMMENDATION_STATUSES }),
		statusTo: text('status_to', { enum: RECOMMENDATION_STATUSES }),
		createdByUserId: text('created_by_user_id').references(() => authUser.id),
		createdAt: createdAt()
	},
	(t) => [
		index('follow_up_recommendation_idx').on(t.recommendationId, t.happenedOn),
		check('follow_up_status_change_check', sql`(${t.statusFrom} is null) = (${t.statusTo} is null) and ${oneOf(t.statusFrom, RECOMMENDATION_STATUSES)} is not false and ${oneOf(t.statusTo, RECOMMENDATION_STATUSES)} is not false`)
	]
);

export const practice = pgTable(
	'practice',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		processId: uuid('process_id').references(() => reviewProcess.id),
		title: text('title').notNull(),
		summary: text('summary').notNull(),
		countryCode: text('country_code').references(() => country.code),
		subregionId: text('subregion_id').references(() => subregion.id),
		categoryId: text('category_id').references(() => stakeholderCategory.id),
		periodStart: date('period_start'),
		periodEnd: date('period_end'),
		links: text('links').array().notNull().default(sql`'{}'::text[]`),
		submitterName: text('submitter_name'),
		submitterEmail: text('submitter_email'),
		status: text('status').$type<ModerationStatus>().notNull().default('submitted'),
		moderatedAt: timestamp('moderated_at', { withTimezone: true }),
		submissionKey: uuid('submission_key').unique(),
		searchVector: tsvector('search_vector').generatedAlwaysAs(
			sql`to_tsvector('english', coalesce(title, '') || ' ' || coalesce(summary, ''))`
		),
		createdAt: createdAt()
	},
	(t) => [
		check('practice_status_check', oneOf(t.status, MODERATION_STATUSES)),
		index('practice_search_idx').using('gin', t.searchVector)
	]
);

export const practiceObjective = pgTable(
	'practice_objective',
	{
		practiceId: uuid('practice_id')
			.notNull()
			.references(() => practice.id, { onDelete: 'cascade' }),
		objectiveId: text('objective_id')
			.notNull()
			.references(() => objective.id)
	},
	(t) => [primaryKey({ columns: [t.practiceId, t.objectiveId] })]
);

export const practicePrinciple = pgTable(
	'practice_principle',
	{
		practiceId: uuid('practice_id')
			.notNull()
			.references(() => practice.id, { onDelete: 'cascade' }),
		principleId: text('principle_id')
			.notNull()
			.references(() => guidingPrinciple.id)
	},
	(t) => [primaryKey({ columns: [t.practiceId, t.principleId] })]
);

export const pledge = pgTable(
	'pledge',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		processId: uuid('process_id').references(() => reviewProcess.id),
		organizationId: uuid('organization_id').$type<OrganizationId>().references(() => organization.id),
		countryCode: text('country_code').references(() => country.code),
		// Public: written only with what the privacy gate let through.
		pledgerName: text('pledger_name').$type<PublicText>().notNull(),
		commitment: text('commitment').$type<PublicText>().notNull(),
		status: text('status').$type<PledgeStatus>().notNull().default('announced'),
		createdAt: createdAt()
	},
	(t) => [check('pledge_status_check', oneOf(t.status, PLEDGE_STATUSES))]
);

export const pledgeObjective = pgTable(
	'pledge_objective',
	{
		pledgeId: uuid('pledge_id')
			.notNull()
			.references(() => pledge.id, { onDelete: 'cascade' }),
		objectiveId: text('objective_id')
			.notNull()
			.references(() => objective.id)
	},
	(t) => [primaryKey({ columns: [t.pledgeId, t.objectiveId] })]
);

export const countryCommitment = pgTable(
	'country_commitment',
	{
		countryCode: text('country_code')
			.notNull()
			.references(() => country.code),
		processId: uuid('process_id')
			.notNull()
			.references(() => reviewProcess.id),
		isChampion: boolean('is_champion').notNull().default(false),
		voluntaryReviewYear: integer('voluntary_review_year'), // null = no voluntary national review
		nationalActionPlanStatus: text('national_action_plan_status').notNull().default('none'),
		updatedAt: updatedAt()
	},
	(t) => [
		primaryKey({ columns: [t.countryCode, t.processId] }),
		check('country_commitment_nap_check', oneOf(t.nationalActionPlanStatus, COMMITMENT_PLAN_STATUSES))
	]
);

// ---------------------------------------------------------------------------------------------
// Operations: audit log and mail outbox
// ---------------------------------------------------------------------------------------------

export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorUserId: text('actor_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		action: text('action').notNull(), // e.g. 'statement.view-speakers', 'person.erase'
		subjectType: text('subject_type').notNull(),
		subjectId: text('subject_id'),
		details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`)
	},
	(t) => [index('audit_log_at_idx').on(t.at)]
);

export const outboxMessage = pgTable(
	'outbox_message',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		to: text('to').notNull(),
		subject: text('subject').notNull(),
		text: text('text').notNull(),
		html: text('html'),
		attachments: jsonb('attachments').$type<{ filename: string; content: string; contentType: string }[]>().notNull().default(sql`'[]'::jsonb`),
		createdAt: createdAt(),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		// Delivery over SMTP, by the job queue: attempts so far and the last refusal, for the outbox page.
		attempts: integer('attempts').notNull().default(0),
		lastError: text('last_error')
	},
	(t) => [index('outbox_message_created_idx').on(t.createdAt), index('outbox_message_unsent_idx').on(t.createdAt).where(sql`${t.sentAt} is null`)]
);

/** Installation-wide settings, e.g. the auth secret generated on first start when none is set. */
export const appSetting = pgTable('app_setting', {
	key: text('key').primaryKey(),
	value: text('value').notNull(),
	updatedAt: updatedAt()
});

/**
 * A file uploaded for import, kept between "check" and "import" so that the two steps work as
 * plain form posts (no JavaScript) and across app processes. Deleted when imported or after a day.
 */
export const importUpload = pgTable('import_upload', {
	id: uuid('id').primaryKey().defaultRandom(),
	createdByUserId: text('created_by_user_id').references(() => authUser.id, { onDelete: 'cascade' }),
	fileName: text('file_name').notNull(),
	rows: jsonb('rows').$type<string[][]>().notNull(),
	createdAt: createdAt()
});

/**
 * A colleague asks the person holding their organization's place to hand it over. The holder gets
 * an emailed link (the token, stored hashed); accepting withdraws the holder and registers the
 * colleague in one transaction.
 */
export const handoverRequest = pgTable(
	'handover_request',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		registrationId: uuid('registration_id').$type<RegistrationId>()
			.notNull()
			.references(() => registration.id, { onDelete: 'cascade' }),
		// Asked by a colleague: their validated registration. Offered by the holder: the colleague's
		// name and email only; the colleague completes the registration when accepting.
		requestedInput: jsonb('requested_input').$type<TRegistrationInput | { name: string; email: string }>().notNull(),
		isOfferedByHolder: boolean('is_offered_by_holder').notNull().default(false),
		// The language of the page the colleague asked from: their registration and its email use it.
		locale: text('locale'),
		tokenHash: text('token_hash').notNull().unique(),
		status: text('status').$type<HandoverStatus>().notNull().default('pending'),
		createdAt: createdAt(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		decidedAt: timestamp('decided_at', { withTimezone: true })
	},
	(t) => [check('handover_request_status_check', oneOf(t.status, HANDOVER_STATUSES))]
);

/** Who was invited to a consultation: one announcement per person, however often it is sent. */
export const invitation = pgTable(
	'invitation',
	{
		consultationId: uuid('consultation_id').$type<ConsultationId>()
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		personId: uuid('person_id').$type<PersonId>()
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.consultationId, t.personId] })]
);

// ---------------------------------------------------------------------------------------------
// The privacy gate's memory: findings computed once per text and per protected set
// ---------------------------------------------------------------------------------------------

/**
 * What the privacy core found in one text checked against one protected set (its fingerprint):
 * opening the moderation or report page reads it back instead of scanning again. A change of the
 * text or of who is protected gives a new key, so a stored check is never stale.
 */
export const privacyCheck = pgTable(
	'privacy_check',
	{
		textHash: text('text_hash').notNull(),
		protection: text('protection').notNull(),
		findings: jsonb('findings').$type<StoredFinding[]>().notNull(),
		isBlocked: boolean('is_blocked').notNull(),
		checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.textHash, t.protection] })]
);

export interface StoredFinding {
	kind: string;
	severity: 'block' | 'warn';
	start: number;
	end: number;
	text: string;
	/** In English (the CLI, the audit log); pages word the facts below in the reader's language. */
	explanation: string;
	/** Whose name, email or organization it is. */
	subject?: string | null;
	/** An anonymity finding: the descriptor, how many in the room it fits, and the k it needs. */
	descriptor?: Descriptor;
	matching?: number;
	k?: number;
}

/**
 * Rate-limit counters (rate-limiter-flexible's RateLimiterDrizzle): one row per key ("sign-in
 * account:…", "forms client:…"), shared by every process on the database. Rows past `expire` are
 * dead and swept now and then.
 */
export const rateLimit = pgTable('rate_limit', {
	key: text('key').primaryKey(),
	points: integer('points').notNull(),
	expire: timestamp('expire', { withTimezone: true })
});
