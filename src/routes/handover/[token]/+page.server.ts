import { fail } from '@sveltejs/kit';
import { randomBytes } from 'node:crypto';
import type { Actions, PageServerLoad } from './$types';
import { getDb, getMailer, links } from '$lib/server/runtime';
import { acceptHandover } from '$lib/server/use-cases/hand-over-place';
import { findHandover } from '$lib/server/queries/handover';
import { parseRegistration, registrationFields } from '$lib/domain/registration-input';
import { GENDERS } from '$lib/domain/enums';
import { LANGUAGES } from '$lib/languages';

// Stands in for the organization while the form is checked: acceptHandover puts the holder's there.
const PLACE_HOLDERS_ORGANIZATION = '00000000-0000-0000-0000-000000000000';
const urls = () => links().decision;

// Opening the link shows what would happen; only a button (a POST) hands the place over, so that
// mail scanners that follow links change nothing. A colleague's request needs the holder's yes; an
// offer from the holder needs the colleague's own registration.
export const load: PageServerLoad = async ({ params }) => {
	const found = await findHandover(getDb(), params.token, new Date());
	if (!found) return { handover: null, offer: null };
	if (!found.isOffer) return { handover: { title: found.title, requester: found.requester.name, email: found.requester.email }, offer: null };
	return {
		handover: null,
		offer: { title: found.title, holder: found.holder, organization: found.organization ?? '', name: found.colleague.name, email: found.colleague.email },
		idempotencyKey: randomBytes(16).toString('base64url'),
		genders: GENDERS,
		languages: LANGUAGES
	};
};

export const actions: Actions = {
	accept: async ({ params, locals }) => {
		// The colleague's language is kept with their request; this page's is used for older requests.
		const result = await acceptHandover(getDb(), getMailer(), params.token, new Date(), urls(), undefined, locals.locale);
		if (!result.ok) return fail(409, { isInvalid: true });
		return { isDone: true };
	},
	take: async ({ params, request, locals }) => {
		const found = await findHandover(getDb(), params.token, new Date());
		if (!found?.isOffer) return fail(409, { isInvalid: true });
		const raw = registrationFields(await request.formData());
		// Organization, group and country come with the place; the email is the one the offer went to.
		const parsed = parseRegistration({ ...raw, email: found.colleague.email, organizationId: PLACE_HOLDERS_ORGANIZATION, newOrganizationName: undefined, categoryId: found.categoryId ?? '', countryCode: found.countryCode ?? '' });
		if (!parsed.ok) return fail(400, { values: raw, errors: parsed.errors });
		const result = await acceptHandover(getDb(), getMailer(), params.token, new Date(), urls(), parsed.data, locals.locale);
		if (!result.ok) return result.reason === 'invalid' ? fail(400, { values: raw, errors: result.errors }) : fail(409, { isInvalid: true });
		return { isDone: true, isOffer: true };
	}
};
