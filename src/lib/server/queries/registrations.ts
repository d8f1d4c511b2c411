// Registrations of one consultation, with what the organizer's view and export show.
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../db';
import { country, organization, person, registration, stakeholderCategory, subregion } from '../db/schema';
import type { RegistrationStatus } from '../../domain/enums';
import type { ConsultationId } from '../../domain/ids';

export interface RegistrationFilter {
	status?: RegistrationStatus;
	subregionId?: string;
	gender?: string;
	categoryId?: string;
}

export async function listRegistrations(db: Executor, consultationId: ConsultationId, filter: RegistrationFilter = {}) {
	const conditions: SQL[] = [eq(registration.consultationId, consultationId)];
	if (filter.status) conditions.push(eq(registration.status, filter.status));
	if (filter.subregionId) conditions.push(eq(country.subregionId, filter.subregionId));
	if (filter.gender) conditions.push(eq(registration.gender, filter.gender));
	if (filter.categoryId) conditions.push(eq(registration.categoryId, filter.categoryId));
	return db
		.select({
			id: registration.id,
			status: registration.status,
			submittedAt: registration.submittedAt,
			name: person.name,
			email: person.email,
			organization: organization.name,
			countryCode: registration.countryCode,
			country: country.name,
			subregionId: country.subregionId,
			subregion: subregion.name,
			gender: registration.gender,
			categoryId: registration.categoryId,
			category: stakeholderCategory.label,
			languages: registration.languages,
			interpretationNeeds: registration.interpretationNeeds,
			accessibilityNeeds: registration.accessibilityNeeds
		})
		.from(registration)
		.innerJoin(person, eq(registration.personId, person.id))
		.leftJoin(organization, eq(registration.organizationId, organization.id))
		.leftJoin(country, eq(registration.countryCode, country.code))
		.leftJoin(subregion, eq(country.subregionId, subregion.id))
		.leftJoin(stakeholderCategory, eq(registration.categoryId, stakeholderCategory.id))
		.where(and(...conditions))
		.orderBy(asc(registration.submittedAt));
}
export type RegistrationListRow = Awaited<ReturnType<typeof listRegistrations>>[number];
