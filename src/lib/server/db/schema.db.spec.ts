import { describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeConsultation, makeOrganization, makePerson, makeRegistration } from '../../../../tests/support/factories';
import { appSetting, country, objective, registration, stakeholderCategory } from './schema';
import { loadReferenceData } from '../reference/load-reference';
import type { PersonId } from '../../domain/ids';

const t = useTestDatabase();

/** The PostgreSQL error code of a failed query (drizzle wraps the driver's error as `cause`). */
async function pgErrorCode(promise: Promise<unknown>): Promise<string | undefined> {
	try {
		await promise;
	} catch (error) {
		const e = error as { code?: string; cause?: { code?: string } };
		return e.cause?.code ?? e.code;
	}
	return undefined;
}

describe(`schema on ${testDriver}`, () => {
	it('loads the reference data, and loading it again changes nothing', async () => {
		await loadReferenceData(t.db);
		const [{ n: objectives }] = await t.db.select({ n: count() }).from(objective);
		const [{ n: categories }] = await t.db.select({ n: count() }).from(stakeholderCategory);
		const [{ n: countries }] = await t.db.select({ n: count() }).from(country);
		expect([objectives, categories, countries]).toEqual([23, 13, 62]);
	});

	it('skips the writes while the reference files are unchanged, and rewrites when their hash differs', async () => {
		const [first] = await t.db.select().from(objective).limit(1);
		await t.db.update(objective).set({ title: 'Edited by hand' }).where(eq(objective.id, first.id));
		await loadReferenceData(t.db); // same files: nothing written
		expect((await t.db.select({ title: objective.title }).from(objective).where(eq(objective.id, first.id)))[0].title).toBe('Edited by hand');
		await t.db.update(appSetting).set({ value: 'an older version of the files' }).where(eq(appSetting.key, 'reference_data_hash'));
		await loadReferenceData(t.db);
		expect((await t.db.select({ title: objective.title }).from(objective).where(eq(objective.id, first.id)))[0].title).toBe(first.title);
	});

	it('rejects a second active registration from the same organization when the rule is on', async () => {
		const c = await makeConsultation(t.db, { isOnePerOrganization: true });
		const org = await makeOrganization(t.db);
		const first = await makePerson(t.db, { organizationId: org.id });
		const colleague = await makePerson(t.db, { organizationId: org.id });
		await makeRegistration(t.db, c, first);
		expect(await pgErrorCode(makeRegistration(t.db, c, colleague))).toBe('23505'); // unique_violation
	});

	it('lets a colleague register once the first registration is withdrawn', async () => {
		const c = await makeConsultation(t.db);
		const org = await makeOrganization(t.db);
		const first = await makePerson(t.db, { organizationId: org.id });
		const colleague = await makePerson(t.db, { organizationId: org.id });
		const r = await makeRegistration(t.db, c, first);
		await t.db.update(registration).set({ status: 'withdrawn' }).where(eq(registration.id, r.id));
		const second = await makeRegistration(t.db, c, colleague);
		expect(second.status).toBe('submitted');
	});

	it('allows several people per organization when the rule is off', async () => {
		const c = await makeConsultation(t.db, { isOnePerOrganization: false });
		const org = await makeOrganization(t.db);
		await makeRegistration(t.db, c, await makePerson(t.db, { organizationId: org.id }));
		await makeRegistration(t.db, c, await makePerson(t.db, { organizationId: org.id }));
		const [{ n }] = await t.db.select({ n: count() }).from(registration).where(eq(registration.consultationId, c.id));
		expect(n).toBe(2);
	});

	it('admits only one of many concurrent registrations from one organization', async () => {
		const c = await makeConsultation(t.db);
		const org = await makeOrganization(t.db);
		const people = await Promise.all(Array.from({ length: 8 }, () => makePerson(t.db, { organizationId: org.id })));
		const results = await Promise.allSettled(people.map((p) => makeRegistration(t.db, c, p)));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const [{ n }] = await t.db.select({ n: count() }).from(registration).where(eq(registration.consultationId, c.id));
		expect(n).toBe(1);
	});

	it.each([
		['an unknown registration status', sql`update registration set status = 'maybe' where false or true`],
		['an unknown consultation format', sql`update consultation set format = 'telepathy'`],
		['an end before the start', sql`update consultation set ends_at = starts_at - interval '1 hour'`],
		['an anonymity threshold below 2', sql`update consultation set anonymity_threshold = 1`],
		['a lower-case country code', sql`insert into country (code, name) values ('xx', 'Nowhere')`],
		['an unknown gender value', sql`update person set gender = 'unknown'`]
	])('check constraints reject %s', async (_label, statement) => {
		const c = await makeConsultation(t.db);
		const p = await makePerson(t.db);
		await makeRegistration(t.db, c, p);
		expect(await pgErrorCode(t.db.execute(statement))).toBe('23514'); // check_violation
	});

	it('refuses a registration for a person who does not exist (foreign key)', async () => {
		const c = await makeConsultation(t.db);
		const code = await pgErrorCode(
			t.db.insert(registration).values({
				consultationId: c.id,
				personId: '00000000-0000-4000-8000-000000000000' as PersonId,
				isOnePerOrganization: true
			})
		);
		expect(code).toBe('23503'); // foreign_key_violation
	});
});
