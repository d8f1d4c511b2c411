import { describe, expect, it } from 'vitest';
import { ZOrganizationInput, ZPersonInput } from './directory-input';
import { zodFieldErrors } from './form-errors';

describe('ZPersonInput', () => {
	const valid = { name: ' Anong Test ', email: 'Anong@Example.org', organizationId: '', countryCode: 'th', categoryId: 'media', gender: 'woman', languages: 'en, th', consentToContact: 'on' };
	it('normalizes a valid person', () => {
		const r = ZPersonInput.parse(valid);
		expect(r).toMatchObject({ name: 'Anong Test', email: 'anong@example.org', organizationId: null, countryCode: 'TH', languages: ['en', 'th'], consentToContact: true, consentToList: false, phone: null });
	});
	it.each([
		[{ name: '' }, { name: 'name-required' }],
		[{ email: 'nope' }, { email: 'email-invalid' }],
		[{ countryCode: 'Thailand' }, { countryCode: 'country-invalid' }],
		[{ gender: 'robot' }, { gender: 'gender-invalid' }],
		[{ organizationId: 'not-a-uuid' }, { organizationId: 'organization-invalid' }]
	])('reports %j as %j', (override, errors) => {
		const r = ZPersonInput.safeParse({ ...valid, ...override });
		expect(r.success).toBe(false);
		if (!r.success) expect(zodFieldErrors(r.error)).toEqual(errors);
	});
});

describe('ZOrganizationInput', () => {
	it('splits aliases on semicolons or lines and drops repeats', () => {
		expect(ZOrganizationInput.parse({ name: 'Harbour Network', aliases: 'HN; Harbour\nHN', countryCode: '', website: '' }).aliases).toEqual(['HN', 'Harbour']);
	});
	it('refuses a website that is not http(s)', () => {
		const r = ZOrganizationInput.safeParse({ name: 'X', countryCode: '', website: 'javascript:alert(1)' });
		expect(r.success).toBe(false);
		if (!r.success) expect(zodFieldErrors(r.error)).toEqual({ website: 'website-invalid' });
	});
});

describe('zodFieldErrors', () => {
	it('keeps the first key per field and turns a library sentence into "invalid"', () => {
		const r = ZOrganizationInput.safeParse({ name: 'x'.repeat(301), countryCode: '', website: 'ftp://x', acronym: 'y'.repeat(31) });
		expect(r.success).toBe(false);
		if (!r.success) expect(zodFieldErrors(r.error)).toEqual({ name: 'too-long', website: 'website-invalid', acronym: expect.stringMatching(/^[a-z-]+$/) });
	});
});
