import { beforeAll, describe, expect, it } from 'vitest';
import { protectionOf } from '../queries/protected';
import { and, eq } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeStaffActor } from '../../../../tests/support/factories';
import { auditLog, countryCommitment, pledge, reviewProcess } from '../db/schema';
import { addPledge, saveCountryCommitments, setPledgeStatus } from './commitments';
import { listCountryCommitments, listPledges } from '../queries/commitments';
import { parseCountryCommitments } from '../../domain/commitment-input';
import type { Actor } from '../../domain/policy';

const t = useTestDatabase({ demo: true });
let organizer: Actor;
let processId: string;

beforeAll(async () => {
	[{ id: processId }] = await t.db.select({ id: reviewProcess.id }).from(reviewProcess);
	organizer = await makeStaffActor(t.db, 'organizer');
});

describe(`pledges and country commitments on ${testDriver}`, () => {
	it('records a pledge with its objectives and status, and lists it', async () => {
		const result = await addPledge(t.db, organizer, processId, { pledgerName: 'Ministry of Labour (fictional)', countryCode: 'NP', commitment: 'Cap recruitment fees at one month of wages.', objectiveIds: ['gcm-6'], status: 'announced' });
		if (!result.ok) throw new Error('not added');
		expect(await setPledgeStatus(t.db, organizer, result.id, 'fulfilled')).toEqual({ ok: true });
		const listed = (await listPledges(t.db, processId)).find((p) => p.id === result.id);
		expect(listed).toMatchObject({ pledgerName: 'Ministry of Labour (fictional)', country: 'Nepal', status: 'fulfilled', objectives: [{ number: 6 }] });
	});

	it('refuses a pledge from a rapporteur, one with an unknown objective, and one naming a protected participant', async () => {
		const rapporteur = await makeStaffActor(t.db, 'rapporteur');
		const before = (await t.db.select().from(pledge)).length;
		const input = { pledgerName: 'X', countryCode: null, commitment: 'Something.', objectiveIds: [], status: 'announced' as const };
		expect(await addPledge(t.db, rapporteur, processId, input)).toEqual({ ok: false, reason: 'forbidden' });
		expect(await addPledge(t.db, organizer, processId, { ...input, objectiveIds: ['gcm-0'] })).toMatchObject({ ok: false, reason: 'invalid', errors: { objectiveIds: 'invalid' } });
		const name = (await protectionOf(t.db, { processId })).people.find((a) => a.attribution === 'non-attributable' && a.personId)!.name;
		expect(await addPledge(t.db, organizer, processId, { ...input, commitment: `${name} will lead this.` })).toMatchObject({ ok: false, reason: 'invalid', errors: { commitment: 'privacy' } });
		expect((await t.db.select().from(pledge)).length).toBe(before);
		// Only an administrator may go past the gate, with a written reason kept in the audit log.
		expect(await addPledge(t.db, organizer, processId, { ...input, commitment: `${name} will lead this.` }, { overrideReason: 'Named with consent.' })).toMatchObject({ ok: false, canOverride: false });
		const admin = await makeStaffActor(t.db, 'admin');
		expect(await addPledge(t.db, admin, processId, { ...input, commitment: `${name} will lead this.` }, { overrideReason: 'The pledger asked to be named, in writing.' })).toMatchObject({ ok: true });
		const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'privacy.override'), eq(auditLog.subjectType, 'pledge')));
		expect(audit.details).toMatchObject({ reason: 'The pledger asked to be named, in writing.' });
	});

	it('saves the countries table whole: new rows written, changed rows updated, emptied rows removed', async () => {
		const codes = (await listCountryCommitments(t.db, processId)).map((c) => c.code);
		const parsed = parseCountryCommitments(
			[
				['champion.TH', 'on'],
				['vnr.TH', '2026'],
				['nap.TH', 'adopted'],
				['vnr.BD', ''],
				['nap.BD', 'none'] // Bangladesh's demo row is emptied
			],
			codes
		);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
		expect(await saveCountryCommitments(t.db, organizer, processId, parsed.rows, new Date())).toEqual({ ok: true, saved: 1 });
		const rows = await t.db.select().from(countryCommitment).where(eq(countryCommitment.processId, processId));
		expect(rows.map((r) => [r.countryCode, r.isChampion, r.voluntaryReviewYear, r.nationalActionPlanStatus])).toEqual([['TH', true, 2026, 'adopted']]);
	});

	it('refuses a year outside 2019–2100 and an unknown plan status, naming the field', () => {
		expect(parseCountryCommitments([['vnr.TH', '2015'], ['nap.FJ', 'maybe']], ['TH', 'FJ'])).toEqual({ ok: false, errors: { 'vnr.TH': 'vnr-year', 'nap.FJ': 'invalid' } });
	});
});
