// The durable job queue: pg-boss on the application's own database (PostgreSQL, or PGlite through
// the handle's `executeSql`), so that a job is written in the same transaction as the change that
// causes it and survives any crash after the commit. A job is fetched by one worker and holds a
// lease (`expireInSeconds`): when its worker dies, maintenance expires it and it is retried, or
// failed with its reason once its retries are spent. No process ever marks another's work failed.
import PgBoss from 'pg-boss';
import type { DatabaseHandle, Executor } from './db';
import { sqlThrough } from './db/sql-through';
import { selectionTimeLimitSeconds } from './selection/time-limit';

export const QUEUES = {
	/** Delivers one outbox message over SMTP (key: the message id; one attempt at a time). */
	mail: 'deliver-mail',
	/** Computes one selection run (key: the consultation; one at a time per consultation). */
	selection: 'run-selection',
	/** Where a selection job goes when its retries are spent: the run is marked failed, with the reason. */
	selectionFailed: 'selection-failed',
	/** Reminders before meetings, every quarter of an hour. */
	reminders: 'send-reminders',
	/** Every minute: messages whose delivery job was lost (a crash between commit and queue) are queued again. */
	sweep: 'sweep-outbox',
	/** Every minute: the staff of each draft whose comment period has closed are told, once. */
	closeComments: 'close-comment-periods',
	/** Every minute: participants whose comments were answered get their daily digest when it is due. */
	commentDigest: 'comment-digest'
} as const;

/** How many times a selection job is handed to another worker before its run is failed. */
export const SELECTION_RETRIES = 3;

export interface QueueTimings {
	/** The lease of a selection job: the solver's time limit and a margin. */
	selectionLeaseSeconds: number;
	/** The lease of a mail delivery (an SMTP attempt is bounded well within it), and the first retry's delay. */
	mailLeaseSeconds: number;
	/** How often expired leases are looked for (pg-boss maintenance). */
	maintenanceSeconds: number;
	/** How often an idle worker asks for work. */
	pollingSeconds: number;
}

export function queueTimingsFromEnv(env: NodeJS.ProcessEnv = process.env): QueueTimings {
	const limit = selectionTimeLimitSeconds(env);
	return {
		selectionLeaseSeconds: Math.ceil(limit) + 120,
		mailLeaseSeconds: Number(env.CONVENE_MAIL_LEASE_SECONDS) || 120,
		maintenanceSeconds: Number(env.CONVENE_QUEUE_MAINTENANCE_SECONDS) || 30,
		pollingSeconds: Number(env.CONVENE_QUEUE_POLLING_SECONDS) || 2
	};
}

export interface Queue {
	readonly boss: PgBoss;
	readonly timings: QueueTimings;
	/** Queues a job through `via`: inside the caller's transaction when it is one (committed with it, or not at all). */
	send(via: Executor, name: string, data: object, options?: PgBoss.SendOptions): Promise<string | null>;
	stop(): Promise<void>;
}

export async function openQueue(handle: DatabaseHandle, timings: QueueTimings = queueTimingsFromEnv()): Promise<Queue> {
	const boss = new PgBoss({
		db: { executeSql: (text, values) => handle.executeSql(text, values) },
		maintenanceIntervalSeconds: timings.maintenanceSeconds,
		monitorStateIntervalSeconds: 60,
		archiveCompletedAfterSeconds: 24 * 3600,
		deleteAfterDays: 14
	});
	boss.on('error', (error: Error) => console.error(`Job queue: ${error.message}`));
	const queues: PgBoss.Queue[] = [
		{ name: QUEUES.mail, policy: 'stately', retryLimit: 8, retryDelay: Math.min(30, timings.mailLeaseSeconds), retryBackoff: true, expireInSeconds: timings.mailLeaseSeconds },
		{ name: QUEUES.selectionFailed, policy: 'standard', retryLimit: 5, retryBackoff: true },
		// A run's job is handed back when its worker stops (after 5 s) or dies (lease): three more tries.
		{ name: QUEUES.selection, policy: 'singleton', retryLimit: SELECTION_RETRIES, retryDelay: 5, expireInSeconds: timings.selectionLeaseSeconds, deadLetter: QUEUES.selectionFailed },
		{ name: QUEUES.reminders, policy: 'singleton', retryLimit: 2, expireInSeconds: 600 },
		{ name: QUEUES.sweep, policy: 'singleton', retryLimit: 0, expireInSeconds: 300 },
		{ name: QUEUES.closeComments, policy: 'singleton', retryLimit: 2, expireInSeconds: 300 },
		{ name: QUEUES.commentDigest, policy: 'singleton', retryLimit: 2, expireInSeconds: 300 }
	];
	await handle.exclusive(async () => {
		await boss.start();
		for (const q of queues) {
			// createQueue keeps the options of the first start: update them, so that a changed time
			// limit or lease takes effect (the last process to start sets them for all).
			await boss.createQueue(q.name, q);
			await boss.updateQueue(q.name, q);
		}
		await boss.schedule(QUEUES.reminders, '*/15 * * * *');
		await boss.schedule(QUEUES.sweep, '* * * * *');
		await boss.schedule(QUEUES.closeComments, '* * * * *');
		await boss.schedule(QUEUES.commentDigest, '* * * * *');
	});
	return {
		boss,
		timings,
		send: (via, name, data, options = {}) => boss.send(name, data, { ...options, db: sqlThrough(via) }),
		async stop() {
			// Jobs still running after 5 s are handed back (pg-boss fails them into their retry), so
			// that another worker takes them at once rather than after their lease.
			await boss.stop({ graceful: true, timeout: 5_000, close: false, wait: true });
		}
	};
}
