// Background work on the queue: a selection run is computed by whichever worker takes its job, a
// worker that dies leaves its job to another once the lease runs out, and a job whose retries are
// spent fails its run with the reason. Nothing is failed because another process started.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../tests/support/test-db';
import { makeConsultation, makeOrganization, makePerson, makeRegistration, makeStaffActor } from '../../../tests/support/factories';
import { selectionRun } from './db/schema';
import { createMailer } from './mail';
import { openQueue, QUEUES, SELECTION_RETRIES, type Queue } from './queue';
import { scheduleSelection, startWorker } from './jobs';
import { DEFAULT_LIMITS, Limits } from './limits';
import { runSelection, withoutClasses } from './selection/run';
import { startSelection, type Runner } from './use-cases/select-participants';

const t = useTestDatabase();
const inProcess: Runner = async (problem, seed, onProgress) => withoutClasses(await runSelection(problem, seed, onProgress));
const LEASE = 2;

async function consultationWithPool(n: number) {
	const c = await makeConsultation(t.db);
	for (let i = 0; i < n; i++) {
		const p = await makePerson(t.db, { organizationId: (await makeOrganization(t.db)).id, gender: i % 2 ? 'woman' : 'man' });
		await makeRegistration(t.db, c, p, { gender: i % 2 ? 'woman' : 'man' });
	}
	return c;
}

/** Polls the run until it leaves `pending` (or the time is up), keeping every status seen. */
async function watch(runId: string, seconds: number) {
	const seen: string[] = [];
	const until = Date.now() + seconds * 1000;
	while (Date.now() < until) {
		const [run] = await t.db.select().from(selectionRun).where(eq(selectionRun.id, runId));
		if (seen.at(-1) !== run.status) seen.push(run.status);
		if (run.status !== 'pending') return { seen, run };
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`run ${runId} still pending after ${seconds} s (seen: ${seen.join(' → ')})`);
}

describe(`jobs on ${testDriver}`, () => {
	let queue: Queue;
	beforeAll(async () => {
		queue = await openQueue(t, { selectionLeaseSeconds: LEASE, mailLeaseSeconds: LEASE, maintenanceSeconds: 1, pollingSeconds: 1 });
	});
	afterAll(async () => {
		await queue.stop();
	});
	/** A run of a consultation with `people` registrants, recorded and queued as the web process does. */
	async function queuedRun(people: number, panelSize: number, seed: string): Promise<string> {
		const c = await consultationWithPool(people);
		const organizer = await makeStaffActor(t.db, 'organizer', { organizerOf: [c.id] });
		const started = await startSelection(t.db, organizer, c.slug, { panelSize, seed, quotas: [] }, scheduleSelection(queue));
		if (!started.ok) throw new Error(started.reason);
		return started.runId;
	}
	const worker = () => startWorker({ db: t.db, queue, mailer: createMailer(t.db, {}), transport: null, runner: inProcess, limits: new Limits(t.db, DEFAULT_LIMITS), log: () => undefined });

	it('schedules the periodic jobs (reminders, outbox sweep, closing comment periods, digests of answers) and a worker completes each', async () => {
		const names = [QUEUES.closeComments, QUEUES.reminders, QUEUES.sweep, QUEUES.commentDigest];
		const schedules = (await queue.boss.getSchedules()).map((x) => x.name).sort();
		expect(schedules).toEqual([...names].sort());
		const stop = await worker();
		try {
			const ids = await Promise.all(names.map((name) => queue.boss.send(name, {})));
			for (let i = 0; i < 100; i++) {
				const jobs = await Promise.all(names.map((name, k) => queue.boss.getJobById(name, ids[k]!)));
				if (jobs.every((j) => j?.state === 'completed')) break;
				await new Promise((r) => setTimeout(r, 200));
			}
			const states = await Promise.all(names.map(async (name, k) => (await queue.boss.getJobById(name, ids[k]!))?.state));
			expect(states).toEqual(['completed', 'completed', 'completed', 'completed']);
		} finally {
			await stop();
		}
	}, 60_000);

	it('computes a run queued by the web process in a worker, and never shows it failed', async () => {
		const runId = await queuedRun(8, 4, 'job');
		// A second process starting up opens the queue too: that must not touch the pending run.
		const second = await openQueue(t, { selectionLeaseSeconds: LEASE, mailLeaseSeconds: LEASE, maintenanceSeconds: 1, pollingSeconds: 1 });
		await second.stop();
		const [pending] = await t.db.select().from(selectionRun).where(eq(selectionRun.id, runId));
		expect(pending.status).toBe('pending');
		const stop = await worker();
		try {
			const { seen, run } = await watch(runId, 30);
			expect(seen).toEqual(['pending', 'completed']);
			expect(run.outcome?.drawn).toHaveLength(4);
		} finally {
			await stop();
		}
	}, 60_000);

	it('refuses a second run of a consultation while one is computing, in the database itself', async () => {
		const c = await consultationWithPool(4);
		const organizer = await makeStaffActor(t.db, 'organizer', { organizerOf: [c.id] });
		const started = await startSelection(t.db, organizer, c.slug, { panelSize: 2, seed: 'one', quotas: [] }, async () => undefined);
		expect(started.ok).toBe(true);
		expect(await startSelection(t.db, organizer, c.slug, { panelSize: 2, seed: 'two', quotas: [] }, async () => undefined)).toEqual({ ok: false, reason: 'already-running' });
		// Even a write that skips the use-case's check (another version, a script) is refused.
		await expect(t.db.insert(selectionRun).values({ consultationId: c.id, algorithm: 'leximin', panelSize: 2, quotas: [], seed: 'x' })).rejects.toThrow();
	});

	it('hands the job of a worker that died to another once its lease runs out', async () => {
		const runId = await queuedRun(6, 2, 'lease');
		// A worker takes the job and dies: it never completes it.
		const [taken] = await queue.boss.fetch<{ runId: string }>(QUEUES.selection);
		expect(taken.data.runId).toBe(runId);
		const stop = await worker();
		try {
			const { seen } = await watch(runId, 40);
			expect(seen).toEqual(['pending', 'completed']);
		} finally {
			await stop();
		}
	}, 60_000);

	it('fails the run, with the reason, when every worker that took it died', async () => {
		const runId = await queuedRun(6, 2, 'dead');
		const deadline = Date.now() + 90_000;
		let taken = 0;
		while (taken < SELECTION_RETRIES + 1 && Date.now() < deadline) {
			taken += (await queue.boss.fetch(QUEUES.selection)).length; // taken, never finished, each time
			await new Promise((r) => setTimeout(r, 250));
		}
		expect(taken).toBe(SELECTION_RETRIES + 1);
		const stop = await worker(); // only the dead-letter job is left for it
		try {
			const { seen, run } = await watch(runId, 40);
			expect(seen).toEqual(['pending', 'failed']);
			expect(run.outcome?.error).toMatch(/taken up 4 times and never finished/);
		} finally {
			await stop();
		}
	}, 120_000);
});
