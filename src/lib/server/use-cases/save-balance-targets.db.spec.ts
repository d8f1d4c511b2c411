import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeConsultation, makeStaffActor } from '../../../../tests/support/factories';
import { consultation } from '../db/schema';
import { saveBalanceTargets } from './save-balance-targets';

const t = useTestDatabase();

describe(`balance targets on ${testDriver}`, () => {
	it('stores whole per cents per known value, and only for the organizers of the consultation', async () => {
		const c = await makeConsultation(t.db);
		const organizer = await makeStaffActor(t.db, 'organizer', { organizerOf: [c.id] });
		const stranger = await makeStaffActor(t.db, 'organizer');
		const fields: [string, string][] = [
			['target.gender.woman', '40'],
			['target.subregion.pacific', '10']
		];
		expect(await saveBalanceTargets(t.db, stranger, c.slug, fields, new Date())).toEqual({ ok: false, reason: 'forbidden' });
		expect(await saveBalanceTargets(t.db, organizer, c.slug, fields, new Date())).toEqual({ ok: true });
		const [row] = await t.db.select({ targets: consultation.balanceTargets }).from(consultation).where(eq(consultation.id, c.id));
		expect(row.targets).toEqual({ gender: { woman: 40 }, subregion: { pacific: 10 } });
	});

	it('refuses unknown values and sums over 100 and keeps the targets it had', async () => {
		const c = await makeConsultation(t.db);
		const organizer = await makeStaffActor(t.db, 'organizer', { organizerOf: [c.id] });
		await saveBalanceTargets(t.db, organizer, c.slug, [['target.gender.woman', '50']], new Date());
		const result = await saveBalanceTargets(t.db, organizer, c.slug, [
			['target.gender.woman', '70'],
			['target.gender.man', '40'],
			['target.subregion.atlantis', '5']
		], new Date());
		expect(result).toEqual({ ok: false, reason: 'invalid', errors: { 'target.subregion.atlantis': 'invalid', 'target.gender': 'targets-over-100' } });
		const [row] = await t.db.select({ targets: consultation.balanceTargets }).from(consultation).where(eq(consultation.id, c.id));
		expect(row.targets).toEqual({ gender: { woman: 50 } });
	});
});
