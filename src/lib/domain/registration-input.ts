// What a registration form may contain. Every field has its own limit and message, so that bad
// input (missing fields, megabytes of text, unreadable bytes, markup, SQL-looking strings) is
// refused field by field and nothing is stored.
import { z } from 'zod';
import { GENDERS } from './enums';
import { isValidEmail } from './people-import';
import { UUID_PATTERN, zId, type OrganizationId } from './ids';
import { zodFieldErrors } from './form-errors';

const UNREADABLE = '\uFFFD'; // what the UTF-8 decoder puts in place of invalid bytes
const MARKUP = /<\/?[a-z!?][^>]*>?/i;
// Names: letters and marks of any script, spaces, apostrophes, hyphens, full stops.
// A middle dot joins the parts of a transliterated name in Chinese (穆罕默德·阿里) and Japanese (・).
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}\s'’.\u00B7\u30FB-]*$/u;
// Organization names also use digits, "&", commas, colons, parentheses, slashes, dashes, "№", the
// quotation marks of Russian legal names («Сана Сезим», „…“, "…") and the full-width punctuation of
// Chinese ones (（北京）、·). Never "<" or ">": markup is refused apart.
const ORGANIZATION_NAME = /^[\p{L}\p{M}\p{N}«"“„][\p{L}\p{M}\p{N}\s'’.,:;&()/\-–—№«»"“”„·・（），、：]*$/u;

export function text(max: number, options: { isRequired?: boolean; pattern?: RegExp; patternMessage?: string } = {}) {
	return z
		.string({ error: 'required' })
		.transform((v) => v.normalize('NFC').trim())
		.superRefine((v, ctx) => {
			if (!v) {
				if (options.isRequired) ctx.addIssue({ code: 'custom', message: 'required' });
				return;
			}
			if (v.includes(UNREADABLE)) ctx.addIssue({ code: 'custom', message: 'unreadable' });
			else if (v.length > max) ctx.addIssue({ code: 'custom', message: 'too-long', params: { max } });
			else if (MARKUP.test(v)) ctx.addIssue({ code: 'custom', message: 'markup' });
			else if (options.pattern && !options.pattern.test(v)) ctx.addIssue({ code: 'custom', message: options.patternMessage ?? 'invalid' });
		});
}

// An empty field is an absent one.
export const optional = <T extends z.ZodType>(schema: T) =>
	z
		.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.nullish())
		.transform((v) => (v ?? null) as z.output<T> | null);

const ZRegistrationFields = z.object({
		name: text(200, { isRequired: true, pattern: NAME, patternMessage: 'name-characters' }),
		email: text(254, { isRequired: true }).refine((v) => !v || isValidEmail(v.toLowerCase()), 'email-invalid').transform((v) => v.toLowerCase()),
		organizationId: optional(zId<OrganizationId>('organization-invalid')),
		newOrganizationName: optional(text(300, { pattern: ORGANIZATION_NAME, patternMessage: 'organization-characters' })),
		categoryId: text(60, { isRequired: true, pattern: /^[a-z-]+$/ }),
		countryCode: text(2, { isRequired: true, pattern: /^[A-Z]{2}$/ }),
		gender: optional(z.enum(GENDERS, { error: 'invalid' })),
		genderSelfDescription: optional(text(100)),
		languages: z
			.array(text(10, { pattern: /^[a-z]{2,3}$/ }))
			.max(10, 'too-many')
			.default([]),
		interpretationNeeds: optional(text(500)),
		accessibilityNeeds: optional(text(1000)),
		consentToProcessing: z.literal(true, { error: 'consent-required' }),
		consentToContact: z.boolean().default(false),
		consentToList: z.boolean().default(false),
		// A random key put in the form when it is shown: a repeated submission carries it again.
		idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'invalid')
	});

export const ZRegistrationInput = ZRegistrationFields.superRefine((v, ctx) => {
		if (!v.organizationId && !v.newOrganizationName) ctx.addIssue({ code: 'custom', path: ['organizationId'], message: 'organization-required' });
	});

export type TRegistrationInput = z.output<typeof ZRegistrationInput>;

/** A colleague named by a registrant (to hand the place over to): name and email, same rules. */
export const ZColleague = ZRegistrationFields.pick({ name: true, email: true });

/** Form data → the shape ZRegistrationInput reads (checkboxes as booleans, languages as a list). */
export function registrationFields(form: FormData) {
	const get = (k: string) => (form.has(k) ? String(form.get(k)) : undefined);
	return {
		name: get('name'),
		email: get('email'),
		organizationId: get('organizationId'),
		newOrganizationName: get('newOrganizationName'),
		categoryId: get('categoryId'),
		countryCode: get('countryCode'),
		gender: get('gender') || undefined,
		genderSelfDescription: get('genderSelfDescription'),
		languages: form.getAll('languages').map(String),
		interpretationNeeds: get('interpretationNeeds'),
		accessibilityNeeds: get('accessibilityNeeds'),
		consentToProcessing: form.get('consentToProcessing') === 'on',
		consentToContact: form.get('consentToContact') === 'on',
		consentToList: form.get('consentToList') === 'on',
		idempotencyKey: get('idempotencyKey')
	};
}

/**
 * Parses a registration and reports every field's problem at once — including the organization,
 * whose check spans two fields and which Zod would only run once every other field is valid.
 */
export function parseRegistration(raw: Record<string, unknown>): { ok: true; data: TRegistrationInput } | { ok: false; errors: Record<string, string> } {
	const parsed = ZRegistrationInput.safeParse(raw);
	if (parsed.success) return { ok: true, data: parsed.data };
	const errors = zodFieldErrors(parsed.error);
	const isBlank = (v: unknown) => typeof v !== 'string' || v.trim() === '';
	if (!errors.organizationId && isBlank(raw.organizationId) && isBlank(raw.newOrganizationName)) errors.organizationId = 'organization-required';
	return { ok: false, errors };
}

/** What a registrant may change after submitting: languages and needs, with the same rules. */
export const ZRegistrationDetails = z.object({
	languages: z
		.array(text(10, { pattern: /^[a-z]{2,3}$/ }))
		.max(10, 'too-many')
		.default([]),
	interpretationNeeds: optional(text(500)),
	accessibilityNeeds: optional(text(1000)),
	// Absent = unchanged. An organization can be emptied (none); a group and a country cannot.
	organizationId: z
		.union([z.literal(''), z.string().regex(UUID_PATTERN, 'organization-invalid')])
		.optional()
		.transform((v) => (v === undefined ? undefined : ((v || null) as OrganizationId | null))),
	categoryId: z.string().regex(/^[a-z-]{1,60}$/, 'invalid').optional(),
	countryCode: z.string().regex(/^[A-Z]{2}$/, 'invalid').optional()
});
