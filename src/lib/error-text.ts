import { m } from '$lib/paraglide/messages';

// Message keys of the registration schema and use-case, as sentences in the reader's language.
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
	'too-many': m.err_too_many
};

export function errorText(key: string | undefined): string | undefined {
	return key ? (TEXTS[key] ?? m.error_field_invalid)() : undefined;
}
