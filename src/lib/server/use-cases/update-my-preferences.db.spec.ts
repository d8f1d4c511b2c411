import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makePerson, makeStaffActor } from '../../../../tests/support/factories';
import { person } from '../db/schema';
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

	it('refuses staff and unknown languages', async () => {
		expect(await updateMyPreferences(t.db, await makeStaffActor(t.db, 'admin'), { consentToContact: true, consentToList: true, preferredLocale: 'en' }, new Date())).toEqual({ ok: false, reason: 'forbidden' });
		const me = await makePerson(t.db);
		expect(await updateMyPreferences(t.db, { kind: 'stakeholder', userId: 'u', personId: me.id }, { consentToContact: true, consentToList: true, preferredLocale: 'xx' }, new Date())).toEqual({ ok: false, reason: 'invalid-locale' });
	});
});
