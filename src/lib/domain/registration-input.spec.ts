import { describe, expect, it } from 'vitest';
import { ZRegistrationInput, parseRegistration } from './registration-input';
import { zodFieldErrors } from './form-errors';

const valid = {
	name: 'Nguyễn Thị Lan',
	email: 'Lan@Example.org',
	organizationId: '0b0c2b8e-3b52-4a9e-9d6c-1f0a9f3d2a11',
	newOrganizationName: '',
	categoryId: 'migrant-and-diaspora-organizations',
	countryCode: 'VN',
	gender: 'woman',
	languages: ['vi', 'en'],
	interpretationNeeds: '',
	accessibilityNeeds: 'Live captions',
	consentToProcessing: true,
	idempotencyKey: 'k_0123456789abcdef'
};
const errorsOf = (input: Record<string, unknown>) => {
	const r = ZRegistrationInput.safeParse(input);
	return r.success ? {} : zodFieldErrors(r.error);
};

describe('ZRegistrationInput', () => {
	it('accepts and normalizes a complete registration', () => {
		const r = ZRegistrationInput.parse(valid);
		expect(r).toMatchObject({ name: 'Nguyễn Thị Lan', email: 'lan@example.org', newOrganizationName: null, interpretationNeeds: null, consentToContact: false });
	});

	it.each([
		['missing fields', { name: undefined, email: '', countryCode: undefined, consentToProcessing: false }, { name: 'required', email: 'required', countryCode: 'required', consentToProcessing: 'consent-required' }],
		['1 MB of text', { accessibilityNeeds: 'x'.repeat(1_000_000) }, { accessibilityNeeds: 'too-long' }],
		['invalid UTF-8 decoded to replacement characters', { name: 'Lan \uFFFD\uFFFD' }, { name: 'unreadable' }],
		['HTML and script', { name: '<script>alert(1)</script>', interpretationNeeds: 'Please <b>bold</b>' }, { name: 'markup', interpretationNeeds: 'markup' }],
		['SQL-looking strings in a name', { name: "Robert'); DROP TABLE person;--" }, { name: 'name-characters' }],
		['an organization neither chosen nor proposed', { organizationId: '', newOrganizationName: '' }, { organizationId: 'organization-required' }],
		['a malformed organization id', { organizationId: "1' OR '1'='1" }, { organizationId: 'organization-invalid' }],
		['an unknown gender value', { gender: 'robot' }, { gender: 'invalid' }],
		['a bad email', { email: 'lan@localhost' }, { email: 'email-invalid' }],
		['a missing idempotency key', { idempotencyKey: undefined }, { idempotencyKey: 'invalid' }]
	])('refuses %s with a message per field', (_label, override, expected) => {
		expect(errorsOf({ ...valid, ...override })).toEqual(expected);
	});

	it('keeps names with apostrophes and other scripts', () => {
		for (const name of ["Seán O'Brien", 'ศิริพร แซ่ตั้ง', 'Zhang Wei', 'Aroha Ngata-Parata', '穆罕默德·阿里', 'マリア・サントス']) expect(errorsOf({ ...valid, name })).toEqual({});
	});

	it('lets a proposed organization stand in for a chosen one', () => {
		expect(errorsOf({ ...valid, organizationId: '', newOrganizationName: 'Harbour Workers Centre (Suva)' })).toEqual({});
		// Legal names as the region writes them: Russian quotation marks, "№", dashes, colons, Chinese punctuation.
		for (const name of ['Общественный фонд «Сана Сезим»', 'ОФ "Права мигрантов"', '北京移民服务中心（北京）', '中国·东盟移民网络', '移民、难民服务中心', 'Fundación № 1', 'Asia–Pacific Forum: Nepal Chapter']) {
			expect(errorsOf({ ...valid, organizationId: '', newOrganizationName: name }), name).toEqual({});
		}
		expect(errorsOf({ ...valid, organizationId: '', newOrganizationName: 'Union <b>x</b>' })).toEqual({ newOrganizationName: 'markup' });
	});
});

describe('parseRegistration', () => {
	it('reports the missing organization together with the other missing fields', () => {
		expect(parseRegistration({ idempotencyKey: 'k_0123456789abcdef' })).toEqual({
			ok: false,
			errors: {
				name: 'required',
				email: 'required',
				categoryId: 'required',
				countryCode: 'required',
				consentToProcessing: 'consent-required',
				organizationId: 'organization-required'
			}
		});
	});
});
