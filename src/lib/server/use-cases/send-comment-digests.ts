// A participant is told of the secretariat's answers to their comments — replies, and comments
// marked addressed — in one email a day at most (the rule: domain/report/comments.ts), in their
// language, with a link to their comments. Run by the comment-digest job every minute. Each person's
// digest is written in one transaction that locks their comments with news: the answers told are
// marked told there (replies' `told_at`; the comment's `told_at`, and `addressed_told_at` the copy of
// the `addressed_at` told, so that no two clocks are compared), and the email goes through the
// outbox in the same transaction, so that a crash tells everything once, on the next round.
import { and, asc, eq, inArray, isNotNull, isNull, lte, max, min, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { comment, paragraph, person, report, reportVersion } from '../db/schema';
import type { Mailer } from '../mail';
import { m } from '../../paraglide/messages';
import { localizedUrl, mailLocale } from '../messages/locale';
import { DEFAULT_DIGEST_QUIET_MS, DIGEST_INTERVAL_MS, isDigestDue } from '../../domain/report/comments';
import { citations, numberBlocks, type Block } from '../../domain/report/model';
import { readBlocks } from '../queries/report-blocks';
import type { PersonId } from '../../domain/ids';

export interface DigestOptions {
	/** How long after the first answer the email waits for more (CONVENE_COMMENT_DIGEST_QUIET_SECONDS). */
	quietMs: number;
	/** A page behind the stakeholder sign-in (the link signs the person in and leads there). */
	signInTo: (path: string) => string;
}

/** The quiet time from CONVENE_COMMENT_DIGEST_QUIET_SECONDS (a whole number, 0 included), else an hour. */
export function digestQuietMs(env: NodeJS.ProcessEnv = process.env): number {
	const raw = env.CONVENE_COMMENT_DIGEST_QUIET_SECONDS?.trim();
	return raw && /^\d+$/.test(raw) ? Number(raw) * 1000 : DEFAULT_DIGEST_QUIET_MS;
}

/** People told per run at most: the next minute's run takes the rest. */
export const DIGESTS_PER_RUN = 200;

/** How many people were sent a digest. */
export async function sendCommentDigests(db: Database, mailer: Mailer, now: Date, options: DigestOptions): Promise<number> {
	// Only the people whose digest is due (the rule of isDigestDue, in SQL), a batch at a time; each is
	// checked again under its lock.
	const quietEnd = new Date(now.getTime() - options.quietMs);
	const dayAgo = new Date(now.getTime() - DIGEST_INTERVAL_MS);
	const previous = sql`(select max(t.told_at) from ${comment} t where t.person_id = ${comment.personId} and t.reply_to_id is null)`;
	const due = await db
		.select({ personId: comment.personId })
		.from(comment)
		.where(and(isNotNull(comment.newsSince), isNotNull(comment.personId)))
		.groupBy(comment.personId)
		.having(and(lte(min(comment.newsSince), quietEnd), sql`coalesce(${previous}, '-infinity'::timestamptz) <= ${dayAgo.toISOString()}::timestamptz`))
		.orderBy(min(comment.newsSince))
		.limit(DIGESTS_PER_RUN);
	const blocksOf = new Map<string, Promise<{ id: string; block: Block }[]>>(); // read once per version in a run
	let sent = 0;
	let failure: unknown = null;
	for (const { personId } of due) {
		if (!personId) continue;
		try {
			if (await tellPerson(db, mailer, personId, now, options, blocksOf)) sent++;
		} catch (error) {
			failure ??= error; // one person's failure does not hold up the others; the job is retried after
		}
	}
	if (failure) throw failure;
	return sent;
}

async function tellPerson(db: Database, mailer: Mailer, personId: PersonId, now: Date, options: DigestOptions, blocksOf: Map<string, Promise<{ id: string; block: Block }[]>>): Promise<boolean> {
	return db.transaction(async (tx) => {
		// The lock first: an answer being written now waits for this digest, or this digest for it.
		const withNews = await tx
			.select({ id: comment.id, paragraphId: comment.paragraphId, text: comment.text, addressedAt: comment.addressedAt, addressedToldAt: comment.addressedToldAt, newsSince: comment.newsSince })
			.from(comment)
			.where(and(eq(comment.personId, personId), isNotNull(comment.newsSince)))
			.orderBy(asc(comment.createdAt))
			.for('update');
		if (!withNews.length) return false;
		const [last] = await tx.select({ at: max(comment.toldAt) }).from(comment).where(and(eq(comment.personId, personId), isNull(comment.replyToId)));
		const firstNewsAt = new Date(Math.min(...withNews.map((c) => c.newsSince!.getTime())));
		if (!isDigestDue(now, { firstNewsAt, lastDigestAt: last?.at ?? null }, options.quietMs)) return false;

		const ids = withNews.map((c) => c.id);
		const replies = await tx
			.select({ id: comment.id, replyToId: comment.replyToId, text: comment.text })
			.from(comment)
			.where(and(inArray(comment.replyToId, ids), isNull(comment.toldAt)))
			.orderBy(asc(comment.createdAt));
		const items = withNews
			.map((c) => ({
				...c,
				replies: replies.filter((r) => r.replyToId === c.id),
				// "Addressed" is news once: not when this marking was told before, nor when it was taken back.
				isAddressedNews: !!c.addressedAt && c.addressedAt.getTime() !== c.addressedToldAt?.getTime()
			}))
			.filter((c) => c.replies.length || c.isAddressedNews);
		const [who] = await tx.select({ email: person.email, name: person.name, locale: person.preferredLocale }).from(person).where(eq(person.id, personId));

		if (items.length && who?.email) {
			await mailer.send(await digestMessage(tx, { email: who.email, name: who.name, locale: who.locale }, items, options, blocksOf), tx);
			await tx.update(comment).set({ toldAt: now }).where(inArray(comment.id, [...items.map((c) => c.id), ...items.flatMap((c) => c.replies.map((r) => r.id))]));
			const addressed = items.filter((c) => c.isAddressedNews).map((c) => c.id);
			if (addressed.length) await tx.update(comment).set({ addressedToldAt: sql`${comment.addressedAt}` }).where(inArray(comment.id, addressed));
		}
		// Told, or nothing left to tell (an "addressed" taken back; a person erased).
		await tx.update(comment).set({ newsSince: null }).where(inArray(comment.id, ids));
		return items.length > 0 && !!who?.email;
	});
}

type DigestItem = { paragraphId: string; text: string; replies: { text: string }[]; isAddressedNews: boolean };

async function digestMessage(tx: Executor, to: { email: string; name: string; locale: string }, items: DigestItem[], options: DigestOptions, blocksOf: Map<string, Promise<{ id: string; block: Block }[]>>) {
	const locale = mailLocale(to.locale);
	const where = await tx
		.select({ paragraphId: paragraph.id, versionId: paragraph.versionId, title: report.title })
		.from(paragraph)
		.innerJoin(reportVersion, eq(reportVersion.id, paragraph.versionId))
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.where(inArray(paragraph.id, [...new Set(items.map((i) => i.paragraphId))]));
	const versions = [...new Map(where.map((w) => [w.versionId, w.title])).entries()];
	const parts: string[] = [m.mail_digest_greeting({ name: to.name }, { locale })];
	for (const [versionId, title] of versions) {
		if (!blocksOf.has(versionId)) blocksOf.set(versionId, readBlocks(tx, versionId));
		const blocks = await blocksOf.get(versionId)!;
		const cites = citations(numberBlocks(blocks.map((b) => b.block)));
		const citeOf = new Map(blocks.map((b, i) => [b.id, cites[i]]));
		const position = new Map(blocks.map((b, i) => [b.id, i]));
		const lines: string[] = [m.mail_digest_report({ title }, { locale })];
		const ofVersion = items.filter((i) => position.has(i.paragraphId)).sort((a, b) => position.get(a.paragraphId)! - position.get(b.paragraphId)!);
		for (const item of ofVersion) {
			lines.push('', m.mail_digest_you_wrote({ cite: citeOf.get(item.paragraphId) ?? '', text: excerpt(item.text) }, { locale }));
			for (const r of item.replies) lines.push(m.mail_digest_reply({ text: r.text }, { locale }));
			if (item.isAddressedNews) lines.push(m.mail_digest_addressed({}, { locale }));
		}
		lines.push('', m.mail_digest_link({ url: localizedUrl(options.signInTo(`/me/reports/${versionId}`), locale) }, { locale }));
		parts.push(lines.join('\n'));
	}
	parts.push(m.mail_digest_footer({}, { locale }));
	return { to: to.email, subject: m.mail_digest_subject({}, { locale }), text: `${parts.join('\n\n')}\n` };
}

/** A comment recalled in a few words: the email answers it, it need not repeat it whole. */
function excerpt(text: string, max = 200): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
