import { m } from '$lib/paraglide/messages';

// The one table of message keys: what schemas (through zodFieldErrors) and use-cases return as a
// field's problem, as a sentence in the reader's language. A key not listed reads "This value is not
// valid" rather than showing the key.
const TEXTS: Record<string, () => string> = {
	required: m.err_required,
	'too-long': m.err_too_long,
	unreadable: m.err_unreadable,
	markup: m.err_markup,
	'name-characters': m.err_name_characters,
	'organization-characters': m.err_organization_characters,
	'organization-required': m.err_organization_required,
	'organization-invalid': m.error_organization_invalid,
	'email-invalid': m.stakeholder_sign_in_invalid,
	'consent-required': m.err_consent_required,
	'too-many': m.err_too_many,
	'slug-invalid': m.err_slug_invalid,
	'slug-taken': m.err_slug_taken,
	privacy: m.privacy_gate_blocked,
	'anonymity-threshold-admin': m.err_anonymity_threshold_admin,
	'zone-invalid': m.err_zone_invalid,
	'date-invalid': m.err_date_invalid,
	'time-invalid': m.err_time_invalid,
	'closes-after-start': m.err_closes_after_start,
	'opens-after-closes': m.err_opens_after_closes,
	'link-invalid': m.err_link_invalid,
	'positive-number': m.err_positive_number,
	'outside-meeting': m.err_outside_meeting,
	'end-before-start': m.err_end_before_start,
	percent: m.err_percent,
	'targets-over-100': m.err_targets_over_100,
	'anonymity-threshold': m.err_anonymity_threshold,
	'whole-number': m.selection_err_whole_number,
	'panel-size-range': m.selection_err_panel_size,
	'seed-invalid': m.selection_err_seed,
	'min-above-max': m.selection_err_min_above_max,
	'year-invalid': m.err_year_invalid,
	'attachment-type': m.err_attachment_type,
	'attachment-size': m.err_attachment_size,
	'attachment-empty': m.err_attachment_empty,
	'attachments-too-many': m.err_attachments_too_many,
	'attachments-total': m.err_attachments_total,
	'vnr-year': m.err_vnr_year,
	// The directory's records
	'name-required': m.error_name_required,
	'name-taken': m.error_name_taken,
	'email-taken': m.accounts_email_taken,
	'country-invalid': m.error_country_invalid,
	'category-invalid': m.error_category_invalid,
	'gender-invalid': m.error_gender_invalid,
	'website-invalid': m.error_website_invalid,
	// Notes and the report editor
	'speaker-unknown': m.notes_err_speaker_unknown,
	'on-record-needs-speaker': m.notes_err_on_record_needs_speaker,
	'kind-invalid': m.err_invalid,
	'order-invalid': m.report_err_order
};

export function errorText(key: string | undefined): string | undefined {
	return key ? (TEXTS[key] ?? m.error_field_invalid)() : undefined;
}

/** Every field's problem key as its sentence (a form's `errors` after a refusal). */
export function errorTexts(errors: Readonly<Record<string, string>>): Record<string, string> {
	return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, errorText(key) ?? '']));
}
