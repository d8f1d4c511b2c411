// The consultation's staff answer participants' comments: a reply, or marking one addressed. Each
// answer to a participant's comment is news for the participant's daily digest (send-comment-digests):
// the answer's transaction locks the comment and sets its `news_since`, so that a digest being written
// at the same moment either tells this answer or leaves it for the next one.
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { comment, paragraph } from '../db/schema';
import { FORBIDDEN, NOT_FOUND, policy, type Actor, type Forbidden, type NotFound } from '../../domain/policy';
import { MAX_COMMENT_LENGTH } from '../../domain/report/comments';
import { isUuid } from '../../domain/ids';
import { versionWithConsultation } from '../queries/report-versions';

export type StaffCommentResult = { ok: true } | Forbidden | NotFound | { ok: false; reason: 'invalid' };

/** A comment of a version the actor takes notes for, or why not. */
async function commentForStaff(db: Executor, actor: Actor, commentId: string) {
	const [c] = isUuid(commentId)
		? await db.select({ id: comment.id, paragraphId: comment.paragraphId, versionId: paragraph.versionId, replyToId: comment.replyToId }).from(comment).innerJoin(paragraph, eq(paragraph.id, comment.paragraphId)).where(eq(comment.id, commentId))
		: [];
	// Staff answer a participant's comment, not a reply (which the participant would never see): every
	// comment that passes has a participant to tell.
	if (!c || c.replyToId) return NOT_FOUND;
	const found = await versionWithConsultation(db, c.versionId);
	if (!found || !policy.canTakeNotes(actor, found.c.id)) return FORBIDDEN;
	return { ok: true as const, ...c };
}

export async function replyToComment(db: Database, actor: Actor, commentId: string, rawText: string): Promise<StaffCommentResult> {
	const text = rawText.trim();
	const c = await commentForStaff(db, actor, commentId);
	if (!c.ok) return c;
	if (actor.kind !== 'staff') return FORBIDDEN;
	if (!text || text.length > MAX_COMMENT_LENGTH) return { ok: false, reason: 'invalid' };
	const { userId } = actor;
	await db.transaction(async (tx) => {
		await tx.update(comment).set({ newsSince: sql`coalesce(${comment.newsSince}, now())` }).where(eq(comment.id, c.id));
		await tx.insert(comment).values({ paragraphId: c.paragraphId, authorUserId: userId, replyToId: c.id, text });
	});
	return { ok: true };
}

export async function markAddressed(db: Database, actor: Actor, commentId: string, now: Date): Promise<StaffCommentResult> {
	const c = await commentForStaff(db, actor, commentId);
	if (!c.ok) return c;
	await db
		.update(comment)
		.set({ addressedAt: now, newsSince: sql`coalesce(${comment.newsSince}, ${now.toISOString()}::timestamptz)` })
		.where(and(eq(comment.id, c.id), isNull(comment.addressedAt)));
	return { ok: true };
}

/** "Addressed" taken back (marked by mistake, or not dealt with after all). */
export async function unmarkAddressed(db: Database, actor: Actor, commentId: string): Promise<StaffCommentResult> {
	const c = await commentForStaff(db, actor, commentId);
	if (!c.ok) return c;
	await db.update(comment).set({ addressedAt: null }).where(and(eq(comment.id, c.id), isNotNull(comment.addressedAt)));
	return { ok: true };
}
