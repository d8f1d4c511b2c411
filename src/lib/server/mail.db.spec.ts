import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { eq, sql } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../tests/support/test-db';
import { freePort } from '../../../tests/support/postgres-cluster';
import { outboxMessage } from './db/schema';
import { createMailer, deliverMail, requeueUnsent, smtpTransportFromEnv } from './mail';
import { openQueue, QUEUES, type Queue } from './queue';

const t = useTestDatabase();

/** The jobs waiting in the mail queue, by message id. */
async function queuedMail(): Promise<string[]> {
	const rows = (await t.executeSql(`select data->>'id' as id from pgboss.job where name = $1 and state < 'active'`, [QUEUES.mail])).rows as { id: string }[];
	return rows.map((r) => r.id);
}

describe(`mail on ${testDriver}`, () => {
	let queue: Queue;
	const received: string[] = [];
	let server: SMTPServer;
	let smtpUrl = '';
	beforeAll(async () => {
		queue = await openQueue(t, { selectionLeaseSeconds: 60, mailLeaseSeconds: 120, maintenanceSeconds: 30, pollingSeconds: 1 });
		server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			onData(stream, _session, callback) {
				let data = '';
				stream.on('data', (chunk) => (data += chunk));
				stream.on('end', () => {
					received.push(data);
					callback();
				});
			}
		});
		const port = await freePort();
		await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
		smtpUrl = `smtp://127.0.0.1:${port}`;
	});
	afterAll(async () => {
		await queue.stop();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});

	it('keeps messages in the outbox, unsent and unqueued, when no SMTP server is configured', async () => {
		const mailer = createMailer(t.db, {}, queue);
		expect(mailer.transport).toBe('outbox');
		const { id } = await mailer.send({ to: 'someone@example.org', subject: 'Your sign-in link', text: 'https://x.example/link' });
		const [row] = await t.db.select().from(outboxMessage).where(eq(outboxMessage.id, id));
		expect(row).toMatchObject({ to: 'someone@example.org', subject: 'Your sign-in link', sentAt: null });
		expect(await queuedMail()).not.toContain(id);
	});

	it('writes the message and its delivery job in the caller’s transaction: both or neither', async () => {
		const mailer = createMailer(t.db, { SMTP_URL: smtpUrl }, queue);
		let kept = '';
		let dropped = '';
		await t.db.transaction(async (tx) => {
			kept = (await mailer.send({ to: 'kept@example.org', subject: 'Kept', text: 'Yes' }, tx)).id;
		});
		await t.db
			.transaction(async (tx) => {
				dropped = (await mailer.send({ to: 'dropped@example.org', subject: 'Dropped', text: 'No' }, tx)).id;
				throw new Error('the change failed');
			})
			.catch(() => undefined);
		expect(await t.db.select({ id: outboxMessage.id }).from(outboxMessage).where(eq(outboxMessage.id, dropped))).toEqual([]);
		const queued = await queuedMail();
		expect(queued).toContain(kept);
		expect(queued).not.toContain(dropped);
	});

	it('delivers a stored message once, with its outbox id as Message-ID, and marks it sent', async () => {
		const transport = smtpTransportFromEnv({ SMTP_URL: smtpUrl, MAIL_FROM: 'Secretariat <secretariat@example.org>' })!;
		const { id } = await createMailer(t.db, { SMTP_URL: smtpUrl }, queue).send({ to: 'p@example.org', subject: 'Hello', text: 'Body text' });
		const before = received.length;
		expect(await deliverMail(t.db, transport, id)).toBe('sent');
		expect(await deliverMail(t.db, transport, id)).toBe('already-sent'); // a job run twice sends once
		expect(received.length - before).toBe(1);
		const message = received.at(-1)!;
		expect(message).toContain('Subject: Hello');
		expect(message).toContain('Body text');
		expect(message).toContain(`Message-ID: <${id}@convene>`);
		const [row] = await t.db.select().from(outboxMessage).where(eq(outboxMessage.id, id));
		expect(row).toMatchObject({ attempts: 1, lastError: null });
		expect(row.sentAt).toBeInstanceOf(Date);
	});

	it('records a refused attempt on the message and throws, so that the queue retries it', async () => {
		const unreachable = smtpTransportFromEnv({ SMTP_URL: `smtp://127.0.0.1:${await freePort()}` })!;
		const { id } = await createMailer(t.db, {}).send({ to: 'q@example.org', subject: 'Lost?', text: 'No' });
		await expect(deliverMail(t.db, unreachable, id)).rejects.toThrow(/Mail to q@example.org not sent/);
		const [row] = await t.db.select().from(outboxMessage).where(eq(outboxMessage.id, id));
		expect(row).toMatchObject({ sentAt: null, attempts: 1 });
		expect(row.lastError).toMatch(/ECONNREFUSED|connect/);
	});

	it('queues again, once, a message whose job was lost — not a fresh one, not one a day old, not one already tried', async () => {
		const now = new Date();
		const withoutQueue = createMailer(t.db, { SMTP_URL: smtpUrl }); // a CLI command: no queue at hand
		const lost = (await withoutQueue.send({ to: 'lost@example.org', subject: 'Lost job', text: '.' })).id;
		const fresh = (await withoutQueue.send({ to: 'fresh@example.org', subject: 'Fresh', text: '.' })).id;
		const stale = (await withoutQueue.send({ to: 'stale@example.org', subject: 'Stale', text: '.' })).id;
		const tried = (await withoutQueue.send({ to: 'tried@example.org', subject: 'Tried', text: '.' })).id;
		await t.db.update(outboxMessage).set({ createdAt: new Date(now.getTime() - 5 * 60_000) }).where(eq(outboxMessage.id, lost));
		await t.db.update(outboxMessage).set({ createdAt: new Date(now.getTime() - 25 * 3600_000) }).where(eq(outboxMessage.id, stale));
		await t.db.update(outboxMessage).set({ createdAt: new Date(now.getTime() - 5 * 60_000), attempts: sql`1` }).where(eq(outboxMessage.id, tried));
		expect(await requeueUnsent(t.db, queue, now)).toBeGreaterThanOrEqual(1);
		const queued = await queuedMail();
		expect(queued.filter((id) => id === lost)).toHaveLength(1);
		for (const id of [fresh, stale, tried]) expect(queued).not.toContain(id);
		await requeueUnsent(t.db, queue, now);
		expect((await queuedMail()).filter((id) => id === lost)).toHaveLength(1); // not doubled
	});

	it('does not queue a message again while a worker holds its job (which would hold up the messages behind it)', async () => {
		const now = new Date();
		const { id } = await createMailer(t.db, { SMTP_URL: smtpUrl }, queue).send({ to: 'held@example.org', subject: 'Held', text: '.' });
		await t.db.update(outboxMessage).set({ createdAt: new Date(now.getTime() - 5 * 60_000) }).where(eq(outboxMessage.id, id));
		const taken = await queue.boss.fetch<{ id: string }>(QUEUES.mail, { batchSize: 50 });
		expect(taken.map((j) => j.data.id)).toContain(id); // a worker took it and is still on it
		await requeueUnsent(t.db, queue, now);
		expect(await queuedMail()).not.toContain(id);
		const after = await createMailer(t.db, { SMTP_URL: smtpUrl }, queue).send({ to: 'next@example.org', subject: 'Next', text: '.' });
		expect((await queue.boss.fetch<{ id: string }>(QUEUES.mail)).map((j) => j.data.id)).toEqual([after.id]); // the next message is not held up
	});
});
