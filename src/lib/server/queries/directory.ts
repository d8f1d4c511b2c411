// The stakeholder directory: people and organizations.
import { and, asc, count, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db';
import { consultation, country, organization, person, registration, stakeholderCategory } from '../db/schema';
import type { ImportContext } from '../../domain/people-import';
import type { ConsultationId, OrganizationId, PersonId } from '../../domain/ids';

export async function loadImportContext(db: Executor): Promise<ImportContext> {
	const [countries, categories, organizations, emails] = await Promise.all([
		db.select({ code: country.code, name: country.name }).from(country),
		db.select({ id: stakeholderCategory.id, label: stakeholderCategory.label }).from(stakeholderCategory),
		db
			.select({ id: organization.id, name: organization.name, aliases: organization.aliases, countryCode: organization.countryCode })
			.from(organization)
			.where(isNull(organization.mergedIntoId)),
		db.select({ email: sql<string>`lower(${person.email})` }).from(person).where(sql`${person.email} is not null`)
	]);
	return { countries, categories, organizations, existingEmails: new Set(emails.map((e) => e.email)) };
}

export interface PeopleFilter {
	q?: string; // name, email or organization
	categoryId?: string;
	countryCode?: string;
	subregionId?: string;
	gender?: string;
	consultationId?: ConsultationId; // registered for this consultation
	consultationSlug?: string; // the same, by slug (from a URL)
}

export function peopleConditions(filter: PeopleFilter): SQL[] {
	const conditions: SQL[] = [isNull(person.erasedAt)];
	if (filter.q?.trim()) {
		const pattern = `%${filter.q.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
		conditions.push(or(ilike(person.name, pattern), ilike(person.email, pattern), ilike(organization.name, pattern))!);
	}
	if (filter.categoryId) conditions.push(eq(person.categoryId, filter.categoryId));
	if (filter.countryCode) conditions.push(eq(person.countryCode, filter.countryCode));
	if (filter.subregionId) conditions.push(eq(country.subregionId, filter.subregionId));
	if (filter.gender) conditions.push(eq(person.gender, filter.gender));
	if (filter.consultationId) conditions.push(sql`${person.id} in ${registrantsOf(filter.consultationId)}`);
	if (filter.consultationSlug) conditions.push(sql`${person.id} in ${registrantsOfSlug(filter.consultationSlug)}`);
	return conditions;
}

function registrantsOfSlug(slug: string) {
	return sql`(select ${registration.personId} from ${registration} join ${consultation} on ${consultation.id} = ${registration.consultationId} where ${consultation.slug} = ${slug})`;
}

function registrantsOf(consultationId: ConsultationId) {
	return sql`(select ${registration.personId} from ${registration} where ${registration.consultationId} = ${consultationId})`;
}

export async function listPeople(db: Executor, filter: PeopleFilter, limit = 10_000) {
	return db
		.select({
			id: person.id,
			name: person.name,
			honorific: person.honorific,
			jobTitle: person.jobTitle,
			email: person.email,
			phone: person.phone,
			gender: person.gender,
			genderSelfDescription: person.genderSelfDescription,
			countryCode: person.countryCode,
			countryName: country.name,
			subregionId: country.subregionId,
			categoryId: person.categoryId,
			categoryLabel: stakeholderCategory.label,
			organizationId: person.organizationId,
			organizationName: organization.name,
			languages: person.languages,
			consentToContact: person.consentToContact,
			consentToList: person.consentToList
		})
		.from(person)
		.leftJoin(organization, eq(person.organizationId, organization.id))
		.leftJoin(country, eq(person.countryCode, country.code))
		.leftJoin(stakeholderCategory, eq(person.categoryId, stakeholderCategory.id))
		.where(and(...peopleConditions(filter)))
		.orderBy(asc(person.name), asc(person.id))
		.limit(limit);
}
export type DirectoryPerson = Awaited<ReturnType<typeof listPeople>>[number];

/** A person's email (the unsubscribe page shows which address it would remove); null when unknown. */
export async function emailOfPerson(db: Executor, personId: PersonId): Promise<string | null> {
	const [p] = await db.select({ email: person.email }).from(person).where(eq(person.id, personId));
	return p?.email ?? null;
}

/** Organizations (not merged away) whose name or acronym contains `q`, with their people counted; at most 500. */
export function searchOrganizations(db: Executor, q: string) {
	const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
	return db
		.select({ id: organization.id, name: organization.name, acronym: organization.acronym, aliases: organization.aliases, countryCode: organization.countryCode, country: country.name, categoryId: organization.categoryId, category: stakeholderCategory.label, people: count(person.id) })
		.from(organization)
		.leftJoin(country, eq(organization.countryCode, country.code))
		.leftJoin(stakeholderCategory, eq(organization.categoryId, stakeholderCategory.id))
		.leftJoin(person, eq(person.organizationId, organization.id))
		.where(and(isNull(organization.mergedIntoId), q ? or(ilike(organization.name, pattern), ilike(organization.acronym, pattern)) : undefined))
		.groupBy(organization.id, country.name, stakeholderCategory.label)
		.orderBy(asc(organization.name))
		.limit(500);
}

/** A person of the directory as the edit form shows them; null when unknown or erased. */
export async function getPersonForEdit(db: Executor, id: PersonId) {
	const [p] = await db.select().from(person).where(eq(person.id, id));
	return p && !p.erasedAt ? p : null;
}

/** Everyone not erased, with their organization's name: the input of the duplicate finder. */
export function listPeopleForDuplicates(db: Executor) {
	return db
		.select({ id: person.id, name: person.name, email: person.email, organizationId: person.organizationId, organization: organization.name })
		.from(person)
		.leftJoin(organization, eq(person.organizationId, organization.id))
		.where(isNull(person.erasedAt));
}

/** An organization record (merged ones too: the page redirects to the record kept); null when unknown. */
export async function getOrganization(db: Executor, id: OrganizationId) {
	const [o] = await db.select().from(organization).where(eq(organization.id, id));
	return o ?? null;
}

/** Everyone not erased as "Name — Organization", by name (moderator and speaker pickers). */
export async function listPeopleLabels(db: Executor) {
	const rows = await db
		.select({ id: person.id, name: person.name, organization: organization.name })
		.from(person)
		.leftJoin(organization, eq(person.organizationId, organization.id))
		.where(isNull(person.erasedAt))
		.orderBy(asc(person.name));
	return rows.map((p) => ({ id: p.id, label: p.organization ? `${p.name} — ${p.organization}` : p.name }));
}
