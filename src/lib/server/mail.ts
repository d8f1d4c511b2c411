// Outgoing mail through a transactional outbox. `send` stores the message in the outbox table through
// the caller's executor — inside the transaction of the change that causes it, so the message exists
// if and only if the change does — and, when SMTP_URL is set, queues its delivery in the same
// transaction. The queue delivers it (retries with backoff; one attempt at a time per message); a
// message whose job was lost is queued again by the minute's sweep. Without SMTP the outbox is the
// mailbox: magic links work out of the box on a laptop.
import nodemailer from 'nodemailer';
import { and, asc, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from './db';
import { outboxMessage } from './db/schema';
import { QUEUES, type Queue } from './queue';

export interface MailMessage {
	to: string;
	subject: string;
	text: string;
	html?: string;
	attachments?: { filename: string; content: string; contentType: string }[];
}

export interface Mailer {
	readonly transport: 'smtp' | 'outbox';
	/**
	 * Stores the message through `via` (default: the database) and, with SMTP, queues its delivery there
	 * too. Inside a transaction, pass it: the default would write outside it (and, on the embedded
	 * database's single connection, wait for it forever).
	 */
	send(message: MailMessage, via?: Executor): Promise<{ id: string }>;
}

/** The SMTP side: what delivers a stored message. */
export interface MailTransport {
	readonly from: string;
	sendMail(message: MailMessage & { from: string; messageId: string }): Promise<unknown>;
}

export function smtpTransportFromEnv(env: NodeJS.ProcessEnv = process.env): MailTransport | null {
	const smtpUrl = env.SMTP_URL?.trim();
	if (!smtpUrl) return null;
	// Bounded, so that an attempt ends well within its job's lease (a silent server is a failed attempt).
	const transporter = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 });
	return { from: env.MAIL_FROM?.trim() || 'Convene <no-reply@convene.example>', sendMail: (message) => transporter.sendMail(message) };
}

/** Without a queue (a CLI command), an SMTP message waits in the outbox for a server's sweep. */
export function createMailer(db: Executor, env: NodeJS.ProcessEnv = process.env, queue: Queue | null = null): Mailer {
	const isSmtp = !!env.SMTP_URL?.trim();
	return {
		transport: isSmtp ? 'smtp' : 'outbox',
		async send(message, via = db) {
			const [row] = await via
				.insert(outboxMessage)
				.values({ to: message.to, subject: message.subject, text: message.text, html: message.html ?? null, attachments: message.attachments ?? [] })
				.returning({ id: outboxMessage.id });
			if (isSmtp && queue) await queueDelivery(queue, via, row.id);
			return { id: row.id };
		}
	};
}

function queueDelivery(queue: Queue, via: Executor, id: string) {
	return queue.send(via, QUEUES.mail, { id }, { singletonKey: id });
}

export type DeliveryResult = 'sent' | 'already-sent' | 'unknown';

/**
 * The mail job: sends one stored message unless it was sent already. The queue runs one attempt per
 * message at a time; a failure is recorded on the row and thrown, so that the queue retries it later.
 * The Message-ID is the outbox id: should a worker die between the SMTP answer and the write below,
 * the copy sent again carries the same Message-ID, which mail systems use to drop duplicates.
 */
export async function deliverMail(db: Executor, transport: MailTransport, id: string, now: () => Date = () => new Date()): Promise<DeliveryResult> {
	const [row] = await db.select().from(outboxMessage).where(eq(outboxMessage.id, id));
	if (!row) return 'unknown';
	if (row.sentAt) return 'already-sent';
	try {
		await transport.sendMail({
			from: transport.from,
			to: row.to,
			subject: row.subject,
			text: row.text,
			...(row.html ? { html: row.html } : {}),
			...(row.attachments.length ? { attachments: row.attachments } : {}),
			messageId: `<${row.id}@convene>`
		});
	} catch (error) {
		const reason = ((error as Error).message || String(error)).slice(0, 500);
		await db.update(outboxMessage).set({ attempts: sql`${outboxMessage.attempts} + 1`, lastError: reason }).where(eq(outboxMessage.id, id));
		throw new Error(`Mail to ${row.to} not sent: ${reason}`, { cause: error });
	}
	await db.update(outboxMessage).set({ sentAt: now(), attempts: sql`${outboxMessage.attempts} + 1`, lastError: null }).where(and(eq(outboxMessage.id, id), isNull(outboxMessage.sentAt)));
	return 'sent';
}

/**
 * Messages never attempted whose job was lost (queued by a CLI command, or a crash between the commit
 * and the queue) are queued again once a minute old; not those older than a day (a sign-in link
 * stored while SMTP was not configured is not sent when it is). A queued one is not doubled: one job
 * per message. Messages that were attempted are the queue's to retry, with its backoff.
 */
export async function requeueUnsent(db: Executor, queue: Queue, now: Date, limit = 500): Promise<number> {
	const rows = await db
		.select({ id: outboxMessage.id })
		.from(outboxMessage)
		.where(
			and(
				isNull(outboxMessage.sentAt),
				eq(outboxMessage.attempts, 0),
				// Not while a job of it is queued, waiting to retry or running (a second one would wait
				// behind it and, in the meantime, hold up the queue's other messages).
				sql`not exists (select 1 from pgboss.job j where j.name = ${QUEUES.mail} and j.singleton_key = ${outboxMessage.id}::text and j.state < 'completed')`,
				lt(outboxMessage.createdAt, new Date(now.getTime() - 60_000)),
				gt(outboxMessage.createdAt, new Date(now.getTime() - 24 * 3600_000))
			)
		)
		.orderBy(asc(outboxMessage.createdAt))
		.limit(limit);
	let queued = 0;
	for (const r of rows) if (await queueDelivery(queue, db, r.id)) queued++;
	return queued;
}

export async function listOutbox(db: Executor, limit = 100) {
	return db.select().from(outboxMessage).orderBy(desc(outboxMessage.createdAt)).limit(limit);
}
