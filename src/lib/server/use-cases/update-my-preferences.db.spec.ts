import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeConsultation, makePerson, makeStaffActor } from '../../../../tests/support/factories';
import { person, registration } from '../db/schema';
import { updateMyPreferences } from './update-my-preferences';

const t = useTestDatabase();

describe(`own preferences on ${testDriver}`, () => {
	it('changes only the signed-in person’s consents and email language', async () => {
		const me = await makePerson(t.db, { consentToContact: true, consentToList: true });
		const other = await makePerson(t.db, { consentToContact: true, consentToList: true });
		const actor = { kind: 'stakeholder' as const, userId: 'u', personId: me.id };
		expect(await updateMyPreferences(t.db, actor, { consentToContact: false, consentToList: false, preferredLocale: 'fr' }, new Date())).toEqual({ ok: true });
		const [mine] = await t.db.select().from(person).where(eq(person.id, me.id));
		const [theirs] = await t.db.select().from(person).where(eq(person.id, other.id));
		expect([mine.consentToContact, mine.consentToList, mine.preferredLocale]).toEqual([false, false, 'fr']);
		expect([theirs.consentToContact, theirs.consentToList, theirs.preferredLocale]).toEqual([true, true, 'en']);
	});

	it('makes the language chosen the one of every later email about their active registrations', async () => {
		const me = await makePerson(t.db);
		const c = await makeConsultation(t.db);
		const [active] = await t.db.insert(registration).values({ consultationId: c.id, personId: me.id, isOnePerOrganization: false, locale: 'ru' }).returning();
		const [withdrawn] = await t.db.insert(registration).values({ consultationId: (await makeConsultation(t.db)).id, personId: me.id, isOnePerOrganization: false, locale: 'ru', status: 'withdrawn' }).returning();
		await updateMyPreferences(t.db, { kind: 'stakeholder', userId: 'u', personId: me.id }, { consentToContact: false, consentToList: false, preferredLocale: 'zh' }, new Date());
		const locales = await t.db.select({ id: registration.id, locale: registration.locale }).from(registration).where(eq(registration.personId, me.id));
		expect(Object.fromEntries(locales.map((r) => [r.id, r.locale]))).toEqual({ [active.id]: 'zh', [withdrawn.id]: 'ru' });
	});

	it('refuses staff and unknown languages', async () => {
		expect(await updateMyPreferences(t.db, await makeStaffActor(t.db, 'admin'), { consentToContact: true, consentToList: true, preferredLocale: 'en' }, new Date())).toEqual({ ok: false, reason: 'forbidden' });
		const me = await makePerson(t.db);
		expect(await updateMyPreferences(t.db, { kind: 'stakeholder', userId: 'u', personId: me.id }, { consentToContact: true, consentToList: true, preferredLocale: 'xx' }, new Date())).toEqual({ ok: false, reason: 'invalid-locale' });
	});
});
