// Presentation helpers of the staff pages only, kept apart from format.ts so that the public
// pages' JavaScript does not carry them (the registration page is held to 60 KB).
import { m } from './paraglide/messages';
import type { Locale } from './paraglide/runtime';
import { GENERATED_NOTE } from './domain/report/version-note';

const IMPORT_FIELD_LABELS: Record<string, (inputs: object, options: { locale?: Locale }) => string> = {
	name: m.field_name,
	email: m.field_email,
	organization: m.field_organization,
	country: m.field_country,
	category: m.field_category,
	gender: m.field_gender,
	honorific: m.field_honorific,
	jobTitle: m.field_job_title,
	phone: m.field_phone,
	languages: m.field_languages,
	consentToContact: m.field_consent_contact,
	consentToList: m.field_consent_list
};

/** A field of the people import (a column of the spreadsheet), in the reader's language. */
export function importFieldLabel(field: string, locale?: Locale): string {
	return IMPORT_FIELD_LABELS[field]?.({}, locale ? { locale } : {}) ?? field;
}

/** A version's note as its reader sees it: the generated draft's own note in their language. */
export function versionNote(note: string | null): string | null {
	return note === GENERATED_NOTE ? m.report_note_generated() : note;
}
