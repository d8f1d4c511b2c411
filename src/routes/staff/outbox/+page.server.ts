import type { PageServerLoad } from './$types';
import { getDb, getMailer } from '$lib/server/runtime';
import { requireStaff } from '$lib/server/guards';
import { listOutbox } from '$lib/server/mail';
import { policy } from '$lib/domain/policy';
import { formatShortDateTime } from '$lib/domain/time';

export const load: PageServerLoad = async ({ locals }) => {
	requireStaff(locals.actor, policy.canReadOutbox);
	const messages = await listOutbox(getDb());
	return {
		isSmtp: getMailer().transport === 'smtp',
		messages: messages.map((mm) => ({ id: mm.id, to: mm.to, subject: mm.subject, text: mm.text, createdAt: mm.createdAt.toISOString(), created: formatShortDateTime(mm.createdAt, 'UTC', locals.locale), isSent: mm.sentAt !== null, attempts: mm.attempts, lastError: mm.lastError }))
	};
};
