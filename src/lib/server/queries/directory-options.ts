// Choices offered by the directory forms: organizations (chosen records), countries, categories.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db';
import type { OrganizationId } from '../../domain/ids';
import { organization } from '../db/schema';
import { listCategories, listCountries } from './reference';

/** Every organization a form may name (not merged away), by name. */
export function listOrganizationChoices(db: Executor) {
	return db
		.select({ id: organization.id, name: organization.name, countryCode: organization.countryCode, acronym: organization.acronym, aliases: organization.aliases })
		.from(organization)
		.where(isNull(organization.mergedIntoId))
		.orderBy(asc(organization.name));
}

/** One organization a form names (not merged away), or null. */
export async function getOrganizationChoice(db: Executor, id: OrganizationId) {
	const [row] = await db
		.select({ id: organization.id, name: organization.name, countryCode: organization.countryCode })
		.from(organization)
		.where(and(eq(organization.id, id), isNull(organization.mergedIntoId)));
	return row ?? null;
}

/** Countries and stakeholder groups: reference data, which registrations never change. */
export async function loadReferenceOptions(db: Executor) {
	const [countries, categories] = await Promise.all([listCountries(db), listCategories(db)]);
	return { countries, categories };
}

export async function loadDirectoryOptions(db: Executor) {
	const [organizations, references] = await Promise.all([listOrganizationChoices(db), loadReferenceOptions(db)]);
	return { organizations, ...references };
}
