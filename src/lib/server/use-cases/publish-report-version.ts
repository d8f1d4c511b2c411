// Publishing a report version behind the privacy gate. Published versions never change; a correction
// is a new published version with a note. Its recommendations become tracked ones in the same
// transaction.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { report, reportVersion } from '../db/schema';
import { FORBIDDEN, NOT_FOUND, policy, type Actor, type Forbidden, type NotFound } from '../../domain/policy';
import { plainText } from '../../domain/report/model';
import { assertCleared, passGate, type Clearance, type PublicText, type StoredFinding } from '../privacy/gate';
import { writeAudit } from '../queries/audit';
import { isUuid } from '../../domain/ids';
import { privacyGate, versionDocument } from '../queries/report-versions';
import { syncRecommendations } from './sync-recommendations';

export type PublishResult =
	| { ok: true; number: number }
	| Forbidden
	| NotFound
	| { ok: false; reason: 'blocked'; findings: StoredFinding[] }
	| { ok: false; reason: 'already-published' }
	| { ok: false; reason: 'override-needs-reason' };

/**
 * Publishes a version after the privacy gate: its whole text and the publication note (which the
 * feed, the API and the report page carry) are checked against everyone the consultation
 * protects. A blocking finding stops it unless an admin overrides it with a written reason, which
 * the audit log keeps with the findings.
 */
export async function publishVersion(db: Database, actor: Actor, versionId: string, now: Date, options: { note?: string; overrideReason?: string | null } = {}): Promise<PublishResult> {
	if (!isUuid(versionId)) return NOT_FOUND;
	const [v] = await db
		.select({ id: reportVersion.id, state: reportVersion.state, number: reportVersion.number, consultationId: report.consultationId })
		.from(reportVersion)
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.where(eq(reportVersion.id, versionId));
	if (!v) return NOT_FOUND;
	if (!policy.canOrganize(actor, v.consultationId)) return FORBIDDEN;
	if (v.state === 'published') return { ok: false, reason: 'already-published' };
	if (options.overrideReason != null && !options.overrideReason.trim()) {
		const probe = (await privacyGate(db, versionId))!;
		if (!probe.isBlocked) return { ok: false, reason: 'override-needs-reason' };
	}
	const doc = (await versionDocument(db, versionId))!;
	return db.transaction(async (tx) => {
		const gate = await passGate(tx, actor, { consultationId: v.consultationId }, { type: 'report-version', id: versionId }, { report: plainText(doc), note: options.note?.trim() ?? '' }, { overrideReason: options.overrideReason, overrideAction: 'report.publish-override' });
		if (!gate.ok) return { ok: false as const, reason: 'blocked' as const, findings: gate.findings };
		if (!(await markVersionPublished(tx, gate.clearance, versionId, gate.texts.note || null, now))) return { ok: false as const, reason: 'already-published' as const };
		const recommendations = await syncRecommendations(tx, versionId, now);
		await writeAudit(tx, actor, { action: 'report.publish', subjectType: 'report-version', subjectId: versionId, details: { number: v.number, recommendations } });
		return { ok: true as const, number: v.number };
	});
}

/** The only write that makes a version public: it needs the gate's clearance for that version. */
async function markVersionPublished(tx: Executor, clearance: Clearance, versionId: string, note: PublicText | null, now: Date): Promise<boolean> {
	assertCleared(clearance, 'report-version', versionId);
	const updated = await tx
		.update(reportVersion)
		.set({ state: 'published', publishedAt: now, note })
		.where(and(eq(reportVersion.id, versionId), inArray(reportVersion.state, ['draft', 'circulated'])))
		.returning({ id: reportVersion.id });
	return updated.length > 0;
}
