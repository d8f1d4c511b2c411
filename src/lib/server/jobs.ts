// The background work of Convene, as jobs on the queue (queue.ts): what each job does, and the
// worker that runs them. `convene serve` runs a worker in its own process unless told not to;
// `convene worker` runs one alone. Any number of each may share one PostgreSQL: a job is taken by
// one worker at a time, and one that dies leaves its job to another when the lease runs out.
import type { Database } from './db';
import { deliverMail, requeueUnsent, type MailTransport, type Mailer } from './mail';
import { QUEUES, SELECTION_RETRIES, type Queue } from './queue';
import { computeRun, failRun, type RunScheduler, type Runner } from './use-cases/select-participants';
import { sendReminders } from './use-cases/send-reminders';
import { closeCommentPeriods } from './use-cases/close-comment-periods';
import { digestQuietMs, sendCommentDigests } from './use-cases/send-comment-digests';
import { baseUrl, linksAt } from './links';
import type { Limits } from './limits';

export interface WorkerDeps {
	db: Database;
	queue: Queue;
	mailer: Mailer;
	/** null without SMTP_URL: then there is no mail to deliver (the outbox is the mailbox). */
	transport: MailTransport | null;
	runner: Runner;
	limits: Limits;
	log?: (line: string) => void;
}

/** How the web process queues a selection run: one job per run, one running per consultation. */
export function scheduleSelection(queue: Queue): RunScheduler {
	return (via, runId, consultationId) => queue.send(via, QUEUES.selection, { runId }, { singletonKey: consultationId });
}

type IdJob = { data: { id?: string; runId?: string } };

/** Starts taking jobs; returns how to stop (jobs still running are left to their lease). */
export async function startWorker(deps: WorkerDeps): Promise<() => Promise<void>> {
	const { db, queue, log = (line) => console.log(line) } = deps;
	const polling = { pollingIntervalSeconds: queue.timings.pollingSeconds };
	const ids: string[] = [];
	ids.push(
		await queue.boss.work(QUEUES.mail, { ...polling, batchSize: 1 }, async ([job]: IdJob[]) => {
			if (!job.data.id) return;
			// A worker started without SMTP_URL beside servers that have it: hand the job back (retried, by another worker or after a restart with SMTP_URL).
			if (!deps.transport) throw new Error('this worker has no SMTP_URL: it cannot deliver mail');
			await deliverMail(db, deps.transport, job.data.id);
		})
	);
	ids.push(
		await queue.boss.work(QUEUES.selection, { ...polling, batchSize: 1 }, async ([job]: IdJob[]) => {
			if (job.data.runId) await computeRun(db, job.data.runId, deps.runner);
		})
	);
	ids.push(
		await queue.boss.work(QUEUES.selectionFailed, polling, async (jobs: IdJob[]) => {
			for (const job of jobs) {
				if (!job.data.runId) continue;
				await failRun(db, job.data.runId, { kind: 'abandoned', attempts: SELECTION_RETRIES + 1 });
				log(`Selection run ${job.data.runId} failed: ${SELECTION_RETRIES + 1} workers took it and none finished.`);
			}
		})
	);
	ids.push(
		await queue.boss.work(QUEUES.reminders, polling, async () => {
			await deps.limits.sweep();
			await sendReminders(db, deps.mailer, new Date());
		})
	);
	ids.push(
		await queue.boss.work(QUEUES.sweep, polling, async () => {
			if (deps.transport) await requeueUnsent(db, queue, new Date());
		})
	);
	ids.push(
		await queue.boss.work(QUEUES.closeComments, polling, async () => {
			await closeCommentPeriods(db, deps.mailer, new Date(), linksAt(baseUrl()).staffReport);
		})
	);
	ids.push(
		await queue.boss.work(QUEUES.commentDigest, polling, async () => {
			await sendCommentDigests(db, deps.mailer, new Date(), { quietMs: digestQuietMs(), signInTo: linksAt(baseUrl()).signInTo });
		})
	);
	return async () => {
		for (const id of ids) await queue.boss.offWork({ id }).catch(() => undefined);
	};
}
