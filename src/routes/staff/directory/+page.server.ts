import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireStaff } from '$lib/server/guards';
import { listPeople } from '$lib/server/queries/directory';
import { parsePeopleFilter } from '$lib/server/directory-filter';
import { referenceLists } from '$lib/server/queries/reference';
import { listConsultationTitles } from '$lib/server/queries/consultations';
import { policy } from '$lib/domain/policy';
import { GENDERS } from '$lib/domain/enums';
import { localizeReferenceData } from '$lib/server/reference-names';

const PAGE_SIZE = 200;

const loadPage = async ({ locals, url }: Parameters<PageServerLoad>[0]) => {
	const actor = requireStaff(locals.actor, policy.canReadDirectory);
	const db = getDb();
	const filter = parsePeopleFilter(url.searchParams);
	const [people, lists, consultations] = await Promise.all([listPeople(db, filter, PAGE_SIZE + 1), referenceLists(db), listConsultationTitles(db)]);
	return {
		people: people.slice(0, PAGE_SIZE).map((p) => ({
			id: p.id,
			name: p.name,
			// Organizers see affiliations and groups to build invitations, not contact details.
			email: policy.canExportPersonalData(actor) ? p.email : null,
			organization: p.organizationName,
			// With their codes, for the names to be given in the reader's language.
			countryCode: p.countryCode,
			country: p.countryName,
			categoryId: p.categoryId,
			category: p.categoryLabel,
			gender: p.gender
		})),
		hasMore: people.length > PAGE_SIZE,
		filter,
		query: url.searchParams.toString(),
		...lists,
		consultations: consultations.map((c) => ({ slug: c.slug, title: c.title })),
		genders: GENDERS,
		canExport: policy.canExportPersonalData(actor),
		canImport: policy.canChangeDirectory(actor)
	};
};

// Stakeholder groups, subregions, countries and objectives in the staff member's language.
export const load: PageServerLoad = async (event) => localizeReferenceData(await loadPage(event), event.locals.locale);
