// What the public sends in — good practices and written inputs to an open call — and their
// moderation: nothing is public before a moderator publishes it, and publication goes through the
// privacy core (a text naming a participant protected by the Chatham House Rule is held back).
import { eq, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import {
	country,
	guidingPrinciple,
	objective,
	practice,
	practiceObjective,
	practicePrinciple,
	reviewProcess,
	stakeholderCategory,
	subregion,
	writtenInput,
	writtenInputAttachment,
	writtenInputObjective
} from '../db/schema';
import { inputScope, inputTexts, practiceScope, practiceTexts } from '../queries/contributions';
import { assertCleared, passGate, type Clearance, type StoredFinding } from '../privacy/gate';
import { writeAudit } from '../queries/audit';
import { suggestObjectives } from '../../domain/notes/objective-tags';
import { FORBIDDEN, NOT_FOUND, policy, type Actor, type Forbidden, type NotFound } from '../../domain/policy';
import type { AttachmentCheck, FieldErrors, TPracticeInput, TWrittenInput } from '../../domain/contribution-input';
import { isUuid, type ConsultationId } from '../../domain/ids';

type Invalid = { ok: false; reason: 'invalid'; errors: FieldErrors };

async function knownIds(db: Executor, table: typeof objective | typeof guidingPrinciple | typeof subregion | typeof stakeholderCategory, ids: readonly string[]): Promise<boolean> {
	if (!ids.length) return true;
	const found = await db.select({ id: table.id }).from(table).where(inArray(table.id, [...ids]));
	return found.length === new Set(ids).size;
}

export async function submitPractice(db: Database, processId: string | null, input: TPracticeInput): Promise<{ ok: true; id: string; isRepeat: boolean } | Invalid> {
	const errors: FieldErrors = {};
	if (!(await knownIds(db, objective, input.objectiveIds))) errors.objectiveIds = 'invalid';
	if (!(await knownIds(db, guidingPrinciple, input.principleIds))) errors.principleIds = 'invalid';
	let subregionId = input.subregionId;
	if (input.countryCode) {
		const [c] = await db.select().from(country).where(eq(country.code, input.countryCode));
		if (!c) errors.countryCode = 'invalid';
		else subregionId ??= c.subregionId;
	}
	// Unknown reference ids are a field error, not a foreign-key failure.
	if (input.subregionId && !(await knownIds(db, subregion, [input.subregionId]))) errors.subregionId = 'invalid';
	if (input.categoryId && !(await knownIds(db, stakeholderCategory, [input.categoryId]))) errors.categoryId = 'invalid';
	if (Object.keys(errors).length) return { ok: false, reason: 'invalid', errors };
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(practice)
			.values({
				processId,
				title: input.title,
				summary: input.summary,
				countryCode: input.countryCode,
				subregionId,
				categoryId: input.categoryId,
				periodStart: input.since ? `${input.since}-01-01` : null,
				periodEnd: input.until ? `${input.until}-12-31` : null,
				links: input.links,
				submitterName: input.submitterName,
				submitterEmail: input.submitterEmail,
				submissionKey: input.submissionKey
			})
			.onConflictDoNothing({ target: practice.submissionKey })
			.returning({ id: practice.id });
		if (!row) {
			const [again] = await tx.select({ id: practice.id }).from(practice).where(eq(practice.submissionKey, input.submissionKey));
			return { ok: true as const, id: again.id, isRepeat: true };
		}
		if (input.objectiveIds.length) await tx.insert(practiceObjective).values([...new Set(input.objectiveIds)].map((objectiveId) => ({ practiceId: row.id, objectiveId })));
		if (input.principleIds.length) await tx.insert(practicePrinciple).values([...new Set(input.principleIds)].map((principleId) => ({ practiceId: row.id, principleId })));
		return { ok: true as const, id: row.id, isRepeat: false };
	});
}

export interface InputTarget {
	processId: string;
	consultationId: ConsultationId | null;
}

export interface AttachmentFile extends AttachmentCheck {
	bytes: Uint8Array;
}

/**
 * Stores a written input with its attachments, once per form. When the author tagged no objective,
 * the tags are suggested from the text (the moderator confirms or changes them).
 */
export async function submitWrittenInput(db: Database, target: InputTarget, input: TWrittenInput, files: readonly AttachmentFile[]): Promise<{ ok: true; id: string; isRepeat: boolean; suggested: string[] } | Invalid> {
	if (!(await knownIds(db, objective, input.objectiveIds))) return { ok: false, reason: 'invalid', errors: { objectiveIds: 'invalid' } };
	const [process] = await db.select({ frameworkId: reviewProcess.frameworkId }).from(reviewProcess).where(eq(reviewProcess.id, target.processId));
	let tags = [...new Set(input.objectiveIds)];
	let suggested: string[] = [];
	if (!tags.length && process) {
		const objectives = await db.select().from(objective).where(eq(objective.frameworkId, process.frameworkId));
		suggested = suggestObjectives(`${input.title ?? ''}\n${input.text}`, objectives, 3)
			.filter((s) => s.score >= 2)
			.map((s) => s.objectiveId);
		tags = suggested;
	}
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(writtenInput)
			.values({
				processId: target.processId,
				consultationId: target.consultationId,
				authorName: input.authorName,
				organizationName: input.organizationName,
				email: input.email,
				title: input.title,
				text: input.text,
				isAttributionConsented: input.isAttributionConsented,
				submissionKey: input.submissionKey
			})
			.onConflictDoNothing({ target: writtenInput.submissionKey })
			.returning({ id: writtenInput.id });
		if (!row) {
			const [again] = await tx.select({ id: writtenInput.id }).from(writtenInput).where(eq(writtenInput.submissionKey, input.submissionKey));
			return { ok: true as const, id: again.id, isRepeat: true, suggested: [] };
		}
		if (tags.length) await tx.insert(writtenInputObjective).values(tags.map((objectiveId) => ({ writtenInputId: row.id, objectiveId })));
		for (const f of files) {
			await tx.insert(writtenInputAttachment).values({ writtenInputId: row.id, fileName: f.fileName, mediaType: f.mediaType, size: f.bytes.byteLength, content: Buffer.from(f.bytes) });
		}
		return { ok: true as const, id: row.id, isRepeat: false, suggested };
	});
}

// ---------------------------------------------------------------------------------------------
// Moderation
// ---------------------------------------------------------------------------------------------

export { inputScope, inputTexts, practiceScope, practiceTexts };

export type ModerationResult = { ok: true } | Forbidden | NotFound | { ok: false; reason: 'blocked'; findings: StoredFinding[]; canOverride: boolean } | Invalid;

export type Decision = 'published' | 'rejected';

export interface ModerationOptions {
	/** An administrator's written reason to publish despite a blocking finding. */
	overrideReason?: string | null;
}

export async function moderatePractice(db: Database, actor: Actor, id: string, decision: Decision, now: Date, options: ModerationOptions = {}): Promise<ModerationResult> {
	if (!policy.canModerate(actor)) return FORBIDDEN;
	if (!isUuid(id)) return NOT_FOUND;
	return db.transaction(async (tx) => {
		const [p] = await tx.select().from(practice).where(eq(practice.id, id)).for('update');
		if (!p) return NOT_FOUND;
		if (decision === 'published') {
			const gate = await passGate(tx, actor, practiceScope(p.processId), { type: 'practice', id }, practiceTexts(p), { overrideReason: options.overrideReason });
			if (!gate.ok) return { ok: false as const, reason: 'blocked' as const, findings: gate.findings, canOverride: gate.canOverride };
			await publishRow(tx, gate.clearance, practice, id, now);
		} else await tx.update(practice).set({ status: decision, moderatedAt: now }).where(eq(practice.id, id));
		await writeAudit(tx, actor, { action: `practice.${decision === 'published' ? 'publish' : 'reject'}`, subjectType: 'practice', subjectId: id, details: {} });
		return { ok: true as const };
	});
}

/** The only write that makes a sent-in text public: it needs the gate's clearance for that row. */
async function publishRow(tx: Executor, clearance: Clearance, table: typeof practice | typeof writtenInput, id: string, now: Date): Promise<void> {
	assertCleared(clearance, table === practice ? 'practice' : 'written-input', id);
	await tx.update(table).set({ status: 'published', moderatedAt: now }).where(eq(table.id, id));
}

/** Publishes or rejects a written input; the moderator may correct its objective tags at the same time. */
export async function moderateWrittenInput(db: Database, actor: Actor, id: string, decision: Decision, now: Date, objectiveIds?: readonly string[], options: ModerationOptions = {}): Promise<ModerationResult> {
	if (!policy.canModerate(actor)) return FORBIDDEN;
	if (!isUuid(id)) return NOT_FOUND;
	if (objectiveIds && !(await knownIds(db, objective, objectiveIds))) return { ok: false, reason: 'invalid', errors: { objectiveIds: 'invalid' } };
	return db.transaction(async (tx) => {
		const [w] = await tx.select().from(writtenInput).where(eq(writtenInput.id, id)).for('update');
		if (!w) return NOT_FOUND;
		let clearance: Clearance | null = null;
		if (decision === 'published') {
			const gate = await passGate(tx, actor, inputScope(w), { type: 'written-input', id }, inputTexts(w), { overrideReason: options.overrideReason });
			if (!gate.ok) return { ok: false as const, reason: 'blocked' as const, findings: gate.findings, canOverride: gate.canOverride };
			clearance = gate.clearance;
		}
		if (objectiveIds) {
			await tx.delete(writtenInputObjective).where(eq(writtenInputObjective.writtenInputId, id));
			if (objectiveIds.length) await tx.insert(writtenInputObjective).values([...new Set(objectiveIds)].map((objectiveId) => ({ writtenInputId: id, objectiveId })));
		}
		if (clearance) await publishRow(tx, clearance, writtenInput, id, now);
		else await tx.update(writtenInput).set({ status: 'rejected', moderatedAt: now }).where(eq(writtenInput.id, id));
		await writeAudit(tx, actor, { action: `written-input.${decision === 'published' ? 'publish' : 'reject'}`, subjectType: 'written-input', subjectId: id, details: { objectives: objectiveIds ?? null } });
		return { ok: true as const };
	});
}
