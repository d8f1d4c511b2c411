// The durable job queue: pg-boss on the application's own database (PostgreSQL, or PGlite through
// the handle's `executeSql`), so that a job is written in the same transaction as the change that
// causes it and survives any crash after the commit. A job is fetched by one worker and holds a
// lease (`expireInSeconds`): when its worker dies, maintenance expires it and it is retried, or
// failed with its reason once its retries are spent. No process ever marks another's work failed.
import PgBoss from 'pg-boss';
import type { DatabaseHandle, Executor } from './db';
import { sqlThrough } from './db/sql-through';

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
	sweep: 'sweep-outbox'
} as const;

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
	const limit = Number(env.CONVENE_SELECTION_TIME_LIMIT) || 600;
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
	await handle.exclusive(async () => {
		await boss.start();
		await boss.createQueue(QUEUES.mail, { name: QUEUES.mail, policy: 'stately', retryLimit: 8, retryDelay: Math.min(30, timings.mailLeaseSeconds), retryBackoff: true, expireInSeconds: timings.mailLeaseSeconds });
		await boss.createQueue(QUEUES.selectionFailed, { name: QUEUES.selectionFailed, policy: 'standard', retryLimit: 5, retryBackoff: true });
		await boss.createQueue(QUEUES.selection, {
			name: QUEUES.selection,
			policy: 'singleton',
			retryLimit: 1,
			retryDelay: 5,
			expireInSeconds: timings.selectionLeaseSeconds,
			deadLetter: QUEUES.selectionFailed
		});
		await boss.createQueue(QUEUES.reminders, { name: QUEUES.reminders, policy: 'singleton', retryLimit: 2, expireInSeconds: 600 });
		await boss.createQueue(QUEUES.sweep, { name: QUEUES.sweep, policy: 'singleton', retryLimit: 0, expireInSeconds: 300 });
		await boss.schedule(QUEUES.reminders, '*/15 * * * *');
		await boss.schedule(QUEUES.sweep, '* * * * *');
	});
	return {
		boss,
		timings,
		send: (via, name, data, options = {}) => boss.send(name, data, { ...options, db: sqlThrough(via) }),
		async stop() {
			// Jobs still running are left to their lease: another worker takes them over.
			await boss.stop({ graceful: true, timeout: 5_000, close: false, wait: true });
		}
	};
}
