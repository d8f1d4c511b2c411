// Choices offered by the directory forms: organizations (chosen records), countries, categories.
import { asc, isNull } from 'drizzle-orm';
import type { Executor } from '../db';
import { country, organization, stakeholderCategory } from '../db/schema';

export async function loadDirectoryOptions(db: Executor) {
	const [organizations, countries, categories] = await Promise.all([
		db
			.select({ id: organization.id, name: organization.name, countryCode: organization.countryCode })
			.from(organization)
			.where(isNull(organization.mergedIntoId))
			.orderBy(asc(organization.name)),
		db.select({ code: country.code, name: country.name }).from(country).orderBy(asc(country.name)),
		db.select({ id: stakeholderCategory.id, label: stakeholderCategory.label }).from(stakeholderCategory).orderBy(asc(stakeholderCategory.position))
	]);
	return { organizations, countries, categories };
}
