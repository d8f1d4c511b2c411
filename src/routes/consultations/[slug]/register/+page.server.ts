// Longer than a route should be: two actions (register, ask the holder to hand over the place) share the form, and a
// signed-in stakeholder finds it filled from their record.
import { error, fail, redirect } from '@sveltejs/kit';
import { randomBytes } from 'node:crypto';
import type { Actions, PageServerLoad } from './$types';
import { getDb, getMailer, getReadCache, links } from '$lib/server/runtime';
import { cachedConceptNote, cachedPublishedConsultation, cachedReferenceOptions } from '$lib/server/queries/cached';
import { getRegistrationPrefill } from '$lib/server/queries/me';
import { registerForConsultation } from '$lib/server/use-cases/register-for-consultation';
import { requestHandover } from '$lib/server/use-cases/hand-over-place';
import { parseRegistration, registrationFields } from '$lib/domain/registration-input';
import { registrationState } from '$lib/domain/consultation';
import { formatDeadline, formatTimeRange } from '$lib/domain/time';
import { GENDERS } from '$lib/domain/enums';
import { LANGUAGES } from '$lib/languages';
import { localizeHref } from '$lib/paraglide/runtime';
import { findOrganizations, organizationChoice, SEARCH_RESULTS } from '$lib/server/queries/organization-choices';
import { localizedOptions } from '$lib/server/localized-options';
import { MAX_QUERY } from '$lib/domain/organization-search';
import { keepSummary, summaryOf, takeSummary } from '$lib/server/registration-summary';

export const load: PageServerLoad = async ({ params, locals, url, cookies }) => {
	const db = getDb();
	const note = await cachedConceptNote(getReadCache(), db, params.slug);
	if (!note) error(404);
	const c = note.consultation;
	const options = await cachedReferenceOptions(getReadCache(), db);
	// A signed-in stakeholder finds the form filled from their directory record.
	const prefill = locals.actor.kind === 'stakeholder' ? await getRegistrationPrefill(db, locals.actor.personId) : null;
	return {
		prefill,
		consultation: { slug: c.slug, title: c.title, isOnePerOrganization: c.isOnePerOrganization },
		when: formatTimeRange(c.startsAt, c.endsAt, c.timeZone, locals.locale),
		deadline: c.registrationClosesAt ? formatDeadline(c.registrationClosesAt, c.timeZone, locals.locale) : null,
		state: registrationState(c, new Date()),
		done: url.searchParams.has('done'),
		summary: url.searchParams.has('done') ? takeSummary(cookies, url.protocol === 'https:') : null,
		idempotencyKey: randomBytes(16).toString('base64url'),
		// The organization is found by a search, not picked from the whole directory: only the one
		// already chosen (a signed-in stakeholder's) comes with the page.
		prefillOrganization: await organizationChoice(db, prefill?.organizationId),
		...localizedOptions(options, locals.locale),
		genders: GENDERS,
		languages: LANGUAGES
	};
};

const notifyContext = (slug: string, locale: string) => ({
	mailer: getMailer(),
	locale,
	urls: { page: links().consultation(slug), signIn: links().signIn },
	published: (s: string) => cachedPublishedConsultation(getReadCache(), getDb(), s)
});

/** What was typed comes back with a refusal, with the organization chosen (its name, to show it). */
async function echoed(values: Record<string, unknown>) {
	return { values, organizationChoice: await organizationChoice(getDb(), values.organizationId) };
}

export const actions: Actions = {
	// Without JavaScript, the organization is found in a step of its own: the form comes back with
	// everything typed and the directory's matches to choose from.
	findOrganization: async ({ request }) => {
		const form = await request.formData();
		const raw = registrationFields(form);
		const query = String(form.get('organizationSearch') ?? '').slice(0, MAX_QUERY);
		const found = await findOrganizations(getReadCache(), getDb(), query, SEARCH_RESULTS);
		return { ...(await echoed(raw)), organizationSearch: query, organizationMatches: found.matches, organizationMore: found.isMore };
	},
	register: async ({ params, request, locals, cookies, url }) => {
		const form = await request.formData();
		const raw = registrationFields(form);
		// What was typed comes back with the errors (never the idempotency key of another try).
		const echo = { ...raw, consentToProcessing: raw.consentToProcessing };
		const parsed = parseRegistration(raw);
		if (!parsed.ok) return fail(400, { ...(await echoed(echo)), errors: parsed.errors });
		const summary = await summaryOf(getReadCache(), getDb(), parsed.data, locals.locale);
		const result = await registerForConsultation(getDb(), params.slug, parsed.data, new Date(), { ...notifyContext(params.slug, locals.locale), details: summary });
		if (result.ok) {
			keepSummary(cookies, summary, url.protocol === 'https:');
			redirect(303, `${localizeHref(`/consultations/${params.slug}/register`)}?done=1`);
		}
		if (result.reason === 'not-found') error(404);
		if (result.reason === 'invalid') return fail(400, { ...(await echoed(echo)), errors: result.errors });
		return fail(409, { ...(await echoed(echo)), reason: result.reason });
	},
	// The colleague asks the person holding the organization's place to hand it over.
	handover: async ({ params, request, locals }) => {
		const raw = registrationFields(await request.formData());
		const parsed = parseRegistration(raw);
		if (!parsed.ok) return fail(400, { ...(await echoed(raw)), errors: parsed.errors });
		const now = new Date();
		const result = await registerForConsultation(getDb(), params.slug, parsed.data, now, notifyContext(params.slug, locals.locale));
		if (result.ok) redirect(303, `${localizeHref(`/consultations/${params.slug}/register`)}?done=1`); // the place was free after all
		if (result.reason !== 'organization-taken' || !result.registeredRegistrationId) return fail(409, { ...(await echoed(raw)), reason: result.reason });
		await requestHandover(getDb(), getMailer(), result.registeredRegistrationId, parsed.data, now, links().handover, locals.locale);
		return { handoverSent: true };
	}
};
