// Longer than a route should be: "My registrations" is one page with five actions (details, confirm or withdraw,
// offer the place to a colleague, preferences, erase my data), each a parse and one use-case call.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb, getAuth, getMailer, getReadCache, links } from '$lib/server/runtime';
import { requireStakeholder } from '$lib/server/guards';
import { getMyRecord, listMyRegistrations } from '$lib/server/queries/me';
import { erasePerson } from '$lib/server/use-cases/erase-person';
import { updateMyPreferences } from '$lib/server/use-cases/update-my-preferences';
import { moveMyRegistration, updateMyRegistration } from '$lib/server/use-cases/move-registration';
import { ZColleague, ZRegistrationDetails } from '$lib/domain/registration-input';
import { zodFieldErrors } from '$lib/domain/form-errors';
import { offerHandover } from '$lib/server/use-cases/hand-over-place';
import { openForMyComments } from '$lib/server/queries/report-comments';
import { errorText } from '$lib/error-text';
import { cachedReferenceOptions } from '$lib/server/queries/cached';
import { findOrganizations, organizationChoice, SEARCH_RESULTS } from '$lib/server/queries/organization-choices';
import { localizedOptions } from '$lib/server/localized-options';
import { referenceNames } from '$lib/server/reference-names';
import { MAX_QUERY } from '$lib/domain/organization-search';
import { formatTimeRange } from '$lib/domain/time';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { formId, NOT_FOUND } from '$lib/server/forms';
import type { RegistrationId } from '$lib/domain/ids';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireStakeholder(locals.actor);
	const now = new Date();
	const db = getDb();
	const [me, registrations, reportsToComment] = await Promise.all([getMyRecord(db, actor.personId), listMyRegistrations(db, actor.personId, now), openForMyComments(db, actor, now, locals.locale)]);
	const names = referenceNames(locals.locale);
	const cache = getReadCache();
	// The lists only when some registration's organization, group or country can still change.
	const options = registrations.some((r) => r.canChangeIdentity) ? localizedOptions(await cachedReferenceOptions(cache, db), locals.locale) : null;
	return {
		me: me && { ...me, country: me.country && names.country(me.countryCode, me.country), category: me.category && names.category(me.categoryId, me.category) },
		reportsToComment,
		options,
		registrations: await Promise.all(registrations.map(async (r) => ({
			...r,
			organization: await organizationChoice(db, r.organizationId),
			when: formatTimeRange(r.startsAt, r.endsAt, r.timeZone, locals.locale),
			organizationId: r.organizationId ?? '',
			categoryId: r.categoryId ?? '',
			countryCode: r.countryCode ?? '',
			languages: r.languages.join(', '),
			interpretationNeeds: r.interpretationNeeds ?? '',
			accessibilityNeeds: r.accessibilityNeeds ?? ''
		})))
	};
};

const DETAILS_REASONS: Record<string, () => string> = { 'organization-taken': m.me_organization_taken, decided: m.me_identity_decided, invalid: m.register_errors };

export const actions: Actions = {
	// The organization search of one registration's form, without JavaScript: the form comes back
	// open, with what was typed in it and the matches.
	findOrganization: async ({ locals, request }) => {
		requireStakeholder(locals.actor);
		const form = await request.formData();
		const query = String(form.get('organizationSearch') ?? '').slice(0, MAX_QUERY);
		const field = (key: string) => String(form.get(key) ?? '').slice(0, 1000);
		return {
			searchFor: field('registrationId'),
			organizationSearch: query,
			...(await findOrganizations(getReadCache(), getDb(), query, SEARCH_RESULTS).then((found) => ({ organizationMatches: found.matches, organizationMore: found.isMore }))),
			organizationChoice: await organizationChoice(getDb(), form.get('organizationId')),
			values: { categoryId: field('categoryId'), countryCode: field('countryCode'), interpretationNeeds: field('interpretationNeeds'), accessibilityNeeds: field('accessibilityNeeds') }
		};
	},
	details: async ({ locals, request }) => {
		const actor = requireStakeholder(locals.actor);
		const form = await request.formData();
		const parsed = ZRegistrationDetails.safeParse({
			languages: form.getAll('languages').map(String),
			interpretationNeeds: form.get('interpretationNeeds') ?? undefined,
			accessibilityNeeds: form.get('accessibilityNeeds') ?? undefined,
			organizationId: form.get('organizationId') ?? undefined,
			categoryId: form.get('categoryId') ?? undefined,
			countryCode: form.get('countryCode') ?? undefined
		});
		if (!parsed.success) return fail(400, { registrationMessage: m.register_errors() });
		const registrationId = formId<RegistrationId>(form, 'registrationId');
		const result = registrationId ? await updateMyRegistration(getDb(), actor, registrationId, parsed.data, new Date()) : NOT_FOUND;
		if (!result.ok) {
			const message = (DETAILS_REASONS[result.reason] ?? m.decision_not_allowed)();
			return fail(result.reason === 'forbidden' ? 403 : result.reason === 'invalid' ? 400 : 409, { registrationMessage: message });
		}
		return { registrationUpdated: true };
	},
	offer: async ({ locals, request }) => {
		const actor = requireStakeholder(locals.actor);
		const form = await request.formData();
		const name = String(form.get('colleagueName') ?? '');
		const email = String(form.get('colleagueEmail') ?? '');
		const parsed = ZColleague.safeParse({ name, email });
		const echo = { offerFor: String(form.get('registrationId') ?? ''), offerName: name, offerEmail: email };
		if (!parsed.success) {
			const errors = zodFieldErrors(parsed.error);
			return fail(400, { ...echo, offerErrors: { name: errorText(errors.name), email: errorText(errors.email) } });
		}
		const registrationId = formId<RegistrationId>(form, 'registrationId');
		const result = registrationId ? await offerHandover(getDb(), getMailer(), actor, registrationId, parsed.data, new Date(), links().handover, locals.locale) : NOT_FOUND;
		if (!result.ok) {
			if (result.reason === 'same-person') return fail(400, { ...echo, offerErrors: { name: undefined, email: m.me_offer_same_person() } });
			return fail(result.reason === 'forbidden' ? 403 : 409, { registrationMessage: m.decision_not_allowed() });
		}
		return { offerSent: true };
	},
	registration: async ({ locals, request }) => {
		const actor = requireStakeholder(locals.actor);
		const form = await request.formData();
		const to = form.get('to') === 'confirmed' ? 'confirmed' : 'withdrawn';
		const registrationId = formId<RegistrationId>(form, 'registrationId');
		// Withdrawing is asked once: the first press shows the question, the answer withdraws.
		if (to === 'withdrawn' && form.get('confirm') !== 'yes') return { confirmWithdraw: registrationId ?? '' };
		const result = registrationId ? await moveMyRegistration(getDb(), actor, registrationId, to, new Date(), { mailer: getMailer(), page: links().consultation }) : NOT_FOUND;
		if (!result.ok) return fail(result.reason === 'forbidden' ? 403 : 409, { registrationMessage: m.decision_not_allowed() });
		return to === 'withdrawn' ? { withdrawn: { title: result.title, isPlaceFreed: result.isPlaceFreed } } : { confirmed: { title: result.title } };
	},
	preferences: async ({ locals, request }) => {
		const actor = requireStakeholder(locals.actor);
		const form = await request.formData();
		const result = await updateMyPreferences(getDb(), actor, {
			consentToContact: form.get('consentToContact') === 'on',
			consentToList: form.get('consentToList') === 'on',
			preferredLocale: String(form.get('preferredLocale') ?? 'en')
		}, new Date());
		if (!result.ok) return fail(400, { preferencesMessage: m.error_field_invalid() });
		return { preferencesSaved: true };
	},
	erase: async ({ locals, request }) => {
		const actor = requireStakeholder(locals.actor);
		const form = await request.formData();
		if (form.get('confirm') !== 'yes') return fail(400, { eraseMessage: m.me_erase_needs_confirm() });
		const result = await erasePerson(getDb(), actor, actor.personId, new Date());
		if (!result.ok) return fail(403, { eraseMessage: m.error_forbidden() });
		await getAuth().api.signOut({ headers: request.headers }).catch(() => undefined);
		redirect(303, localizeHref('/?erased=1'));
	}
};
