// Choices offered by the directory forms: organizations (chosen records), countries, categories.
import { asc, isNull } from 'drizzle-orm';
import type { Executor } from '../db';
import { organization } from '../db/schema';
import { listCategories, listCountries } from './reference';

export async function loadDirectoryOptions(db: Executor) {
	const [organizations, countries, categories] = await Promise.all([
		db
			.select({ id: organization.id, name: organization.name, countryCode: organization.countryCode, acronym: organization.acronym, aliases: organization.aliases })
			.from(organization)
			.where(isNull(organization.mergedIntoId))
			.orderBy(asc(organization.name)),
		listCountries(db),
		listCategories(db)
	]);
	return { organizations, countries, categories };
}
