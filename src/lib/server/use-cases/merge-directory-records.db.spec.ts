import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeConsultation, makeOrganization, makePerson, makeRegistration, makeStaffActor } from '../../../../tests/support/factories';
import { auditLog, organization, person, registration } from '../db/schema';
import type { Actor } from '../../domain/policy';
import { mergeOrganizations, mergePeople } from './merge-directory-records';

const t = useTestDatabase();
let admin: Actor;
beforeAll(async () => {
	admin = await makeStaffActor(t.db, 'admin');
});

describe(`merging organizations on ${testDriver}`, () => {
	it('moves people and registrations to the kept record and keeps the duplicate’s names as aliases', async () => {
		const kept = await makeOrganization(t.db, { name: `Mekong Migrant Network ${Date.now()}` });
		const duplicate = await makeOrganization(t.db, { name: `MMN ${Date.now()}`, acronym: 'MMN', aliases: ['Mekong MN'] });
		const p = await makePerson(t.db, { organizationId: duplicate.id });
		const c = await makeConsultation(t.db);
		await makeRegistration(t.db, c, p);
		expect(await mergeOrganizations(t.db, admin, duplicate.id, kept.id, new Date())).toEqual({ ok: true });
		const [moved] = await t.db.select().from(person).where(eq(person.id, p.id));
		expect(moved.organizationId).toBe(kept.id);
		const [reg] = await t.db.select().from(registration).where(eq(registration.personId, p.id));
		expect(reg.organizationId).toBe(kept.id);
		const [k] = await t.db.select().from(organization).where(eq(organization.id, kept.id));
		expect(k.aliases).toEqual([duplicate.name, 'Mekong MN', 'MMN']);
		const [d] = await t.db.select().from(organization).where(eq(organization.id, duplicate.id));
		expect(d.mergedIntoId).toBe(kept.id);
		const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'organization.merge'));
		expect(audits.some((a) => a.subjectId === kept.id)).toBe(true);
	});

	it('refuses to merge two organizations that each hold a place in the same one-per-organization consultation', async () => {
		const a = await makeOrganization(t.db);
		const b = await makeOrganization(t.db);
		const c = await makeConsultation(t.db, { isOnePerOrganization: true });
		await makeRegistration(t.db, c, await makePerson(t.db, { organizationId: a.id }));
		await makeRegistration(t.db, c, await makePerson(t.db, { organizationId: b.id }));
		expect(await mergeOrganizations(t.db, admin, a.id, b.id, new Date())).toEqual({ ok: false, reason: 'both-registered', consultationIds: [c.id] });
		const [still] = await t.db.select().from(organization).where(eq(organization.id, a.id));
		expect(still.mergedIntoId).toBeNull();
	});

	it('refuses an organizer, and a record merged with itself', async () => {
		const a = await makeOrganization(t.db);
		const b = await makeOrganization(t.db);
		expect(await mergeOrganizations(t.db, await makeStaffActor(t.db, 'organizer'), a.id, b.id, new Date())).toEqual({ ok: false, reason: 'forbidden' });
		expect(await mergeOrganizations(t.db, admin, a.id, a.id, new Date())).toEqual({ ok: false, reason: 'same-record' });
	});
});

describe(`merging people on ${testDriver}`, () => {
	it('moves registrations to the kept person, fills gaps from the duplicate and deletes it', async () => {
		const org = await makeOrganization(t.db);
		const kept = await makePerson(t.db, { name: 'Maria Clara Santos', organizationId: org.id, phone: null, languages: ['en'] });
		const duplicate = await makePerson(t.db, { name: 'SANTOS Maria Clara', organizationId: org.id, phone: '+63 2 555 0100', languages: ['fil'] });
		const c = await makeConsultation(t.db, { isOnePerOrganization: false });
		await makeRegistration(t.db, c, duplicate);
		expect(await mergePeople(t.db, admin, duplicate.id, kept.id, new Date())).toEqual({ ok: true });
		const regs = await t.db.select().from(registration).where(eq(registration.consultationId, c.id));
		expect(regs.map((r) => r.personId)).toEqual([kept.id]);
		const [k] = await t.db.select().from(person).where(eq(person.id, kept.id));
		expect(k).toMatchObject({ phone: '+63 2 555 0100', languages: ['en', 'fil'], email: kept.email });
		expect(await t.db.select().from(person).where(eq(person.id, duplicate.id))).toEqual([]);
	});

	it('refuses when both hold an active registration for the same consultation', async () => {
		const a = await makePerson(t.db);
		const b = await makePerson(t.db);
		const c = await makeConsultation(t.db, { isOnePerOrganization: false });
		await makeRegistration(t.db, c, a);
		await makeRegistration(t.db, c, b);
		expect(await mergePeople(t.db, admin, a.id, b.id, new Date())).toEqual({ ok: false, reason: 'both-registered', consultationIds: [c.id] });
		expect(await t.db.select().from(person).where(eq(person.id, a.id))).toHaveLength(1);
	});
});
