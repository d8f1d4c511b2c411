// What a signed-in stakeholder sees of themselves on "My registrations": their directory record and
// their own registrations. Every query is keyed by the signed-in person's id, never by a form field.
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { consultation, country, organization, person, registration, stakeholderCategory } from '../db/schema';
import { isOneOf, ACTIVE_REGISTRATION_STATUSES } from '../../domain/enums';
import { canChangeDetails, canChangeIdentity, canMove, isAdmitted, isBeforeMeeting } from '../../domain/registration-status';
import type { PersonId } from '../../domain/ids';

/** The person's record as "My registrations" shows it; null when erased meanwhile. */
export async function getMyRecord(db: Executor, personId: PersonId) {
	const [me] = await db
		.select({
			name: person.name,
			email: person.email,
			organization: organization.name,
			country: country.name,
			countryCode: person.countryCode,
			category: stakeholderCategory.label,
			categoryId: person.categoryId,
			consentToContact: person.consentToContact,
			consentToList: person.consentToList,
			preferredLocale: person.preferredLocale
		})
		.from(person)
		.leftJoin(organization, eq(person.organizationId, organization.id))
		.leftJoin(country, eq(person.countryCode, country.code))
		.leftJoin(stakeholderCategory, eq(person.categoryId, stakeholderCategory.id))
		.where(eq(person.id, personId));
	return me ?? null;
}

/** The person's registrations to published consultations by date, each with what they may still do at `now`. */
export async function listMyRegistrations(db: Executor, personId: PersonId, now: Date) {
	const rows = await db
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
		.where(eq(registration.personId, personId))
		.orderBy(asc(consultation.startsAt));
	return rows.map((r) => {
		const status = r.status;
		const isOpen = isBeforeMeeting(r.startsAt, now);
		return {
			...r,
			status,
			// The meeting link only for selected and confirmed participants.
			meetingLink: isAdmitted(status) ? r.meetingLink : null,
			canConfirm: isOpen && canMove(status, 'confirmed', 'registrant'),
			canChange: canChangeDetails(status, r.startsAt, now),
			canChangeIdentity: canChangeIdentity(status, r.startsAt, now),
			canWithdraw: isOpen && canMove(status, 'withdrawn', 'registrant'),
			// A place held for an organization can pass to a colleague.
			canOffer: isOpen && r.isOnePerOrganization && r.organizationId !== null && isOneOf(ACTIVE_REGISTRATION_STATUSES, status)
		};
	});
}

/** A signed-in stakeholder's directory record as the registration form's starting values; null when unknown. */
export async function getRegistrationPrefill(db: Executor, personId: PersonId) {
	const [p] = await db.select().from(person).where(eq(person.id, personId));
	if (!p || p.erasedAt) return null;
	return {
		name: p.name,
		email: p.email ?? '',
		organizationId: p.organizationId ?? '',
		categoryId: p.categoryId ?? '',
		countryCode: p.countryCode ?? '',
		gender: p.gender ?? '',
		genderSelfDescription: p.genderSelfDescription ?? '',
		languages: p.languages,
		accessibilityNeeds: p.accessibilityNeeds ?? '',
		consentToContact: p.consentToContact,
		consentToList: p.consentToList
	};
}
