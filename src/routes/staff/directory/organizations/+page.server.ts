import { and, asc, count, eq, ilike, isNull, or } from 'drizzle-orm';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireStaff } from '$lib/server/guards';
import { country, organization, person, stakeholderCategory } from '$lib/server/db/schema';
import { policy } from '$lib/domain/policy';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireStaff(locals.actor, policy.canReadDirectory);
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
	const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
	const rows = await getDb()
		.select({ id: organization.id, name: organization.name, acronym: organization.acronym, aliases: organization.aliases, country: country.name, category: stakeholderCategory.label, people: count(person.id) })
		.from(organization)
		.leftJoin(country, eq(organization.countryCode, country.code))
		.leftJoin(stakeholderCategory, eq(organization.categoryId, stakeholderCategory.id))
		.leftJoin(person, eq(person.organizationId, organization.id))
		.where(and(isNull(organization.mergedIntoId), q ? or(ilike(organization.name, pattern), ilike(organization.acronym, pattern)) : undefined))
		.groupBy(organization.id, country.name, stakeholderCategory.label)
		.orderBy(asc(organization.name))
		.limit(500);
	return { q, organizations: rows, canEdit: policy.canChangeDirectory(actor) };
};
