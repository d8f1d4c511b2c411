// When a draft's comment period closes (its deadline passes, or staff close it early), the
// consultation's staff are told once: how many comments came, from how many participants, and how
// many still wait for an answer, with a link to the report page. Run by the close-comment-periods
// job every minute; a version is claimed (comments_closed_notice_at) in the transaction that stores
// its messages, so that two workers never both send them and a crash sends them on the next round.
import { and, count, countDistinct, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { authUser, comment, consultation, consultationStaff, paragraph, report, reportVersion } from '../db/schema';
import type { Mailer } from '../mail';
import { formatDeadline } from '../../domain/time';

export async function closeCommentPeriods(db: Database, mailer: Mailer, now: Date, staffReportPage: (slug: string) => string): Promise<number> {
	const due = await db
		.select({ id: reportVersion.id })
		.from(reportVersion)
		.where(and(eq(reportVersion.state, 'circulated'), isNotNull(reportVersion.commentsCloseAt), lte(reportVersion.commentsCloseAt, now), isNull(reportVersion.commentsClosedNoticeAt)));
	let told = 0;
	let failure: unknown = null;
	for (const { id } of due) {
		// One version's failure does not hold up the others; the job fails (and is retried) after.
		try {
			if (await tellStaff(db, mailer, id, now, staffReportPage)) told++;
		} catch (error) {
			failure ??= error;
		}
	}
	if (failure) throw failure;
	return told;
}

async function tellStaff(db: Database, mailer: Mailer, versionId: string, now: Date, staffReportPage: (slug: string) => string): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [claimed] = await tx
			.update(reportVersion)
			.set({ commentsClosedNoticeAt: now })
			.where(and(eq(reportVersion.id, versionId), eq(reportVersion.state, 'circulated'), isNull(reportVersion.commentsClosedNoticeAt), lte(reportVersion.commentsCloseAt, now)))
			.returning({ number: reportVersion.number, closedAt: reportVersion.commentsCloseAt, reportId: reportVersion.reportId });
		if (!claimed) return false; // another worker took it, or it was published or reopened meanwhile
		const [about] = await tx
			.select({ title: report.title, consultationId: consultation.id, slug: consultation.slug, timeZone: consultation.timeZone })
			.from(report)
			.innerJoin(consultation, eq(consultation.id, report.consultationId))
			.where(eq(report.id, claimed.reportId));
		// Participants' comments only (a staff reply is a comment with an author account).
		const [tally] = await tx
			.select({ comments: count(comment.id), people: countDistinct(comment.personId), open: sql<number>`count(*) filter (where ${comment.addressedAt} is null)`.mapWith(Number) })
			.from(comment)
			.innerJoin(paragraph, eq(paragraph.id, comment.paragraphId))
			.where(and(eq(paragraph.versionId, versionId), isNotNull(comment.personId)));
		// The consultation's organizers and rapporteurs; the administrators when nobody is assigned.
		const assigned = await tx
			.selectDistinct({ email: authUser.email, name: authUser.name })
			.from(consultationStaff)
			.innerJoin(authUser, eq(authUser.id, consultationStaff.userId))
			.where(eq(consultationStaff.consultationId, about.consultationId));
		const staff = assigned.length ? assigned : await tx.select({ email: authUser.email, name: authUser.name }).from(authUser).where(eq(authUser.role, 'admin'));
		const closed = formatDeadline(claimed.closedAt!, about.timeZone, 'en');
		const figures =
			tally.comments === 0
				? 'No participant commented.'
				: `${tally.comments} ${tally.comments === 1 ? 'comment' : 'comments'} from ${tally.people} ${tally.people === 1 ? 'participant' : 'participants'}; ${tally.open} not yet marked addressed.`;
		for (const s of staff) {
			await mailer.send(
				{
					to: s.email,
					subject: `Comment period closed: ${about.title} (version ${claimed.number})`,
					text: `Dear ${s.name},\n\nThe comment period on version ${claimed.number} of "${about.title}" closed on ${closed}.\n\n${figures}\n\nReview the comments, reply and publish: ${staffReportPage(about.slug)}\n`
				},
				tx
			);
		}
		return true;
	});
}
