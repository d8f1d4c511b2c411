// What a registrant sees after sending the form: their registration as the server understood it
// (names of the organization, group and country in their language), carried across the redirect in
// a short-lived cookie of their own browser and read once. Nothing about them is put in the address.
import type { Cookies } from '@sveltejs/kit';
import type { Executor } from './db';
import type { ReadCache } from './read-cache';
import type { TRegistrationInput } from '../domain/registration-input';
import { cachedReferenceOptions } from './queries/cached';
import { organizationChoice } from './queries/organization-choices';
import { localizedOptions } from './localized-options';
import { LANGUAGE_NAMES } from '../languages';

export interface RegistrationSummary {
	name: string;
	email: string;
	organization: string;
	category: string;
	country: string;
	languages: string;
}

const COOKIE = 'convene_registered';
const MAX_COOKIE = 3000;

export async function summaryOf(cache: ReadCache, db: Executor, input: TRegistrationInput, locale: string): Promise<RegistrationSummary> {
	const options = localizedOptions(await cachedReferenceOptions(cache, db), locale);
	const organization = (await organizationChoice(db, input.organizationId))?.name ?? input.newOrganizationName ?? '';
	return {
		name: input.name,
		email: input.email,
		organization,
		category: options.categories.find((c) => c.id === input.categoryId)?.label ?? '',
		country: options.countries.find((c) => c.code === input.countryCode)?.name ?? '',
		languages: input.languages.map((l) => LANGUAGE_NAMES[l] ?? l).join(', ')
	};
}

export function keepSummary(cookies: Cookies, summary: RegistrationSummary, isHttps: boolean): void {
	const value = Buffer.from(JSON.stringify(summary)).toString('base64url');
	if (value.length <= MAX_COOKIE) cookies.set(COOKIE, value, { path: '/', httpOnly: true, sameSite: 'lax', secure: isHttps, maxAge: 600 });
}

/** The summary kept by this browser, once: it is deleted as it is read. */
export function takeSummary(cookies: Cookies, isHttps: boolean): RegistrationSummary | null {
	const value = cookies.get(COOKIE);
	if (!value) return null;
	cookies.delete(COOKIE, { path: '/', secure: isHttps });
	if (value.length > MAX_COOKIE) return null;
	try {
		const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Record<string, unknown>;
		const text = (key: string) => (typeof parsed[key] === 'string' ? (parsed[key] as string).slice(0, 400) : '');
		return { name: text('name'), email: text('email'), organization: text('organization'), category: text('category'), country: text('country'), languages: text('languages') };
	} catch {
		return null;
	}
}
