import { expect, test } from '@playwright/test';
import { SMTPServer } from 'smtp-server';
import { eq } from 'drizzle-orm';
import { colleaguesAtOnce, FAULT_CONSULTATION, register, startJobWorker, startServer, stop, type Server } from '../support/faults';
import { freePort, withThrowawayDatabase } from '../support/postgres-cluster';
import { openDatabase } from '../../src/lib/server/db';
import { consultation, selectionProbability, selectionRun } from '../../src/lib/server/db/schema';
import { openQueue } from '../../src/lib/server/queue';
import { scheduleSelection } from '../../src/lib/server/jobs';
import { startSelection } from '../../src/lib/server/use-cases/select-participants';

// Convene as an operator scales it out: on one PostgreSQL, two `convene serve` (no worker of their
// own) and a `convene worker`, then a second worker and a fourth process. No browser needed.

/** An SMTP server that counts the messages it accepted per recipient, and can stall one recipient once. */
async function smtpSink() {
	const accepted = new Map<string, number>();
	const stallOnce = new Set<string>();
	const stalled: string[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onRcptTo(address, _session, callback) {
			if (!stallOnce.delete(address.address)) return callback();
			stalled.push(address.address);
			setTimeout(callback, 20_000); // the worker is killed while it waits here
		},
		onData(stream, session, callback) {
			stream.resume();
			stream.on('end', () => {
				for (const to of session.envelope.rcptTo) accepted.set(to.address, (accepted.get(to.address) ?? 0) + 1);
				callback();
			});
		}
	});
	// A worker killed on purpose resets its connections, maybe in the middle of a message: smtp-server
	// then emits an error, which must not end the test (it failed it once, 6.8 s in, "read ECONNRESET").
	server.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') throw error;
	});
	const port = await freePort();
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return { url: `smtp://127.0.0.1:${port}`, accepted, stallOnce, stalled, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function until(what: string, seconds: number, check: () => boolean | Promise<boolean>) {
	const deadline = Date.now() + seconds * 1000;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`${what}: not after ${seconds} s`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

test('two servers and workers on one PostgreSQL: a killed worker’s mail is sent by another, exactly once; a process starting leaves a running selection alone; 200 registrations keep one place per organization and each confirmation arrives once', async () => {
	test.setTimeout(600_000);
	const sink = await smtpSink();
	const processes: Server[] = [];
	try {
		await withThrowawayDatabase('convene_processes', async (url) => {
			const env = { DATABASE_URL: url, SMTP_URL: sink.url, CONVENE_MAIL_LEASE_SECONDS: '4', CONVENE_QUEUE_MAINTENANCE_SECONDS: '1', CONVENE_QUEUE_POLLING_SECONDS: '1' };
			const [a, b] = [await startServer({ ...env, CONVENE_WORKER: '0' }), await startServer({ ...env, CONVENE_WORKER: '0' })];
			processes.push(a, b);
			let worker = await startJobWorker(env);
			processes.push(worker);

			// 1. The worker dies in the middle of sending a confirmation: another worker sends it, once.
			const slow = 'slow-confirmation@example.org';
			sink.stallOnce.add(slow);
			expect(await register(a.url, { email: slow, newOrganizationName: 'Stalled Mail Collective' }, 'slow_confirmation_0000000001')).toBe(303);
			await until('the worker starts sending the confirmation', 60, () => sink.stalled.includes(slow));
			await stop(worker, 'SIGKILL');
			expect(sink.accepted.get(slow) ?? 0).toBe(0);
			worker = await startJobWorker(env);
			processes.push(worker);
			await until('another worker sends the confirmation', 90, () => (sink.accepted.get(slow) ?? 0) > 0);

			// 2. A selection computing while a fourth process starts: completed once, never shown failed.
			const handle = await openDatabase({ driver: 'postgres', url });
			const queue = await openQueue(handle);
			try {
				const [c] = await handle.db.select().from(consultation).where(eq(consultation.slug, FAULT_CONSULTATION));
				const started = await startSelection(handle.db, { kind: 'system', via: 'cli' }, c.slug, { panelSize: 5, seed: 'several-processes', quotas: [] }, scheduleSelection(queue));
				if (!started.ok) throw new Error(`selection not started: ${started.reason}`);
				const fourth = startServer(env); // starts while the run is pending or computing
				const seen: string[] = [];
				await until('the run finishes', 120, async () => {
					const [run] = await handle.db.select({ status: selectionRun.status }).from(selectionRun).where(eq(selectionRun.id, started.runId));
					if (seen.at(-1) !== run.status) seen.push(run.status);
					return run.status !== 'pending';
				});
				processes.push(await fourth);
				await new Promise((r) => setTimeout(r, 3_000)); // a second computation would write now
				const [run] = await handle.db.select().from(selectionRun).where(eq(selectionRun.id, started.runId));
				expect(seen).toEqual(['pending', 'completed']);
				expect(run.status).toBe('completed');
				const rows = await handle.db.select().from(selectionProbability).where(eq(selectionProbability.runId, run.id));
				expect(rows).toHaveLength(run.outcome!.pool.length);
				expect(rows.filter((r) => r.isSelected)).toHaveLength(5);
			} finally {
				await queue.stop();
				await handle.close();
			}

			// 3. 200 registrations, two colleagues from each of 100 organizations, across both servers.
			const colleagues = await colleaguesAtOnce(url, [a, b], 100);
			console.log(`several processes, colleagues at once: ${JSON.stringify({ ...colleagues, acknowledgedEmails: colleagues.acknowledgedEmails.length })}`);
			expect(colleagues).toMatchObject({ organizations: 100, sent: 200, acknowledged: 100, lost: 0, violations: 0, fiveHundreds: 0 });
			await until('every confirmation is delivered', 120, () => colleagues.acknowledgedEmails.every((e) => sink.accepted.has(e)));
			await new Promise((r) => setTimeout(r, 5_000)); // a duplicate would arrive now
			const counts = colleagues.acknowledgedEmails.map((e) => sink.accepted.get(e));
			expect(counts.every((n) => n === 1)).toBe(true);
			expect(sink.accepted.get(slow)).toBe(1);
			const refusedMail = [...sink.accepted.keys()].filter((e) => e.startsWith('colleague-') && !colleagues.acknowledgedEmails.includes(e));
			expect(refusedMail).toEqual([]); // a refused colleague is told on the page, not confirmed by mail
		});
	} finally {
		for (const p of processes) await stop(p);
		await sink.close();
	}
});
