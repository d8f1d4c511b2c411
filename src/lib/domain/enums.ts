// Closed value sets of the domain. The database checks the same lists (see db/schema.ts), so a
// value added here needs a migration.

/** Whether a string from a form or a file is one of a closed set (and, for TypeScript, which). */
export function isOneOf<T extends string>(values: readonly T[], value: string | null | undefined): value is T {
	return value != null && (values as readonly string[]).includes(value);
}

export const USER_ROLES = ['admin', 'organizer', 'rapporteur', 'stakeholder'] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const STAFF_ROLES = ['admin', 'organizer', 'rapporteur'] as const satisfies readonly UserRole[];
export type StaffRole = (typeof STAFF_ROLES)[number];
export const CONSULTATION_STAFF_ROLES = ['organizer', 'rapporteur'] as const;
export type ConsultationStaffRole = (typeof CONSULTATION_STAFF_ROLES)[number];

export const GENDERS = ['woman', 'man', 'non-binary', 'self-described', 'prefer-not-to-say'] as const;
export type Gender = (typeof GENDERS)[number];

export const CONSULTATION_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];
export const CONSULTATION_FORMATS = ['online', 'in-person', 'hybrid'] as const;
export type ConsultationFormat = (typeof CONSULTATION_FORMATS)[number];
export const ORGANIZING_ROLES = ['lead-agency', 'co-designer'] as const;
export type OrganizingRole = (typeof ORGANIZING_ROLES)[number];
export const SPEAKER_ROLES = ['opening', 'panelist', 'closing'] as const;
export type SpeakerRole = (typeof SPEAKER_ROLES)[number];

// DESIGN.md: submitted → selected | waitlisted | declined → confirmed | withdrawn
export const REGISTRATION_STATUSES = [
	'submitted',
	'selected',
	'waitlisted',
	'declined',
	'confirmed',
	'withdrawn'
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
/** States that hold (or may still get) a seat: they count against "one per organization". */
export const ACTIVE_REGISTRATION_STATUSES = [
	'submitted',
	'selected',
	'waitlisted',
	'confirmed'
] as const satisfies readonly RegistrationStatus[];

export const SELECTION_RUN_STATUSES = ['pending', 'completed', 'infeasible', 'failed', 'accepted', 'discarded'] as const;
export type SelectionRunStatus = (typeof SELECTION_RUN_STATUSES)[number];
export const ATTENDANCE_SOURCES = ['zoom-csv', 'check-in', 'manual'] as const;
export const ATTRIBUTIONS = ['on-record', 'non-attributable'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];
export const MODERATION_STATUSES = ['submitted', 'published', 'rejected'] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];
export const REPORT_VERSION_STATES = ['draft', 'circulated', 'published'] as const;
export type ReportVersionState = (typeof REPORT_VERSION_STATES)[number];
export const RECOMMENDATION_STATUSES = ['open', 'in-progress', 'implemented', 'no-action'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
export const PLEDGE_STATUSES = ['announced', 'in-progress', 'fulfilled', 'withdrawn'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];
export const COMMITMENT_PLAN_STATUSES = ['none', 'in-preparation', 'adopted'] as const;
export const HANDOVER_STATUSES = ['pending', 'accepted', 'expired'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];
export const PARAGRAPH_KINDS = ['heading', 'paragraph', 'list-item', 'annex'] as const;
export type ParagraphKind = (typeof PARAGRAPH_KINDS)[number];
