// The audit log of sensitive actions (who said what, personal-data exports, merges, erasures,
// role changes). Written in the same transaction as the action it records.
import { desc } from 'drizzle-orm';
import type { Executor } from '../db';
import { auditLog, authUser } from '../db/schema';
import type { Actor } from '../../domain/policy';

export interface AuditEntry {
	action: string;
	subjectType: string;
	subjectId?: string | null;
	details?: Record<string, unknown>;
}

export async function writeAudit(db: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
	const actorUserId = actor.kind === 'staff' || actor.kind === 'stakeholder' ? actor.userId : null;
	await db.insert(auditLog).values({
		actorUserId,
		action: entry.action,
		subjectType: entry.subjectType,
		subjectId: entry.subjectId ?? null,
		details: { ...(entry.details ?? {}), ...(actor.kind === 'system' ? { via: actor.via } : {}) }
	});
}

export async function listAudit(db: Executor, limit = 200) {
	return db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit);
}

/** Account emails by user id: the audit page names who acted. */
export async function accountEmails(db: Executor): Promise<Map<string, string>> {
	return new Map((await db.select({ id: authUser.id, email: authUser.email }).from(authUser)).map((u) => [u.id, u.email]));
}
