import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeOrganization, makePerson, makeStaffActor } from '../../../../tests/support/factories';
import { person } from '../db/schema';
import { ZOrganizationInput, ZPersonInput } from '../../domain/directory-input';
import type { Actor } from '../../domain/policy';
import { mergeOrganizations } from './merge-directory-records';
import { saveOrganization, savePerson } from './save-directory-records';

const t = useTestDatabase();
let admin: Actor;
beforeAll(async () => {
	admin = await makeStaffActor(t.db, 'admin');
});
const personInput = (over: Record<string, string> = {}) =>
	ZPersonInput.parse({ name: 'Form Person', email: `form-${Date.now()}-${Math.random()}@example.org`, organizationId: '', countryCode: 'NP', categoryId: 'academia', gender: 'man', ...over });

describe(`directory forms on ${testDriver}`, () => {
	it('creates and edits a person attached to a chosen organization', async () => {
		const org = await makeOrganization(t.db);
		const created = await savePerson(t.db, admin, personInput({ organizationId: org.id }), null, new Date());
		if (!created.ok) throw new Error(JSON.stringify(created));
		const edited = await savePerson(t.db, admin, personInput({ organizationId: org.id, name: 'Form Person Renamed', gender: 'self-described', genderSelfDescription: 'Genderfluid' }), created.id, new Date());
		expect(edited).toEqual({ ok: true, id: created.id });
		const [row] = await t.db.select().from(person).where(eq(person.id, created.id));
		expect(row).toMatchObject({ name: 'Form Person Renamed', organizationId: org.id, gender: 'self-described', genderSelfDescription: 'Genderfluid' });
	});

	it('explains unknown references and taken emails per field, and changes nothing', async () => {
		const taken = await makePerson(t.db);
		expect(await savePerson(t.db, admin, personInput({ email: taken.email! }), null, new Date())).toEqual({ ok: false, reason: 'invalid', errors: { email: 'email-taken' } });
		expect(await savePerson(t.db, admin, personInput({ countryCode: 'ZZ', categoryId: 'aliens', organizationId: '00000000-0000-4000-8000-000000000000' }), null, new Date())).toEqual({
			ok: false,
			reason: 'invalid',
			errors: { countryCode: 'country-invalid', categoryId: 'category-invalid', organizationId: 'organization-invalid' }
		});
	});

	it('does not attach people to an organization that was merged away', async () => {
		const kept = await makeOrganization(t.db);
		const gone = await makeOrganization(t.db);
		expect(await mergeOrganizations(t.db, admin, gone.id, kept.id, new Date())).toEqual({ ok: true });
		expect(await savePerson(t.db, admin, personInput({ organizationId: gone.id }), null, new Date())).toMatchObject({ ok: false, errors: { organizationId: 'organization-invalid' } });
	});

	it('refuses an organization name already used in the same country', async () => {
		const existing = await makeOrganization(t.db, { countryCode: 'FJ' });
		const input = ZOrganizationInput.parse({ name: existing.name.toUpperCase(), countryCode: 'FJ', aliases: '', website: '' });
		expect(await saveOrganization(t.db, admin, input, null, new Date())).toEqual({ ok: false, reason: 'invalid', errors: { name: 'name-taken' } });
		const elsewhere = await saveOrganization(t.db, admin, { ...input, countryCode: 'WS' }, null, new Date());
		expect(elsewhere.ok).toBe(true);
	});

	it('forbids an organizer to create or edit', async () => {
		const organizer = await makeStaffActor(t.db, 'organizer');
		expect(await savePerson(t.db, organizer, personInput(), null, new Date())).toEqual({ ok: false, reason: 'forbidden' });
		expect(await saveOrganization(t.db, organizer, ZOrganizationInput.parse({ name: 'X', countryCode: '', website: '' }), null, new Date())).toEqual({ ok: false, reason: 'forbidden' });
	});
});
