import { fail, redirect } from '@sveltejs/kit';
import { and, asc, eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { baseUrl, getDb, getAuth, getMailer } from '$lib/server/runtime';
import { requireStakeholder } from '$lib/server/guards';
import { consultation, country, organization, person, registration, stakeholderCategory } from '$lib/server/db/schema';
import { erasePerson } from '$lib/server/use-cases/erase-person';
import { updateMyPreferences } from '$lib/server/use-cases/update-my-preferences';
import { moveMyRegistration, updateMyRegistration } from '$lib/server/use-cases/move-registration';
import { ZColleague, ZRegistrationDetails, registrationErrors } from '$lib/domain/registration-input';
import { offerHandover } from '$lib/server/use-cases/hand-over-place';
import { openForMyComments } from '$lib/server/reports/comments';
import { errorText } from '$lib/error-text';
import { ACTIVE_REGISTRATION_STATUSES } from '$lib/domain/enums';
import { loadDirectoryOptions } from '$lib/server/queries/directory-options';
import { canMove, isAdmitted, isBeforeMeeting } from '$lib/domain/registration-status';
import type { RegistrationStatus } from '$lib/domain/enums';
import { formatTimeRange } from '$lib/domain/time';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireStakeholder(locals.actor);
	const now = new Date();
	const db = getDb();
	const [me] = await db
		.select({
			name: person.name,
			email: person.email,
			organization: organization.name,
			country: country.name,
			category: stakeholderCategory.label,
			consentToContact: person.consentToContact,
			consentToList: person.consentToList,
			preferredLocale: person.preferredLocale
		})
		.from(person)
		.leftJoin(organization, eq(person.organizationId, organization.id))
		.leftJoin(country, eq(person.countryCode, country.code))
		.leftJoin(stakeholderCategory, eq(person.categoryId, stakeholderCategory.id))
		.where(eq(person.id, actor.personId));
	// Only this person's own registrations: the query is keyed by the signed-in person's id.
	const registrations = await db
		.select({
			id: registration.id,
			status: registration.status,
			slug: consultation.slug,
			title: consultation.title,
			startsAt: consultation.startsAt,
			endsAt: consultation.endsAt,
			timeZone: consultation.timeZone,
			meetingLink: consultation.meetingLink,
			isOnePerOrganization: consultation.isOnePerOrganization,
			languages: registration.languages,
			organizationId: registration.organizationId,
			categoryId: registration.categoryId,
			countryCode: registration.countryCode,
			interpretationNeeds: registration.interpretationNeeds,
			accessibilityNeeds: registration.accessibilityNeeds
		})
		.from(registration)
		.innerJoin(consultation, and(eq(registration.consultationId, consultation.id), eq(consultation.status, 'published')))
		.where(eq(registration.personId, actor.personId))
		.orderBy(asc(consultation.startsAt));
	// Organization, group and country can be corrected while no decision has been made.
	const isAnyUndecided = registrations.some((r) => r.status === 'submitted' && isBeforeMeeting(r.startsAt, now));
	return {
		me,
		reportsToComment: await openForMyComments(db, actor, now, locals.locale),
		options: isAnyUndecided ? await loadDirectoryOptions(db) : null,
		registrations: registrations.map((r) => {
			const status = r.status as RegistrationStatus;
			const isOpen = isBeforeMeeting(r.startsAt, now);
			return {
				id: r.id,
				status,
				slug: r.slug,
				title: r.title,
				when: formatTimeRange(r.startsAt, r.endsAt, r.timeZone, locals.locale),
				// The meeting link only for selected and confirmed participants.
				meetingLink: isAdmitted(status) ? r.meetingLink : null,
				canConfirm: isOpen && canMove(status, 'confirmed', 'registrant'),
				canChange: isOpen && status !== 'withdrawn' && status !== 'declined',
				canChangeIdentity: isOpen && status === 'submitted',
				organizationId: r.organizationId ?? '',
				categoryId: r.categoryId ?? '',
				countryCode: r.countryCode ?? '',
				languages: r.languages.join(', '),
				interpretationNeeds: r.interpretationNeeds ?? '',
				accessibilityNeeds: r.accessibilityNeeds ?? '',
				canWithdraw: isOpen && canMove(status, 'withdrawn', 'registrant'),
				// A place held for an organization can pass to a colleague.
				canOffer: isOpen && r.isOnePerOrganization && r.organizationId !== null && (ACTIVE_REGISTRATION_STATUSES as readonly string[]).includes(status)
			};
		})
	};
};

export const actions: Actions = {
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
		const result = await updateMyRegistration(getDb(), actor, String(form.get('registrationId') ?? ''), parsed.data, new Date());
		if (!result.ok) {
			const message =
				result.reason === 'organization-taken'
					? m.me_organization_taken()
					: result.reason === 'decided'
						? m.me_identity_decided()
						: result.reason === 'invalid'
							? m.register_errors()
							: m.decision_not_allowed();
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
			const errors = registrationErrors(parsed.error);
			return fail(400, { ...echo, offerErrors: { name: errorText(errors.name), email: errorText(errors.email) } });
		}
		const result = await offerHandover(getDb(), getMailer(), actor, String(form.get('registrationId') ?? ''), parsed.data, new Date(), (token) => `${baseUrl()}/handover/${token}`);
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
		const result = await moveMyRegistration(getDb(), actor, String(form.get('registrationId') ?? ''), to, new Date());
		if (!result.ok) return fail(result.reason === 'forbidden' ? 403 : 409, { registrationMessage: m.decision_not_allowed() });
		return { registrationUpdated: true };
	},
	preferences: async ({ locals, request }) => {
		const actor = requireStakeholder(locals.actor);
		const form = await request.formData();
		const result = await updateMyPreferences(getDb(), actor, {
			consentToContact: form.get('consentToContact') === 'on',
			consentToList: form.get('consentToList') === 'on',
			preferredLocale: String(form.get('preferredLocale') ?? 'en')
		});
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
