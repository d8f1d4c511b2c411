// Validation of a people import (CSV or XLSX rows already read as text). Pure: the caller passes the
// directory's countries, categories, organizations and existing emails. Every problem row is reported
// with a specific reason; the import commits only when there is none (all or nothing).
import type { Gender } from './enums';
import { slugify } from './reference';
import type { OrganizationId } from './ids';

export const IMPORT_FIELDS = [
	'name',
	'email',
	'organization',
	'country',
	'category',
	'gender',
	'honorific',
	'jobTitle',
	'phone',
	'languages',
	'consentToContact',
	'consentToList'
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['name', 'email'];

/** Column index (0-based) of each field in the file; unmapped fields are absent. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

// Header spellings seen in secretariat spreadsheets, normalized by `normalizeKey`.
const HEADER_SYNONYMS: Record<ImportField, string[]> = {
	name: ['name', 'full name', 'fullname', 'participant', 'participant name', 'nom', 'nom complet'],
	email: ['email', 'e mail', 'email address', 'mail', 'courriel', 'adresse electronique'],
	organization: ['organization', 'organisation', 'affiliation', 'institution', 'agency', 'organization name'],
	country: ['country', 'pays', 'country code', 'nationality'],
	category: ['category', 'stakeholder category', 'stakeholder group', 'stakeholder type', 'constituency', 'type', 'categorie'],
	gender: ['gender', 'sex', 'genre'],
	honorific: ['honorific', 'salutation', 'title prefix', 'civilite'],
	jobTitle: ['job title', 'position', 'title', 'designation', 'fonction'],
	phone: ['phone', 'telephone', 'mobile', 'phone number'],
	languages: ['languages', 'language', 'langues', 'langue'],
	consentToContact: ['consent to contact', 'consent contact', 'may contact', 'contact consent'],
	consentToList: ['consent to list', 'consent listed', 'may list', 'list consent', 'listed']
};

export function normalizeKey(text: string): string {
	return slugify(text).replace(/-/g, ' ').trim();
}

/** Guesses which column holds which field from the header row; the person confirms it. */
export function guessMapping(header: readonly string[]): ColumnMapping {
	const mapping: ColumnMapping = {};
	const taken = new Set<number>();
	for (const field of IMPORT_FIELDS) {
		const index = header.findIndex((h, i) => !taken.has(i) && HEADER_SYNONYMS[field].includes(normalizeKey(h)));
		if (index >= 0) {
			mapping[field] = index;
			taken.add(index);
		}
	}
	return mapping;
}

/** `reason` is the English wording (the CLI); pages word `kind` in the reader's language. */
export interface MappingProblem {
	field: ImportField | null;
	kind: 'required-unmapped' | 'no-such-column' | 'column-taken';
	/** The column as the person counts them (from 1), and what it is already mapped to. */
	column?: number;
	columnCount?: number;
	takenBy?: ImportField;
	reason: string;
}

export function checkMapping(mapping: ColumnMapping, columnCount: number): MappingProblem[] {
	const problems: MappingProblem[] = [];
	for (const field of REQUIRED_IMPORT_FIELDS) {
		if (mapping[field] === undefined) problems.push({ field, kind: 'required-unmapped', reason: `no column is mapped to the required field "${field}"` });
	}
	const seen = new Map<number, ImportField>();
	for (const field of IMPORT_FIELDS) {
		const index = mapping[field];
		if (index === undefined) continue;
		if (!Number.isInteger(index) || index < 0 || index >= columnCount) {
			problems.push({ field, kind: 'no-such-column', column: index + 1, columnCount, reason: `column ${index + 1} does not exist (the file has ${columnCount} columns)` });
		} else if (seen.has(index)) {
			problems.push({ field, kind: 'column-taken', column: index + 1, takenBy: seen.get(index), reason: `column ${index + 1} is already mapped to "${seen.get(index)}"` });
		} else seen.set(index, field);
	}
	return problems;
}

export interface ImportContext {
	countries: readonly { code: string; name: string }[];
	categories: readonly { id: string; label: string }[];
	organizations: readonly { id: OrganizationId; name: string; aliases: readonly string[]; countryCode: string | null }[];
	/** Lower-cased emails already in the directory. */
	existingEmails: ReadonlySet<string>;
}

export type OrganizationChoice =
	| { kind: 'existing'; id: OrganizationId }
	| { kind: 'new'; key: string; name: string; countryCode: string | null; categoryId: string | null };

export interface ImportedPerson {
	row: number; // spreadsheet row number (the header is row 1)
	name: string;
	email: string;
	organization: OrganizationChoice | null;
	countryCode: string | null;
	categoryId: string | null;
	gender: Gender | null;
	genderSelfDescription: string | null;
	honorific: string | null;
	jobTitle: string | null;
	phone: string | null;
	languages: string[];
	consentToContact: boolean;
	consentToList: boolean;
}

export type ImportProblemKind = 'missing' | 'too-long' | 'invalid-email' | 'email-in-directory' | 'email-repeated' | 'unknown-country' | 'unknown-category' | 'not-yes-or-no';

/** `reason` is the English wording (the CLI); pages word `kind` in the reader's language. */
export interface ImportProblem {
	row: number;
	field: ImportField;
	value: string;
	kind: ImportProblemKind;
	/** For a repeated email: the row it is first on. */
	otherRow?: number;
	reason: string;
}

export interface ImportValidation {
	people: ImportedPerson[];
	problems: ImportProblem[];
	newOrganizations: Extract<OrganizationChoice, { kind: 'new' }>[];
}

// Pragmatic address check (WHATWG input type=email): one @, a dot in the domain, no spaces.
const EMAIL_RE = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

export function isValidEmail(email: string): boolean {
	return email.length <= 254 && EMAIL_RE.test(email);
}

// Common names that differ from the UN names in the reference data.
const COUNTRY_ALIASES: Record<string, string> = {
	vietnam: 'VN',
	'south korea': 'KR',
	korea: 'KR',
	'north korea': 'KP',
	laos: 'LA',
	'lao pdr': 'LA',
	iran: 'IR',
	russia: 'RU',
	turkey: 'TR',
	turkiye: 'TR',
	micronesia: 'FM',
	'united kingdom': 'GB',
	uk: 'GB',
	'united states': 'US',
	usa: 'US',
	brunei: 'BN',
	'east timor': 'TL',
	'hong kong': 'HK',
	macau: 'MO',
	macao: 'MO'
};

export function matchCountry(text: string, countries: ImportContext['countries']): string | null {
	const t = text.trim();
	if (!t) return null;
	if (/^[A-Za-z]{2}$/.test(t)) {
		const code = t.toUpperCase();
		return countries.some((c) => c.code === code) ? code : null;
	}
	const key = normalizeKey(t);
	const byName = countries.find((c) => normalizeKey(c.name) === key);
	if (byName) return byName.code;
	const alias = COUNTRY_ALIASES[key];
	return alias && countries.some((c) => c.code === alias) ? alias : null;
}

// How people write the GCM para 44 groups in spreadsheets.
const CATEGORY_ALIASES: Record<string, string> = {
	migrant: 'migrants',
	'civil society organization': 'civil-society',
	'civil society organisation': 'civil-society',
	cso: 'civil-society',
	ngo: 'civil-society',
	diaspora: 'migrant-and-diaspora-organizations',
	'diaspora organization': 'migrant-and-diaspora-organizations',
	'migrant organization': 'migrant-and-diaspora-organizations',
	'faith based': 'faith-based-organizations',
	'faith based organization': 'faith-based-organizations',
	'local authority': 'local-authorities-and-communities',
	'local authorities': 'local-authorities-and-communities',
	'local government': 'local-authorities-and-communities',
	'private sector': 'private-sector',
	business: 'private-sector',
	employer: 'private-sector',
	'trade union': 'trade-unions',
	union: 'trade-unions',
	parliamentarian: 'parliamentarians',
	parliament: 'parliamentarians',
	mp: 'parliamentarians',
	nhri: 'national-human-rights-institutions',
	'national human rights institution': 'national-human-rights-institutions',
	'red cross': 'red-cross-red-crescent-movement',
	'red crescent': 'red-cross-red-crescent-movement',
	academic: 'academia',
	university: 'academia',
	research: 'academia',
	journalist: 'media',
	other: 'other-relevant-stakeholders'
};

export function matchCategory(text: string, categories: ImportContext['categories']): string | null {
	const key = normalizeKey(text.replace(/^the /i, ''));
	if (!key) return null;
	const direct = categories.find((c) => normalizeKey(c.id) === key || normalizeKey(c.label) === key);
	if (direct) return direct.id;
	const alias = CATEGORY_ALIASES[key];
	return alias && categories.some((c) => c.id === alias) ? alias : null;
}

export function parseGender(text: string): { gender: Gender | null; selfDescription: string | null } {
	const key = normalizeKey(text);
	if (!key) return { gender: null, selfDescription: null };
	if (['woman', 'women', 'female', 'f', 'w', 'femme', 'girl'].includes(key)) return { gender: 'woman', selfDescription: null };
	if (['man', 'men', 'male', 'm', 'homme'].includes(key)) return { gender: 'man', selfDescription: null };
	if (['non binary', 'nonbinary', 'nb', 'non binaire'].includes(key)) return { gender: 'non-binary', selfDescription: null };
	if (['prefer not to say', 'prefer not to answer', 'not stated', 'ne souhaite pas repondre'].includes(key))
		return { gender: 'prefer-not-to-say', selfDescription: null };
	// Gender is self-described: anything else is kept as the person's own words.
	return { gender: 'self-described', selfDescription: text.trim().slice(0, 100) };
}

const TRUE_WORDS = new Set(['yes', 'y', 'true', '1', 'oui', 'x']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', 'non', '']);
export function parseConsent(text: string): boolean | null {
	const key = normalizeKey(text);
	if (TRUE_WORDS.has(key)) return true;
	if (FALSE_WORDS.has(key)) return false;
	return null;
}

function cell(row: readonly string[], index: number | undefined): string {
	return index === undefined ? '' : String(row[index] ?? '').trim();
}

type OrgIndex = Map<string, ImportContext['organizations'][number][]>;

/** Organizations by normalized name and alias, so that matching stays linear in the file size. */
function indexOrganizations(orgs: ImportContext['organizations']): OrgIndex {
	const index: OrgIndex = new Map();
	for (const o of orgs) {
		for (const key of new Set([o.name, ...o.aliases].map(normalizeKey))) index.set(key, [...(index.get(key) ?? []), o]);
	}
	return index;
}

function findOrganization(name: string, countryCode: string | null, index: OrgIndex) {
	const matches = index.get(normalizeKey(name)) ?? [];
	// Same name in several countries (national chapters): the person's country decides.
	return matches.find((o) => o.countryCode === countryCode) ?? (matches.length === 1 ? matches[0] : null);
}

/**
 * Validates every data row (rows[0] is the header). Spreadsheet row numbers in problems count the
 * header as row 1, so they match what the person sees in Excel.
 */
export function validatePeopleImport(rows: readonly (readonly string[])[], mapping: ColumnMapping, ctx: ImportContext): ImportValidation {
	const people: ImportedPerson[] = [];
	const problems: ImportProblem[] = [];
	const newOrganizations = new Map<string, Extract<OrganizationChoice, { kind: 'new' }>>();
	const emailRows = new Map<string, number>();
	const orgIndex = indexOrganizations(ctx.organizations);

	for (let i = 1; i < rows.length; i++) {
		const raw = rows[i];
		const row = i + 1;
		if (raw.every((v) => String(v ?? '').trim() === '')) continue; // blank lines are not people
		const rowProblems: ImportProblem[] = [];
		const problem = (field: ImportField, value: string, kind: ImportProblemKind, reason: string, otherRow?: number) => rowProblems.push({ row, field, value, kind, reason, ...(otherRow ? { otherRow } : {}) });

		const name = cell(raw, mapping.name);
		if (!name) problem('name', '', 'missing', 'name is missing');
		else if (name.length > 200) problem('name', name.slice(0, 40), 'too-long', 'name is longer than 200 characters');

		const email = cell(raw, mapping.email).toLowerCase();
		if (!email) problem('email', '', 'missing', 'email is missing');
		else if (!isValidEmail(email)) problem('email', email, 'invalid-email', `invalid email "${email}"`);
		else if (ctx.existingEmails.has(email)) problem('email', email, 'email-in-directory', `duplicate: "${email}" is already in the directory`);
		else if (emailRows.has(email)) problem('email', email, 'email-repeated', `duplicate: "${email}" is also on row ${emailRows.get(email)}`, emailRows.get(email));
		else emailRows.set(email, row);

		const countryText = cell(raw, mapping.country);
		const countryCode = countryText ? matchCountry(countryText, ctx.countries) : null;
		if (countryText && !countryCode) problem('country', countryText, 'unknown-country', `unknown country "${countryText}"`);

		const categoryText = cell(raw, mapping.category);
		const categoryId = categoryText ? matchCategory(categoryText, ctx.categories) : null;
		if (categoryText && !categoryId) problem('category', categoryText, 'unknown-category', `unknown stakeholder category "${categoryText}"`);

		const consents: Partial<Record<'consentToContact' | 'consentToList', boolean>> = {};
		for (const field of ['consentToContact', 'consentToList'] as const) {
			const text = cell(raw, mapping[field]);
			const value = parseConsent(text);
			if (value === null) problem(field, text, 'not-yes-or-no', `"${text}" is not yes or no`);
			else consents[field] = value;
		}

		let organization: OrganizationChoice | null = null;
		const orgName = cell(raw, mapping.organization);
		if (orgName) {
			const existing = findOrganization(orgName, countryCode, orgIndex);
			if (existing) organization = { kind: 'existing', id: existing.id };
			else {
				const key = `${normalizeKey(orgName)}|${countryCode ?? ''}`;
				const created = newOrganizations.get(key) ?? { kind: 'new' as const, key, name: orgName, countryCode, categoryId };
				organization = created;
				if (!rowProblems.length) newOrganizations.set(key, created);
			}
		}

		if (rowProblems.length) {
			problems.push(...rowProblems);
			continue;
		}
		const { gender, selfDescription } = parseGender(cell(raw, mapping.gender));
		people.push({
			row,
			name,
			email,
			organization,
			countryCode,
			categoryId,
			gender,
			genderSelfDescription: selfDescription,
			honorific: cell(raw, mapping.honorific) || null,
			jobTitle: cell(raw, mapping.jobTitle) || null,
			phone: cell(raw, mapping.phone) || null,
			languages: cell(raw, mapping.languages)
				.split(/[,;/]+/)
				.map((l) => l.trim().toLowerCase())
				.filter(Boolean),
			consentToContact: consents.consentToContact ?? false,
			consentToList: consents.consentToList ?? false
		});
	}
	return { people, problems, newOrganizations: [...newOrganizations.values()] };
}
