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
import { formatNumber } from '../../format';
import { m } from '../../paraglide/messages';
import { localizedUrl, mailLocale } from '../messages/locale';

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
			.selectDistinct({ email: authUser.email, name: authUser.name, locale: authUser.locale })
			.from(consultationStaff)
			.innerJoin(authUser, eq(authUser.id, consultationStaff.userId))
			.where(eq(consultationStaff.consultationId, about.consultationId));
		const staff = assigned.length ? assigned : await tx.select({ email: authUser.email, name: authUser.name, locale: authUser.locale }).from(authUser).where(eq(authUser.role, 'admin'));
		// Each in their own language (the one they last used the staff pages in).
		for (const s of staff) {
			const locale = mailLocale(s.locale);
			const o = { locale };
			const figures =
				tally.comments === 0
					? m.mail_comments_closed_none({}, o)
					: m.mail_comments_closed_figures({ comments: formatNumber(tally.comments, locale), people: formatNumber(tally.people, locale), open: formatNumber(tally.open, locale) }, o);
			const words = { title: about.title, number: claimed.number };
			await mailer.send(
				{
					to: s.email,
					subject: m.mail_comments_closed_subject(words, o),
					text: m.mail_comments_closed_body({ ...words, name: s.name, closed: formatDeadline(claimed.closedAt!, about.timeZone, locale), figures, url: localizedUrl(staffReportPage(about.slug), locale) }, o)
				},
				tx
			);
		}
		return true;
	});
}
