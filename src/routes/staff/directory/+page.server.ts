import { asc } from 'drizzle-orm';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireStaff } from '$lib/server/guards';
import { listPeople } from '$lib/server/queries/directory';
import { parsePeopleFilter } from '$lib/server/directory-filter';
import { consultation, country, stakeholderCategory, subregion } from '$lib/server/db/schema';
import { policy } from '$lib/domain/policy';
import { GENDERS } from '$lib/domain/enums';

const PAGE_SIZE = 200;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireStaff(locals.actor, policy.canReadDirectory);
	const db = getDb();
	const filter = parsePeopleFilter(url.searchParams);
	const [people, categories, countries, subregions, consultations] = await Promise.all([
		listPeople(db, filter, PAGE_SIZE + 1),
		db.select().from(stakeholderCategory).orderBy(asc(stakeholderCategory.position)),
		db.select({ code: country.code, name: country.name }).from(country).orderBy(asc(country.name)),
		db.select().from(subregion).orderBy(asc(subregion.position)),
		db.select({ slug: consultation.slug, title: consultation.title }).from(consultation).orderBy(asc(consultation.startsAt))
	]);
	return {
		people: people.slice(0, PAGE_SIZE).map((p) => ({
			id: p.id,
			name: p.name,
			// Organizers see affiliations and groups to build invitations, not contact details.
			email: policy.canExportPersonalData(actor) ? p.email : null,
			organization: p.organizationName,
			country: p.countryName,
			category: p.categoryLabel,
			gender: p.gender
		})),
		hasMore: people.length > PAGE_SIZE,
		filter,
		query: url.searchParams.toString(),
		categories,
		countries,
		subregions,
		consultations,
		genders: GENDERS,
		canExport: policy.canExportPersonalData(actor),
		canImport: policy.canChangeDirectory(actor)
	};
};
