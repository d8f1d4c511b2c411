// Changing tracked recommendations, one at a time (form) or many (spreadsheet), both through
// applyChanges: status, addressees, objectives and a public follow-up log behind the privacy gate.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { consultation, followUp, objective, recommendation, recommendationObjective, reviewProcess } from '../db/schema';
import { STATUS_LABELS, SHEET_COLUMNS, type RecommendationStatus, type SheetError } from '../../domain/follow-up/recommendations';
import { FORBIDDEN, NOT_FOUND, policy, type Actor, type Forbidden, type NotFound } from '../../domain/policy';
import { protectionCache, type ProtectionScope } from '../queries/protected';
import { passGate, type PublicText } from '../privacy/gate';
import { writeAudit } from '../queries/audit';
import { dateInZone } from '../../domain/time';
import { findingText } from '../privacy/finding-text';

export interface RecommendationChange {
	id: string;
	status?: RecommendationStatus;
	addressees?: string[];
	objectiveNumbers?: number[];
	followUp?: { happenedOn: string; note: string; evidenceUrl: string | null };
}

export type ChangeResult =
	| { ok: true; changed: number; followUps: number }
	| Forbidden
	| NotFound
	| { ok: false; reason: 'invalid'; errors: SheetError[]; canOverride?: boolean };

/**
 * Applies changes in one transaction, with the recommendations locked: a status change is logged
 * with the day it was made (in the consultation's time zone); a follow-up note goes through the
 * privacy core, because the log is public; a follow-up already in the log is not added twice.
 */
export async function applyChanges(db: Database, actor: Actor, changes: readonly (RecommendationChange & { row?: number })[], now: Date, overrideReason: string | null = null): Promise<ChangeResult> {
	if (!changes.length) return { ok: true, changed: 0, followUps: 0 };
	return db.transaction(async (tx) => {
		const ids = changes.map((c) => c.id);
		const rows = await tx
			.select({ r: recommendation, k: consultation.anonymityThreshold, timeZone: consultation.timeZone, frameworkId: reviewProcess.frameworkId })
			.from(recommendation)
			.innerJoin(consultation, eq(consultation.id, recommendation.consultationId))
			.leftJoin(reviewProcess, eq(reviewProcess.id, recommendation.processId))
			.where(inArray(recommendation.id, ids))
			.for('update', { of: recommendation });
		const byId = new Map(rows.map((r) => [r.r.id, r]));
		// The follow-up log is public: every entry passes the privacy gate, against everyone the
		// recommendation's review process (or its consultation) protects, loaded once per scope.
		const protectionFor = protectionCache(tx);
		const clear = async (r: typeof recommendation.$inferSelect, note: string, evidenceUrl: string | null) => {
			const scope: ProtectionScope = r.processId ? { processId: r.processId } : { consultationId: r.consultationId! };
			return passGate(tx, actor, scope, { type: 'follow-up', id: r.id }, { note, evidenceUrl: evidenceUrl ?? '' }, { protection: await protectionFor(scope), overrideReason });
		};
		const cleared = new Map<string, { note: PublicText; evidenceUrl: PublicText | null }>();
		const errors: SheetError[] = [];
		let canOverride = false;
		for (const c of changes) {
			const row = byId.get(c.id);
			if (!row) return NOT_FOUND;
			if (!policy.canOrganize(actor, row.r.consultationId!)) {
				if (c.row === undefined) return FORBIDDEN;
				errors.push({ row: c.row, column: SHEET_COLUMNS.id, problem: { kind: 'not-an-organizer' } });
			}
			if (c.followUp) {
				const gate = await clear(row.r, c.followUp.note, c.followUp.evidenceUrl);
				if (!gate.ok) {
					canOverride = gate.canOverride;
					for (const f of gate.findings) errors.push({ row: c.row ?? 0, column: SHEET_COLUMNS.followUpNote, problem: { kind: 'public-log', explanation: findingText(f) } });
				}
				else cleared.set(c.id, { note: gate.texts.note, evidenceUrl: c.followUp.evidenceUrl ? gate.texts.evidenceUrl : null });
			}
		}
		if (errors.length) return { ok: false as const, reason: 'invalid' as const, errors, canOverride };
		let changed = 0;
		let followUps = 0;
		const userId = actor.kind === 'staff' ? actor.userId : null;
		for (const c of changes) {
			const { r, timeZone, frameworkId } = byId.get(c.id)!;
			const set: Partial<typeof recommendation.$inferInsert> = {};
			if (c.status && c.status !== r.status) set.status = c.status;
			if (c.addressees) set.addressees = c.addressees;
			if (Object.keys(set).length || c.objectiveNumbers) {
				await tx.update(recommendation).set({ ...set, updatedAt: now }).where(eq(recommendation.id, r.id));
				changed++;
			}
			if (c.objectiveNumbers) {
				await tx.delete(recommendationObjective).where(eq(recommendationObjective.recommendationId, r.id));
				const found = c.objectiveNumbers.length
					? await tx.select({ id: objective.id }).from(objective).where(and(eq(objective.frameworkId, frameworkId ?? 'gcm'), inArray(objective.number, c.objectiveNumbers)))
					: [];
				if (found.length) await tx.insert(recommendationObjective).values(found.map((o) => ({ recommendationId: r.id, objectiveId: o.id })));
			}
			const entries: { happenedOn: string; note: PublicText; evidenceUrl: PublicText | null; statusFrom?: RecommendationStatus; statusTo?: RecommendationStatus }[] = [];
			if (set.status) {
				const gate = await clear(r, `Status changed from ${STATUS_LABELS[r.status]} to ${STATUS_LABELS[set.status]}.`, null);
				if (gate.ok) entries.push({ happenedOn: dateInZone(now, timeZone), note: gate.texts.note, evidenceUrl: null, statusFrom: r.status, statusTo: set.status });
			}
			if (c.followUp) entries.push({ happenedOn: c.followUp.happenedOn, ...cleared.get(c.id)! });
			for (const e of entries) {
				const [dupe] = await tx
					.select({ id: followUp.id })
					.from(followUp)
					.where(and(eq(followUp.recommendationId, r.id), eq(followUp.happenedOn, e.happenedOn), eq(followUp.note, e.note)));
				if (dupe) continue;
				await tx.insert(followUp).values({ recommendationId: r.id, happenedOn: e.happenedOn, note: e.note, evidenceUrl: e.evidenceUrl, statusFrom: e.statusFrom, statusTo: e.statusTo, createdByUserId: userId });
				followUps++;
			}
			await writeAudit(tx, actor, {
				action: 'recommendation.update',
				subjectType: 'recommendation',
				subjectId: r.id,
				details: { ...(set.status ? { status: [r.status, set.status] } : {}), ...(c.addressees ? { addressees: c.addressees } : {}), ...(c.objectiveNumbers ? { objectives: c.objectiveNumbers } : {}), ...(c.followUp ? { followUp: c.followUp.happenedOn } : {}) }
			});
		}
		return { ok: true as const, changed, followUps };
	});
}

/** `overrideReason`: an administrator's written reason to log a follow-up past a blocking privacy finding (audited). */
export function updateRecommendation(db: Database, actor: Actor, change: RecommendationChange, now: Date, options: { overrideReason?: string | null } = {}): Promise<ChangeResult> {
	return applyChanges(db, actor, [change], now, options.overrideReason ?? null);
}
