import { m } from '$lib/paraglide/messages';

// Error keys from the directory schemas and use-cases, as sentences.
const MESSAGES: Record<string, () => string> = {
	'name-required': m.error_name_required,
	'name-taken': m.error_name_taken,
	'email-invalid': m.stakeholder_sign_in_invalid,
	'email-taken': m.accounts_email_taken,
	'country-invalid': m.error_country_invalid,
	'category-invalid': m.error_category_invalid,
	'organization-invalid': m.error_organization_invalid,
	'gender-invalid': m.error_gender_invalid,
	'website-invalid': m.error_website_invalid
};

export function fieldError(key: string | undefined): string | undefined {
	if (!key) return undefined;
	return (MESSAGES[key] ?? m.error_field_invalid)();
}
