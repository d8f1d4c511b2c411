import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeStaffActor } from '../../../../tests/support/factories';
import { comment, consultation, person } from '../db/schema';
import { createDraftVersion } from './generate-report-draft';
import { readBlocks } from '../queries/report-blocks';
import { addComment } from './comment-on-report';
import { circulateVersion } from './circulate-report';
import { markAddressed, replyToComment, unmarkAddressed } from './answer-comments';
import { sendCommentDigests } from './send-comment-digests';
import { participantView } from '../queries/report-comments';
import { roomAttendees } from '../queries/attendees';
import { citations, numberBlocks } from '../../domain/report/model';
import { linksAt } from '../links';
import type { Actor } from '../../domain/policy';
import type { Mailer, MailMessage } from '../mail';

const t = useTestDatabase({ demo: true });
const HOUR = 3600_000;

function capturingMailer() {
	const sent: MailMessage[] = [];
	const mailer: Mailer = { transport: 'outbox', send: async (message) => (sent.push(message), { id: String(sent.length) }) };
	return { sent, mailer };
}

const CIRCULATED_AT = new Date('2026-11-23T03:00:00Z');

/** A fresh draft of the parliamentarians consultation, circulated (its invitations left out of `sent`), and the people in its room who may comment. */
async function circulatedDraft() {
	const [c] = await t.db.select().from(consultation).where(eq(consultation.slug, 'parliamentarians'));
	const organizer = await makeStaffActor(t.db, 'organizer', { organizerOf: [c.id] });
	const created = await createDraftVersion(t.db, organizer, 'parliamentarians');
	if (!created.ok) throw new Error('no draft');
	const { sent, mailer } = capturingMailer();
	const circulated = await circulateVersion(t.db, organizer, mailer, created.versionId, { days: 7, origin: 'https://convene.example', now: CIRCULATED_AT });
	expect(circulated.ok).toBe(true);
	sent.length = 0;
	const room = (await roomAttendees(t.db, c.id)).filter((x) => x.attribution === 'non-attributable' && x.hasAttended);
	return { organizer, versionId: created.versionId, sent, mailer, room };
}

describe(`the daily digest of answers to comments, on ${testDriver}`, () => {
	it('tells each participant once, in their language, after a quiet hour and then at most daily, only what is new', async () => {
		const { organizer, versionId, sent, mailer, room } = await circulatedDraft();
		const start = CIRCULATED_AT;
		const [a, b] = room;
		const actorA: Actor = { kind: 'stakeholder', userId: 'user-a', personId: a.personId };
		const actorB: Actor = { kind: 'stakeholder', userId: 'user-b', personId: b.personId };
		await t.db.update(person).set({ preferredLocale: 'fr' }).where(eq(person.id, b.personId));
		const blocks = await readBlocks(t.db, versionId);
		const cites = citations(numberBlocks(blocks.map((x) => x.block)));
		const para = blocks.findIndex((x) => x.block.kind === 'paragraph');
		const item = blocks.findIndex((x) => x.block.kind === 'list-item');
		expect(cites[item]).toMatch(/^\d+ \(A\)$/);

		expect(await addComment(t.db, actorA, versionId, blocks[para].id, 'Please say "several participants" here.', start)).toEqual({ ok: true });
		expect(await addComment(t.db, actorA, versionId, blocks[item].id, 'This recommendation should name local authorities.', start)).toEqual({ ok: true });
		expect(await addComment(t.db, actorB, versionId, blocks[para].id, 'Je suis d’accord.', start)).toEqual({ ok: true });
		const mine = await t.db.select({ id: comment.id, personId: comment.personId, text: comment.text }).from(comment);
		const [first, second] = mine.filter((x) => x.personId === a.personId);
		const ofB = mine.find((x) => x.personId === b.personId)!;

		// Answers given now (the database's clock): the first news is "now", and an hour later it is due.
		expect(await replyToComment(t.db, organizer, first.id, 'Changed in the next version.')).toEqual({ ok: true });
		expect(await markAddressed(t.db, organizer, second.id, new Date())).toEqual({ ok: true });
		const options = { quietMs: HOUR, signInTo: linksAt('https://convene.example').signInTo };
		const answeredAt = Date.now();
		expect(await sendCommentDigests(t.db, mailer, new Date(answeredAt + HOUR / 2), options)).toBe(0);
		expect(await sendCommentDigests(t.db, mailer, new Date(answeredAt + HOUR + 1000), options)).toBe(1);
		expect(sent).toHaveLength(1);
		expect(sent[0].to).toBe(a.email);
		expect(sent[0].subject).toBe('The secretariat answered your comments');
		expect(sent[0].text).toContain(`Para. ${cites[para]}. You wrote: “Please say "several participants" here.”\nThe secretariat replied: Changed in the next version.`);
		expect(sent[0].text).toContain(`Para. ${cites[item]}. You wrote: “This recommendation should name local authorities.”\nThe secretariat marked your comment as addressed.`);
		expect(sent[0].text).toContain(`https://convene.example/sign-in?next=%2Fme%2Freports%2F${versionId}`);
		// Both answers are on the comment page too.
		const view = await participantView(t.db, actorA, versionId, new Date(answeredAt + HOUR));
		if (!view.ok) throw new Error('no view');
		const shown = view.blocks.flatMap((x) => x.comments);
		expect(shown.find((x) => x.id === first.id)?.replies).toEqual(['Changed in the next version.']);
		expect(shown.find((x) => x.id === second.id)?.addressedAt).toBeInstanceOf(Date);

		// Told once: nothing more to say.
		expect(await sendCommentDigests(t.db, mailer, new Date(answeredAt + 2 * HOUR), options)).toBe(0);

		// A second reply the same day waits for the next day, and tells only itself.
		expect(await replyToComment(t.db, organizer, first.id, 'See paragraph 3 as well.')).toEqual({ ok: true });
		expect(await sendCommentDigests(t.db, mailer, new Date(answeredAt + 5 * HOUR), options)).toBe(0);
		expect(await sendCommentDigests(t.db, mailer, new Date(answeredAt + 25 * HOUR + 2000), options)).toBe(1);
		expect(sent).toHaveLength(2);
		expect(sent[1].text).toContain('The secretariat replied: See paragraph 3 as well.');
		expect(sent[1].text).not.toContain('Changed in the next version.');
		expect(sent[1].text).not.toContain('marked your comment as addressed');

		// "Addressed" marked and taken back before the digest: nothing to tell, and nothing left waiting.
		expect(await markAddressed(t.db, organizer, ofB.id, new Date())).toEqual({ ok: true });
		expect(await unmarkAddressed(t.db, organizer, ofB.id)).toEqual({ ok: true });
		expect(await sendCommentDigests(t.db, mailer, new Date(answeredAt + 30 * HOUR), options)).toBe(0);
		const [cleared] = await t.db.select({ newsSince: comment.newsSince }).from(comment).where(eq(comment.id, ofB.id));
		expect(cleared.newsSince).toBeNull();

		// In the participant's language, with links into it.
		expect(await replyToComment(t.db, organizer, ofB.id, 'Merci.')).toEqual({ ok: true });
		expect(await sendCommentDigests(t.db, mailer, new Date(answeredAt + 32 * HOUR), options)).toBe(1);
		expect(sent[2].to).toBe(b.email);
		expect(sent[2].subject).toBe('Le secrétariat a répondu à vos commentaires');
		expect(sent[2].text).toContain(`Par. ${cites[para]}. Vous avez écrit : « Je suis d’accord. »`);
		expect(sent[2].text).toContain('https://convene.example/fr/sign-in?next=');
	});

	it('sends one digest when two workers run at once, and none to an erased person', async () => {
		const { organizer, versionId, sent, mailer, room } = await circulatedDraft();
		const start = CIRCULATED_AT;
		// Two others than the first test's (whose digests of its later "days" are recent).
		const [, , a, b] = room;
		const target = (await readBlocks(t.db, versionId)).find((x) => x.block.kind === 'paragraph')!;
		for (const p of [a, b]) expect(await addComment(t.db, { kind: 'stakeholder', userId: 'u', personId: p.personId }, versionId, target.id, 'A comment.', start)).toEqual({ ok: true });
		for (const k of await t.db.select({ id: comment.id }).from(comment).where(eq(comment.paragraphId, target.id))) expect(await replyToComment(t.db, organizer, k.id, 'Thank you.')).toEqual({ ok: true });
		await t.db.update(person).set({ email: null }).where(eq(person.id, b.personId));

		const options = { quietMs: 0, signInTo: linksAt('https://convene.example').signInTo };
		const counts = await Promise.all([1, 2].map(() => sendCommentDigests(t.db, mailer, new Date(Date.now() + 1000), options)));
		expect(counts.reduce((x, y) => x + y, 0)).toBe(1);
		expect(sent.map((s) => s.to)).toEqual([a.email]);
		const waiting = await t.db.select({ id: comment.id }).from(comment).where(eq(comment.personId, b.personId));
		expect(waiting).toHaveLength(1);
		expect((await t.db.select({ newsSince: comment.newsSince }).from(comment).where(eq(comment.personId, b.personId)))[0].newsSince).toBeNull();
	});

	it('tells "addressed" once even when the web server’s clock is behind the worker’s, and answers only a participant’s comment', async () => {
		const { organizer, versionId, sent, mailer, room } = await circulatedDraft();
		const p = room[4];
		const target = (await readBlocks(t.db, versionId)).find((x) => x.block.kind === 'paragraph')!;
		expect(await addComment(t.db, { kind: 'stakeholder', userId: 'u', personId: p.personId }, versionId, target.id, 'Please cite the source.', CIRCULATED_AT)).toEqual({ ok: true });
		const [mine] = await t.db.select({ id: comment.id }).from(comment).where(eq(comment.personId, p.personId));
		expect(await replyToComment(t.db, organizer, mine.id, 'Added in footnote 3.')).toEqual({ ok: true });
		const options = { quietMs: 0, signInTo: linksAt('https://convene.example').signInTo };
		const start = Date.now();
		expect(await sendCommentDigests(t.db, mailer, new Date(start + 1000), options)).toBe(1);

		// Marked addressed by a web server whose clock is an hour behind the worker that told the reply.
		expect(await markAddressed(t.db, organizer, mine.id, new Date(start - 3600_000))).toEqual({ ok: true });
		expect(await sendCommentDigests(t.db, mailer, new Date(start + 25 * HOUR), options)).toBe(1);
		expect(sent[1].text).toContain('The secretariat marked your comment as addressed.');
		expect(sent[1].text).not.toContain('Added in footnote 3.');
		expect(await sendCommentDigests(t.db, mailer, new Date(start + 50 * HOUR), options)).toBe(0);

		// A reply is not answered in its turn (the participant would never see it).
		const [reply] = await t.db.select({ id: comment.id }).from(comment).where(eq(comment.replyToId, mine.id));
		expect(await replyToComment(t.db, organizer, reply.id, 'A reply to the reply.')).toEqual({ ok: false, reason: 'not-found' });
		expect(await markAddressed(t.db, organizer, reply.id, new Date())).toEqual({ ok: false, reason: 'not-found' });
	});
});
