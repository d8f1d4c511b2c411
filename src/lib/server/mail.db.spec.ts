import { describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { eq } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../tests/support/test-db';
import { freePort } from '../../../tests/support/postgres-cluster';
import { outboxMessage } from './db/schema';
import { createMailer } from './mail';

const t = useTestDatabase();

describe(`mail on ${testDriver}`, () => {
	it('keeps messages in the outbox, unsent, when no SMTP server is configured', async () => {
		const mailer = createMailer(t.db, {});
		expect(mailer.transport).toBe('outbox');
		const { id, isSent } = await mailer.send({ to: 'someone@example.org', subject: 'Your sign-in link', text: 'https://x.example/link' });
		expect(isSent).toBe(false);
		const [row] = await t.db.select().from(outboxMessage).where(eq(outboxMessage.id, id));
		expect(row).toMatchObject({ to: 'someone@example.org', subject: 'Your sign-in link', sentAt: null });
	});

	it('sends through SMTP_URL and marks the message sent', async () => {
		const received: string[] = [];
		const server = new SMTPServer({
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
		try {
			const mailer = createMailer(t.db, { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Secretariat <secretariat@example.org>' });
			const { id, isSent } = await mailer.send({ to: 'p@example.org', subject: 'Hello', text: 'Body text' });
			expect(isSent).toBe(true);
			expect(received).toHaveLength(1);
			expect(received[0]).toContain('Subject: Hello');
			expect(received[0]).toContain('Body text');
			const [row] = await t.db.select().from(outboxMessage).where(eq(outboxMessage.id, id));
			expect(row.sentAt).toBeInstanceOf(Date);
		} finally {
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	});

	it('keeps the message, unsent, when the SMTP server cannot be reached', async () => {
		const port = await freePort();
		const mailer = createMailer(t.db, { SMTP_URL: `smtp://127.0.0.1:${port}` });
		const { id, isSent } = await mailer.send({ to: 'q@example.org', subject: 'Lost?', text: 'No' });
		expect(isSent).toBe(false);
		const [row] = await t.db.select().from(outboxMessage).where(eq(outboxMessage.id, id));
		expect(row.sentAt).toBeNull();
	});
});
