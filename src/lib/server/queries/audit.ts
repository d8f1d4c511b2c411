// The audit log of sensitive actions (who said what, personal-data exports, merges, erasures,
// role changes). Written in the same transaction as the action it records.
import { desc } from 'drizzle-orm';
import type { Executor } from '../db';
import { auditLog } from '../db/schema';
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
