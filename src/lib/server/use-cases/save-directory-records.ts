// Create and edit people and organizations. The organization of a person is always a chosen record
// (an id), never free text; references are checked inside the transaction.
import { and, eq, isNull } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { country, organization, person, stakeholderCategory } from '../db/schema';
import { FORBIDDEN, policy, type Actor, type Forbidden } from '../../domain/policy';
import type { TOrganizationInput, TPersonInput } from '../../domain/directory-input';
import { uniqueViolation } from '../db/errors';
import type { OrganizationId, PersonId } from '../../domain/ids';

export type SaveResult<Id> = { ok: true; id: Id } | Forbidden | { ok: false; reason: 'not-found' } | { ok: false; reason: 'invalid'; errors: Record<string, string> };


async function referenceErrors(db: Executor, input: { countryCode: string | null; categoryId: string | null; organizationId?: OrganizationId | null }) {
	const errors: Record<string, string> = {};
	if (input.countryCode && !(await db.select({ c: country.code }).from(country).where(eq(country.code, input.countryCode))).length) errors.countryCode = 'country-invalid';
	if (input.categoryId && !(await db.select({ c: stakeholderCategory.id }).from(stakeholderCategory).where(eq(stakeholderCategory.id, input.categoryId))).length)
		errors.categoryId = 'category-invalid';
	if (input.organizationId) {
		const found = await db.select({ id: organization.id }).from(organization).where(and(eq(organization.id, input.organizationId), isNull(organization.mergedIntoId)));
		if (!found.length) errors.organizationId = 'organization-invalid';
	}
	return errors;
}

export async function savePerson(db: Database, actor: Actor, input: TPersonInput, personId: PersonId | null, now: Date): Promise<SaveResult<PersonId>> {
	if (!policy.canChangeDirectory(actor)) return FORBIDDEN;
	try {
		return await db.transaction(async (tx) => {
			const errors = await referenceErrors(tx, input);
			if (Object.keys(errors).length) return { ok: false as const, reason: 'invalid' as const, errors };
			const values = {
				...input,
				genderSelfDescription: input.gender === 'self-described' ? input.genderSelfDescription : null,
				updatedAt: now
			};
			if (!personId) {
				const [row] = await tx.insert(person).values(values).returning({ id: person.id });
				return { ok: true as const, id: row.id };
			}
			const rows = await tx
				.update(person)
				.set(values)
				.where(and(eq(person.id, personId), isNull(person.erasedAt)))
				.returning({ id: person.id });
			return rows.length ? { ok: true as const, id: rows[0].id } : { ok: false as const, reason: 'not-found' as const };
		});
	} catch (error) {
		if (uniqueViolation(error)) return { ok: false, reason: 'invalid', errors: { email: 'email-taken' } };
		throw error;
	}
}

export async function saveOrganization(db: Database, actor: Actor, input: TOrganizationInput, organizationId: OrganizationId | null, now: Date): Promise<SaveResult<OrganizationId>> {
	if (!policy.canChangeDirectory(actor)) return FORBIDDEN;
	try {
		return await db.transaction(async (tx) => {
			const errors = await referenceErrors(tx, input);
			if (Object.keys(errors).length) return { ok: false as const, reason: 'invalid' as const, errors };
			if (!organizationId) {
				const [row] = await tx.insert(organization).values(input).returning({ id: organization.id });
				return { ok: true as const, id: row.id };
			}
			const rows = await tx
				.update(organization)
				.set({ ...input, updatedAt: now })
				.where(and(eq(organization.id, organizationId), isNull(organization.mergedIntoId)))
				.returning({ id: organization.id });
			return rows.length ? { ok: true as const, id: rows[0].id } : { ok: false as const, reason: 'not-found' as const };
		});
	} catch (error) {
		if (uniqueViolation(error)) return { ok: false, reason: 'invalid', errors: { name: 'name-taken' } };
		throw error;
	}
}
