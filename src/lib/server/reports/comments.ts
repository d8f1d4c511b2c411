// The comment period: staff circulate a version to the people in the room (an email with the
// deadline in the consultation's zone and a link that signs them in), participants comment on
// numbered paragraphs and see only their own comments and the text, staff see all comments per
// paragraph, reply and mark them addressed. Comments are refused after 24:00 on the closing day.
import { and, asc, eq, inArray, isNull, TransactionRollbackError } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { authUser, comment, consultation, paragraph, person, report, reportVersion } from '../db/schema';
import { FORBIDDEN, NOT_FOUND, policy, type Actor, type Forbidden, type NotFound } from '../../domain/policy';
import { commentsCloseAt, isCommentPeriodOpen, MAX_COMMENT_LENGTH } from '../../domain/report/comments';
import { numberBlocks, plainText } from '../../domain/report/model';
import { formatDeadline } from '../../domain/time';
import { readBlocks, versionDocument } from './versions';
import { passGate } from '../privacy/gate';
import { roomAttendees } from '../queries/attendees';
import { writeAudit } from '../queries/audit';
import type { Mailer } from '../mail';
import { isUuid } from '../../domain/ids';


async function versionWithConsultation(db: Executor, versionId: string) {
	if (!isUuid(versionId)) return null;
	const [row] = await db
		.select({ v: reportVersion, c: consultation, title: report.title })
		.from(reportVersion)
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.innerJoin(consultation, eq(consultation.id, report.consultationId))
		.where(eq(reportVersion.id, versionId));
	return row ?? null;
}

export type CirculateResult = { ok: true; recipients: number; closesAt: Date } | Forbidden | NotFound | { ok: false; reason: 'blocked' } | { ok: false; reason: 'not-a-draft' } | { ok: false; reason: 'days' };

export async function circulateVersion(db: Database, actor: Actor, mailer: Mailer, versionId: string, options: { days: number; origin: string; now: Date; overrideReason?: string | null }): Promise<CirculateResult> {
	const found = await versionWithConsultation(db, versionId);
	if (!found) return NOT_FOUND;
	const { v, c, title } = found;
	if (!policy.canOrganize(actor, c.id)) return FORBIDDEN;
	if (!Number.isInteger(options.days) || options.days < 1 || options.days > 60) return { ok: false, reason: 'days' };
	if (v.state !== 'draft') return { ok: false, reason: 'not-a-draft' };
	// As for publication: only an admin may go past a blocking finding, with a written reason.
	const doc = await versionDocument(db, versionId);
	if (!doc) return NOT_FOUND;
	const closesAt = commentsCloseAt(options.now, options.days, c.timeZone);
	// The gate, its override (audited) and the change of state in one transaction: an override is
	// never recorded for a circulation that did not happen.
	const outcome = await db.transaction(async (tx) => {
		const gate = await passGate(tx, actor, { consultationId: c.id }, { type: 'report-version', id: versionId }, { report: plainText(doc) }, { overrideReason: options.overrideReason, overrideAction: 'report.circulate-override' });
		if (!gate.ok) return 'blocked' as const;
		const updated = await tx
			.update(reportVersion)
			.set({ state: 'circulated', commentsOpenAt: options.now, commentsCloseAt: closesAt })
			.where(and(eq(reportVersion.id, versionId), eq(reportVersion.state, 'draft')))
			.returning({ id: reportVersion.id });
		if (!updated.length) tx.rollback();
		return 'circulated' as const;
	}).catch((error: unknown) => {
		if (error instanceof TransactionRollbackError) return 'not-a-draft' as const;
		throw error;
	});
	if (outcome === 'blocked') return { ok: false, reason: 'blocked' };
	if (outcome === 'not-a-draft') return { ok: false, reason: 'not-a-draft' };
	const recipients = (await roomAttendees(db, c.id)).filter((a) => a.email && (a.hasAttended || a.attribution === 'on-record'));
	const deadline = formatDeadline(closesAt, c.timeZone, 'en');
	const link = `${options.origin}/sign-in?next=${encodeURIComponent(`/me/reports/${versionId}`)}`;
	for (const r of recipients) {
		await mailer.send({
			to: r.email!,
			subject: `For your comments: ${title}`,
			text: `Dear ${r.name},\n\nThe draft summary report of "${c.title}" is open for your comments until ${deadline}.\n\nOpen it here (you will receive a sign-in link by email): ${link}\n\nYou can comment on any numbered paragraph. Only the secretariat sees your comments. The report follows the Chatham House Rule: please tell us if anything could identify a participant.\n`
		});
	}
	await writeAudit(db, actor, { action: 'report.circulate', subjectType: 'report-version', subjectId: versionId, details: { recipients: recipients.length, closesAt: closesAt.toISOString(), number: v.number } });
	return { ok: true, recipients: recipients.length, closesAt };
}

export async function closeCommentsNow(db: Database, actor: Actor, versionId: string, now: Date): Promise<{ ok: true } | Forbidden | NotFound> {
	const found = await versionWithConsultation(db, versionId);
	if (!found) return NOT_FOUND;
	if (!policy.canOrganize(actor, found.c.id)) return FORBIDDEN;
	await db.update(reportVersion).set({ commentsCloseAt: now }).where(and(eq(reportVersion.id, versionId), eq(reportVersion.state, 'circulated')));
	await writeAudit(db, actor, { action: 'report.close-comments', subjectType: 'report-version', subjectId: versionId });
	return { ok: true };
}

async function isParticipant(db: Executor, actor: Actor, consultationId: string): Promise<boolean> {
	if (actor.kind !== 'stakeholder') return false;
	const room = await roomAttendees(db, consultationId);
	return room.some((a) => a.personId === actor.personId && (a.hasAttended || a.attribution === 'on-record'));
}

/** What a participant sees: the text with numbers, their own comments, and whether they may still comment. */
export async function participantView(db: Executor, actor: Actor, versionId: string, now: Date) {
	const found = await versionWithConsultation(db, versionId);
	if (!found || found.v.state !== 'circulated') return NOT_FOUND;
	if (!(await isParticipant(db, actor, found.c.id))) return FORBIDDEN;
	const blocks = await readBlocks(db, versionId);
	const numbered = numberBlocks(blocks.map((b) => b.block));
	const mine = await db
		.select({ id: comment.id, paragraphId: comment.paragraphId, text: comment.text, createdAt: comment.createdAt })
		.from(comment)
		.innerJoin(paragraph, eq(paragraph.id, comment.paragraphId))
		.where(and(eq(paragraph.versionId, versionId), eq(comment.personId, (actor as { personId: string }).personId), isNull(comment.replyToId)))
		.orderBy(asc(comment.createdAt));
	const replies = mine.length ? await db.select({ replyToId: comment.replyToId, text: comment.text }).from(comment).where(inArray(comment.replyToId, mine.map((x) => x.id))) : [];
	return {
		ok: true as const,
		title: found.title,
		consultation: found.c,
		isOpen: isCommentPeriodOpen(now, found.v.commentsOpenAt, found.v.commentsCloseAt),
		closesAt: found.v.commentsCloseAt ? formatDeadline(found.v.commentsCloseAt, found.c.timeZone, 'en') : '',
		blocks: numbered.map((b, i) => ({ id: blocks[i].id, block: b, comments: mine.filter((x) => x.paragraphId === blocks[i].id).map((x) => ({ ...x, replies: replies.filter((r) => r.replyToId === x.id).map((r) => r.text) })) }))
	};
}

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

export type StaffCommentResult = { ok: true } | Forbidden | NotFound | { ok: false; reason: 'invalid' };

/** A comment of a version the actor takes notes for, or why not. */
async function commentForStaff(db: Executor, actor: Actor, commentId: string) {
	const [c] = isUuid(commentId)
		? await db.select({ id: comment.id, paragraphId: comment.paragraphId, versionId: paragraph.versionId }).from(comment).innerJoin(paragraph, eq(paragraph.id, comment.paragraphId)).where(eq(comment.id, commentId))
		: [];
	if (!c) return NOT_FOUND;
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
	await db.insert(comment).values({ paragraphId: c.paragraphId, authorUserId: actor.userId, replyToId: c.id, text });
	return { ok: true };
}

export async function markAddressed(db: Database, actor: Actor, commentId: string, now: Date): Promise<StaffCommentResult> {
	const c = await commentForStaff(db, actor, commentId);
	if (!c.ok) return c;
	await db.update(comment).set({ addressedAt: now }).where(and(eq(comment.id, c.id), isNull(comment.addressedAt)));
	return { ok: true };
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
