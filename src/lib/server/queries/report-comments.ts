// Reads of the comment period: what a participant sees (the numbered text and their own comments),
// every comment per paragraph for the consultation's staff, and the drafts open for one's comments.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../db';
import { authUser, comment, consultation, paragraph, person, report, reportVersion } from '../db/schema';
import { FORBIDDEN, NOT_FOUND, policy, type Actor } from '../../domain/policy';
import { isCommentPeriodOpen } from '../../domain/report/comments';
import { citations, numberBlocks } from '../../domain/report/model';
import { formatDeadline } from '../../domain/time';
import { roomAttendees } from './attendees';
import { readBlocks } from './report-blocks';
import { versionWithConsultation } from './report-versions';
import type { ConsultationId, PersonId } from '../../domain/ids';

export async function isParticipant(db: Executor, actor: Actor, consultationId: ConsultationId): Promise<boolean> {
	if (actor.kind !== 'stakeholder') return false;
	const room = await roomAttendees(db, consultationId);
	return room.some((a) => a.personId === actor.personId && (a.hasAttended || a.attribution === 'on-record'));
}

/** What a participant sees: the text with numbers, their own comments, and whether they may still comment. */
export async function participantView(db: Executor, actor: Actor, versionId: string, now: Date, locale = 'en') {
	const found = await versionWithConsultation(db, versionId);
	// A published version stays readable to its commenters (the digest of answers may link to it), closed.
	if (!found || found.v.state === 'draft') return NOT_FOUND;
	if (!(await isParticipant(db, actor, found.c.id))) return FORBIDDEN;
	const blocks = await readBlocks(db, versionId);
	const numbered = numberBlocks(blocks.map((b) => b.block));
	const cites = citations(numbered);
	const mine = await db
		.select({ id: comment.id, paragraphId: comment.paragraphId, text: comment.text, addressedAt: comment.addressedAt, createdAt: comment.createdAt })
		.from(comment)
		.innerJoin(paragraph, eq(paragraph.id, comment.paragraphId))
		.where(and(eq(paragraph.versionId, versionId), eq(comment.personId, (actor as { personId: PersonId }).personId), isNull(comment.replyToId)))
		.orderBy(asc(comment.createdAt));
	const replies = mine.length ? await db.select({ replyToId: comment.replyToId, text: comment.text }).from(comment).where(inArray(comment.replyToId, mine.map((x) => x.id))).orderBy(asc(comment.createdAt)) : [];
	return {
		ok: true as const,
		title: found.title,
		consultation: found.c,
		isOpen: found.v.state === 'circulated' && isCommentPeriodOpen(now, found.v.commentsOpenAt, found.v.commentsCloseAt),
		isPublished: found.v.state === 'published',
		closesAt: found.v.commentsCloseAt ? formatDeadline(found.v.commentsCloseAt, found.c.timeZone, locale) : '',
		blocks: numbered.map((b, i) => ({ id: blocks[i].id, block: b, cite: cites[i], comments: mine.filter((x) => x.paragraphId === blocks[i].id).map((x) => ({ ...x, replies: replies.filter((r) => r.replyToId === x.id).map((r) => r.text) })) }))
	};
}

/** Every comment of a version per paragraph, with who wrote it: for the consultation's staff only. */
export async function commentsForStaff(db: Executor, actor: Actor, versionId: string) {
	const found = await versionWithConsultation(db, versionId);
	if (!found) return NOT_FOUND;
	if (!policy.canTakeNotes(actor, found.c.id)) return FORBIDDEN;
	const rows = await db
		.select({ id: comment.id, paragraphId: comment.paragraphId, replyToId: comment.replyToId, text: comment.text, addressedAt: comment.addressedAt, createdAt: comment.createdAt, personName: person.name, staffName: authUser.name })
		.from(comment)
		.innerJoin(paragraph, eq(paragraph.id, comment.paragraphId))
		.leftJoin(person, eq(person.id, comment.personId))
		.leftJoin(authUser, eq(authUser.id, comment.authorUserId))
		.where(eq(paragraph.versionId, versionId))
		.orderBy(asc(comment.createdAt));
	return { ok: true as const, comments: rows };
}

/** The drafts open for this participant's comments now: consultations they were in the room of. */
export async function openForMyComments(db: Executor, actor: Actor, now: Date, locale = 'en') {
	if (actor.kind !== 'stakeholder') return [];
	const open = await db
		.select({ versionId: reportVersion.id, title: report.title, consultationId: report.consultationId, closesAt: reportVersion.commentsCloseAt, opensAt: reportVersion.commentsOpenAt, timeZone: consultation.timeZone })
		.from(reportVersion)
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.innerJoin(consultation, eq(consultation.id, report.consultationId))
		.where(eq(reportVersion.state, 'circulated'));
	const mine = [];
	for (const v of open) {
		if (isCommentPeriodOpen(now, v.opensAt, v.closesAt) && (await isParticipant(db, actor, v.consultationId))) {
			mine.push({ versionId: v.versionId, title: v.title, closesAt: formatDeadline(v.closesAt!, v.timeZone, locale) });
		}
	}
	return mine;
}
