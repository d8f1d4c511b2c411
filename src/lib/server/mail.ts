// Outgoing mail. Every message is first stored in the outbox table (so nothing is lost and admins
// can read it); when SMTP_URL is set it is also sent through nodemailer and marked sent. Without
// SMTP the outbox is the mailbox: magic links work out of the box on a laptop.
import nodemailer from 'nodemailer';
import { desc, eq } from 'drizzle-orm';
import type { Executor } from './db';
import { outboxMessage } from './db/schema';

export interface MailMessage {
	to: string;
	subject: string;
	text: string;
	html?: string;
	attachments?: { filename: string; content: string; contentType: string }[];
}

export interface Mailer {
	readonly transport: 'smtp' | 'outbox';
	send(message: MailMessage): Promise<{ id: string; isSent: boolean }>;
}

export function createMailer(db: Executor, env: NodeJS.ProcessEnv = process.env): Mailer {
	const smtpUrl = env.SMTP_URL?.trim();
	const from = env.MAIL_FROM?.trim() || 'Convene <no-reply@convene.example>';
	const transporter = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
	return {
		transport: transporter ? 'smtp' : 'outbox',
		async send(message) {
			const [row] = await db
				.insert(outboxMessage)
				.values({ to: message.to, subject: message.subject, text: message.text, html: message.html ?? null, attachments: message.attachments ?? [] })
				.returning({ id: outboxMessage.id });
			if (!transporter) return { id: row.id, isSent: false };
			try {
				await transporter.sendMail({ from, ...message });
			} catch (error) {
				// The message stays unsent in the outbox, where an admin sees it.
				console.error(`Mail to ${message.to} not sent: ${(error as Error).message}`);
				return { id: row.id, isSent: false };
			}
			await db.update(outboxMessage).set({ sentAt: new Date() }).where(eq(outboxMessage.id, row.id));
			return { id: row.id, isSent: true };
		}
	};
}

export async function listOutbox(db: Executor, limit = 100) {
	return db.select().from(outboxMessage).orderBy(desc(outboxMessage.createdAt)).limit(limit);
}
