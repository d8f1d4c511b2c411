import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeConsultation, makeOrganization, makePerson, makeRegistration, makeStaffActor } from '../../../../tests/support/factories';
import { auditLog, outboxMessage, registration, selectionProbability, selectionRun } from '../db/schema';
import { createMailer } from '../mail';
import { runSelection, withoutClasses } from '../selection/run';
import { runInWorker, SelectionStopped } from '../selection/in-worker';
import { acceptSelection, cancelRun, computeRun, loadPool, startSelection, suggestReplacements, type Runner, type RunScheduler } from './select-participants';
import { selectReplacement } from './select-replacement';
import { runFailureText } from '../problem-text';

const t = useTestDatabase();

// The job queue's part is played by the test: the run is recorded, then computed here.
const queued: RunScheduler = async () => undefined;
const inProcess: Runner = async (problem, seed, onProgress) => withoutClasses(await runSelection(problem, seed, onProgress));
const urls = { page: (slug: string) => `http://x/${slug}`, signIn: 'http://x/sign-in' };

async function consultationWithPool(women: number, men: number) {
	const c = await makeConsultation(t.db, { startsAt: new Date('2026-12-10T04:00:00Z'), endsAt: new Date('2026-12-10T07:00:00Z') });
	for (let i = 0; i < women + men; i++) {
		const org = await makeOrganization(t.db);
		const p = await makePerson(t.db, { organizationId: org.id, gender: i < women ? 'woman' : 'man', countryCode: i % 2 ? 'TH' : 'FJ' });
		await makeRegistration(t.db, c, p, { gender: i < women ? 'woman' : 'man', countryCode: i % 2 ? 'TH' : 'FJ', categoryId: 'civil-society' });
	}
	return c;
}

describe(`selecting participants on ${testDriver}`, () => {
	it('records a run, stores LEXIMIN probabilities and the drawn panel, and accepting it selects, waitlists and notifies', async () => {
		const c = await consultationWithPool(4, 8);
		const organizer = await makeStaffActor(t.db, 'organizer', { organizerOf: [c.id] });
		const quotas = [
			{ category: 'gender', feature: 'woman', min: 2, max: 3 },
			{ category: 'gender', feature: 'man', min: 2, max: 3 }
		];
		const started = await startSelection(t.db, organizer, c.slug, { panelSize: 4, seed: 'db-test', quotas }, queued);
		if (!started.ok) throw new Error(started.reason);
		await computeRun(t.db, started.runId, inProcess);
		const [run] = await t.db.select().from(selectionRun).where(eq(selectionRun.id, started.runId));
		expect(run.status).toBe('completed');
		expect(run.distributionHash).toMatch(/^[0-9a-f]{64}$/);
		const rows = await t.db.select().from(selectionProbability).where(eq(selectionProbability.runId, run.id));
		expect(rows).toHaveLength(12);
		expect(rows.filter((r) => r.isSelected)).toHaveLength(4);
		// Women: 2 seats among 4 = 1/2; men: 2 among 8 = 1/4 (LEXIMIN cannot lift men higher).
		const pool = await loadPool(t.db, c.id);
		for (const r of rows) {
			const gender = pool.find((p) => p.registrationId === r.registrationId)!.features.gender;
			expect(r.probability).toBeCloseTo(gender === 'woman' ? 0.5 : 0.25, 9);
		}
		expect(rows.filter((r) => r.waitlistPosition !== null)).toHaveLength(8);

		// The same seed on the same pool draws the same panel.
		const again = await startSelection(t.db, organizer, c.slug, { panelSize: 4, seed: 'db-test', quotas }, queued);
		if (!again.ok) throw new Error(again.reason);
		await computeRun(t.db, again.runId, inProcess);
		const [second] = await t.db.select().from(selectionRun).where(eq(selectionRun.id, again.runId));
		expect(second.distributionHash).toBe(run.distributionHash);
		expect((second.outcome as { drawn: number[] }).drawn).toEqual((run.outcome as { drawn: number[] }).drawn);

		const mailer = createMailer(t.db, {});
		expect(await acceptSelection(t.db, mailer, organizer, run.id, new Date('2026-12-01T00:00:00Z'), urls)).toEqual({ ok: true, selected: 4, waitlisted: 8 });
		const statuses = await t.db.select({ id: registration.id, status: registration.status }).from(registration).where(eq(registration.consultationId, c.id));
		expect(statuses.filter((s) => s.status === 'selected')).toHaveLength(4);
		expect(statuses.filter((s) => s.status === 'waitlisted')).toHaveLength(8);
		const [other] = await t.db.select().from(selectionRun).where(eq(selectionRun.id, again.runId));
		expect(other.status).toBe('discarded');
		const mails = await t.db.select().from(outboxMessage).where(eq(outboxMessage.subject, `You are selected: ${c.title}`));
		expect(mails).toHaveLength(4);
		expect(await acceptSelection(t.db, mailer, organizer, run.id, new Date(), urls)).toEqual({ ok: false, reason: 'not-completed' });

		// A drawn woman withdraws: the suggested replacement is the first woman still waiting
		// (a man would leave the panel with one woman, under the quota of two).
		expect(await suggestReplacements(t.db, run.id)).toEqual([]);
		const drawnIds = rows.filter((r) => r.isSelected).map((r) => r.registrationId);
		const womanLeaving = drawnIds.find((id) => pool.find((p) => p.registrationId === id)!.features.gender === 'woman')!;
		await t.db.update(registration).set({ status: 'withdrawn' }).where(eq(registration.id, womanLeaving));
		const [suggestion] = await suggestReplacements(t.db, run.id);
		expect(suggestion.leaving).toMatchObject({ registrationId: womanLeaving, status: 'withdrawn' });
		expect(pool.find((p) => p.registrationId === suggestion.replacement!.registrationId)!.features.gender).toBe('woman');
		const waitingWomen = rows.filter((r) => !r.isSelected && pool.find((p) => p.registrationId === r.registrationId)!.features.gender === 'woman').sort((a, b) => a.waitlistPosition! - b.waitlistPosition!);
		expect(suggestion.replacement!.registrationId).toBe(waitingWomen[0].registrationId);

		// Two organizers seat the suggested replacement at the same moment: one seats her, the other
		// is refused; the seat is then filled, so nothing more is suggested and nobody else is seated.
		const attempts = await Promise.all([1, 2].map(() => selectReplacement(t.db, mailer, organizer, run.id, suggestion.replacement!.registrationId, new Date('2026-12-02T00:00:00Z'), urls)));
		expect(attempts.filter((a) => a.ok)).toHaveLength(1);
		expect(await suggestReplacements(t.db, run.id)).toEqual([]);
		expect(await selectReplacement(t.db, mailer, organizer, run.id, waitingWomen[1].registrationId, new Date('2026-12-02T00:00:00Z'), urls)).toEqual({ ok: false, reason: 'not-suggested' });
		expect(await selectReplacement(t.db, mailer, await makeStaffActor(t.db, 'organizer'), run.id, waitingWomen[1].registrationId, new Date(), urls)).toEqual({ ok: false, reason: 'forbidden' });
		const seated = await t.db.select({ id: registration.id }).from(registration).where(and(eq(registration.consultationId, c.id), eq(registration.status, 'selected')));
		expect(seated).toHaveLength(4);

		// A drawn man leaves too: the open seat is his (the woman seated since took the woman's), and
		// the suggestion for it keeps two men on the panel.
		const manLeaving = drawnIds.find((id) => pool.find((p) => p.registrationId === id)!.features.gender === 'man')!;
		await t.db.update(registration).set({ status: 'withdrawn' }).where(eq(registration.id, manLeaving));
		const open = await suggestReplacements(t.db, run.id);
		expect(open.map((s) => s.leaving.registrationId)).toEqual([manLeaving]);
		expect(pool.find((p) => p.registrationId === open[0].replacement!.registrationId)!.features.gender).toBe('man');
	});

	it('stores the conflicting quotas of an infeasible run, and refuses strangers', async () => {
		const c = await consultationWithPool(2, 3);
		const organizer = await makeStaffActor(t.db, 'organizer', { organizerOf: [c.id] });
		const stranger = await makeStaffActor(t.db, 'organizer');
		const quotas = [{ category: 'gender', feature: 'woman', min: 3, max: 3 }];
		expect(await startSelection(t.db, stranger, c.slug, { panelSize: 3, seed: 's', quotas }, queued)).toEqual({ ok: false, reason: 'forbidden' });
		const started = await startSelection(t.db, organizer, c.slug, { panelSize: 3, seed: 's', quotas }, queued);
		if (!started.ok) throw new Error(started.reason);
		await computeRun(t.db, started.runId, inProcess);
		const [run] = await t.db.select().from(selectionRun).where(eq(selectionRun.id, started.runId));
		expect(run.status).toBe('infeasible');
		expect((run.outcome as { diagnosis: { conflicts: unknown[] } }).diagnosis.conflicts).toContainEqual({ kind: 'too-few-people', quota: quotas[0], available: 2 });
	});

	it('runs in a worker thread, and the event loop keeps turning meanwhile', async () => {
		const c = await consultationWithPool(6, 6);
		const organizer = await makeStaffActor(t.db, 'organizer', { organizerOf: [c.id] });
		let ticks = 0;
		const timer = setInterval(() => ticks++, 10);
		const started = await startSelection(t.db, organizer, c.slug, { panelSize: 4, seed: 'w', quotas: [{ category: 'gender', feature: 'woman', min: 2, max: 2 }] }, queued);
		if (!started.ok) throw new Error(started.reason);
		await computeRun(t.db, started.runId, runInWorker);
		clearInterval(timer);
		const [run] = await t.db.select().from(selectionRun).where(and(eq(selectionRun.id, started.runId)));
		expect(run.status).toBe('completed');
		expect(ticks).toBeGreaterThan(5);
	}, 60_000);

	it('stops a run an organizer cancels, and one at its time limit, leaving every registration as it was and saying so', async () => {
		const c = await consultationWithPool(6, 6);
		const organizer = await makeStaffActor(t.db, 'organizer', { organizerOf: [c.id] });
		const statuses = async () => (await t.db.select({ status: registration.status }).from(registration).where(eq(registration.consultationId, c.id))).map((r) => r.status).sort();
		const before = await statuses();
		const request = { panelSize: 4, seed: 'stop', quotas: [{ category: 'gender', feature: 'woman', min: 2, max: 2 }] };

		// A runner that computes until it is told to stop (as the worker thread does, terminated).
		const endless: Runner = (_problem, _seed, onProgress, signal) =>
			new Promise((_resolve, reject) => {
				const progress = { stage: 2, fixedClasses: 1, classes: 4, panelSearches: 3, iterations: 9, panels: 12, lowest: 0.25, bound: 0.3 };
				onProgress(progress);
				signal?.addEventListener('abort', () => reject(new SelectionStopped('cancelled', progress, 600)), { once: true });
			});
		const started = await startSelection(t.db, organizer, c.slug, request, queued);
		if (!started.ok) throw new Error(started.reason);
		const computing = computeRun(t.db, started.runId, endless);
		const stranger = await makeStaffActor(t.db, 'organizer');
		expect(await cancelRun(t.db, stranger, started.runId)).toEqual({ ok: false, reason: 'forbidden' });
		expect(await cancelRun(t.db, organizer, started.runId)).toEqual({ ok: true });
		await computing; // ends within the two seconds the run's status is looked at
		const [cancelled] = await t.db.select().from(selectionRun).where(eq(selectionRun.id, started.runId));
		expect(cancelled.status).toBe('failed');
		expect(cancelled.outcome?.error).toBe('Stopped by an organizer before it finished. No registration was changed.');
		expect(cancelled.outcome?.failure).toEqual({ kind: 'cancelled' });
		expect(runFailureText(cancelled.outcome!.failure!, 'fr')).toBe('Arrêtée par un organisateur avant la fin. Aucune inscription n’a été modifiée.');
		expect(await cancelRun(t.db, organizer, started.runId)).toEqual({ ok: false, reason: 'not-pending' });
		const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'selection.stop'), eq(auditLog.subjectId, c.id)));
		expect(audit.details).toEqual({ runId: started.runId });
		expect(await t.db.select().from(selectionProbability).where(eq(selectionProbability.runId, started.runId))).toEqual([]);
		expect(await statuses()).toEqual(before);

		// At the time limit: the real worker thread, whose solver stops at its first check of a limit it cannot meet.
		const again = await startSelection(t.db, organizer, c.slug, { ...request, seed: 'limit' }, queued);
		if (!again.ok) throw new Error(again.reason);
		const slowStart: Runner = (problem, seed, onProgress, signal) => runInWorker(problem, seed, onProgress, signal, 0.000001);
		const startedAt = Date.now();
		await computeRun(t.db, again.runId, slowStart);
		expect(Date.now() - startedAt).toBeLessThan(20_000);
		const [limited] = await t.db.select().from(selectionRun).where(eq(selectionRun.id, again.runId));
		expect(limited.status).toBe('failed');
		expect(limited.outcome?.error).toMatch(/^The selection was stopped at its time limit of 0\.000001 s\. .*No registration was changed\. Raise CONVENE_SELECTION_TIME_LIMIT/);
		expect(limited.outcome?.failure).toMatchObject({ kind: 'time-limit', seconds: 0.000001 });
		expect(runFailureText(limited.outcome!.failure!, 'ru')).toMatch(/^Отбор остановлен по истечении лимита времени \(0 с\)\. .*Ни одна регистрация не изменена\./);
		expect(await statuses()).toEqual(before);
	}, 60_000);
});
