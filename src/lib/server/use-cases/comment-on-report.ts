// A participant comments on a numbered paragraph of a circulated draft, until 24:00 on the closing day.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { comment, paragraph } from '../db/schema';
import { FORBIDDEN, NOT_FOUND, type Actor, type Forbidden, type NotFound } from '../../domain/policy';
import { isCommentPeriodOpen, MAX_COMMENT_LENGTH } from '../../domain/report/comments';
import { isUuid } from '../../domain/ids';
import { isParticipant } from '../queries/report-comments';
import { versionWithConsultation } from '../queries/report-versions';

export type AddCommentResult = { ok: true } | Forbidden | NotFound | { ok: false; reason: 'closed' } | { ok: false; reason: 'invalid'; field: 'text' | 'paragraphId' };

export async function addComment(db: Database, actor: Actor, versionId: string, paragraphId: string, rawText: string, now: Date): Promise<AddCommentResult> {
	const found = await versionWithConsultation(db, versionId);
	if (!found || found.v.state !== 'circulated') return NOT_FOUND;
	if (actor.kind !== 'stakeholder' || !(await isParticipant(db, actor, found.c.id))) return FORBIDDEN;
	if (!isCommentPeriodOpen(now, found.v.commentsOpenAt, found.v.commentsCloseAt)) return { ok: false, reason: 'closed' };
	const text = rawText.trim();
	if (!text || text.length > MAX_COMMENT_LENGTH) return { ok: false, reason: 'invalid', field: 'text' };
	const [p] = isUuid(paragraphId) ? await db.select({ id: paragraph.id, kind: paragraph.kind }).from(paragraph).where(and(eq(paragraph.id, paragraphId), eq(paragraph.versionId, versionId))) : [];
	if (!p || (p.kind !== 'paragraph' && p.kind !== 'list-item')) return { ok: false, reason: 'invalid', field: 'paragraphId' };
	await db.insert(comment).values({ paragraphId: p.id, personId: actor.personId, text, createdAt: now });
	return { ok: true };
}
