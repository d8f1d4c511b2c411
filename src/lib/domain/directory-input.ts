// Input of the directory forms. Pure Zod schemas: routes parse with them, use-cases receive the
// typed result. Messages are keys the page translates.
import { z } from 'zod';
import { GENDERS } from './enums';
import { isValidEmail } from './people-import';
import { isUuid, type OrganizationId } from './ids';

const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.transform((v) => (v === '' ? null : v))
		.nullable()
		.optional()
		.transform((v) => v ?? null);

/** A chosen country (ISO 3166-1 alpha-2), or none. */
const countryCodeField = z
	.string()
	.trim()
	.transform((v) => (v === '' ? null : v.toUpperCase()))
	.nullable()
	.refine((v) => v === null || /^[A-Z]{2}$/.test(v), 'country-invalid');

// An unticked checkbox is absent from the form data.
const checkbox = z
	.string()
	.nullable()
	.optional()
	.transform((v) => v === 'on' || v === 'yes' || v === 'true');

export const ZPersonInput = z.object({
	name: z.string().trim().min(1, 'name-required').max(200, 'too-long'),
	email: z
		.string()
		.trim()
		.toLowerCase()
		.refine((v) => isValidEmail(v), 'email-invalid'),
	organizationId: z
		.string()
		.trim()
		.transform((v) => (v === '' ? null : v))
		.nullable()
		.refine((v) => v === null || isUuid(v), 'organization-invalid')
		.transform((v) => v as OrganizationId | null),
	countryCode: countryCodeField,
	categoryId: optionalText(60),
	gender: z
		.string()
		.transform((v) => (v === '' ? null : v))
		.nullable()
		.refine((v) => v === null || (GENDERS as readonly string[]).includes(v), 'gender-invalid'),
	genderSelfDescription: optionalText(100),
	honorific: optionalText(30),
	jobTitle: optionalText(200),
	phone: optionalText(40),
	languages: z
		.string()
		.max(200)
		.optional()
		.transform((v) =>
			(v ?? '')
				.split(/[,;\s]+/)
				.map((l) => l.trim().toLowerCase())
				.filter(Boolean)
		),
	consentToContact: checkbox,
	consentToList: checkbox
});
export type TPersonInput = z.infer<typeof ZPersonInput>;

export const ZOrganizationInput = z.object({
	name: z.string().trim().min(1, 'name-required').max(300, 'too-long'),
	acronym: optionalText(30),
	aliases: z
		.string()
		.max(2000)
		.optional()
		.transform((v) =>
			[...new Set((v ?? '').split(/[;\n]+/).map((a) => a.trim()).filter(Boolean))]
		),
	countryCode: countryCodeField,
	categoryId: optionalText(60),
	website: optionalText(300).refine((v) => v === null || /^https?:\/\/\S+$/.test(v), 'website-invalid')
});
export type TOrganizationInput = z.infer<typeof ZOrganizationInput>;

/** Form data → plain object of strings (missing fields absent), for the schemas above. */
export function formFields(form: FormData, names: readonly string[]): Record<string, string | null> {
	return Object.fromEntries(names.map((n) => [n, form.has(n) ? String(form.get(n)) : null]));
}
