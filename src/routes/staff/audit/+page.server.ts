import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireStaff } from '$lib/server/guards';
import { accountEmails, listAudit } from '$lib/server/queries/audit';
import { policy } from '$lib/domain/policy';

export const load: PageServerLoad = async ({ locals }) => {
	requireStaff(locals.actor, policy.canReadAuditLog);
	const db = getDb();
	const entries = await listAudit(db);
	const users = await accountEmails(db);
	return {
		entries: entries.map((e) => ({
			id: e.id,
			at: e.at.toISOString(),
			actor: e.actorUserId ? (users.get(e.actorUserId) ?? e.actorUserId) : (typeof e.details.via === 'string' ? e.details.via : '—'),
			action: e.action,
			subject: [e.subjectType, e.subjectId].filter(Boolean).join(' '),
			details: JSON.stringify(e.details)
		}))
	};
};
