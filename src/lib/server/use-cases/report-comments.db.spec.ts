import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeStaffActor } from '../../../../tests/support/factories';
import { auditLog, consultation, paragraph, person, registration, reportVersion } from '../db/schema';
import { createDraftVersion } from './generate-report-draft';
import { readBlocks } from '../queries/report-blocks';
import { addComment } from './comment-on-report';
import { circulateVersion } from './circulate-report';
import { commentsForStaff, participantView } from '../queries/report-comments';
import { markAddressed, replyToComment } from './answer-comments';
import { publishVersion } from './publish-report-version';
import { roomAttendees } from '../queries/attendees';
import type { Actor } from '../../domain/policy';
import type { Mailer, MailMessage } from '../mail';
import type { PersonId } from '../../domain/ids';

const t = useTestDatabase({ demo: true });

function capturingMailer() {
	const sent: MailMessage[] = [];
	const mailer: Mailer = { transport: 'outbox', send: async (message) => (sent.push(message), { id: String(sent.length), isSent: false }) };
	return { sent, mailer };
}

describe(`the comment period on ${testDriver}`, () => {
	it('circulates to the people in the room, takes their comments on paragraphs until 24:00 in the consultation’s zone, and shows each only their own', async () => {
		const [c] = await t.db.select().from(consultation).where(eq(consultation.slug, 'parliamentarians'));
		const organizer = await makeStaffActor(t.db, 'organizer', { organizerOf: [c.id] });
		const created = await createDraftVersion(t.db, organizer, 'parliamentarians');
		if (!created.ok) throw new Error('no draft');
		// One attendee registered from the Russian pages: their invitation to comment is in Russian.
		const registered = new Set((await t.db.select({ personId: registration.personId }).from(registration).where(eq(registration.consultationId, c.id))).map((r) => r.personId));
		const russian = (await roomAttendees(t.db, c.id)).find((a) => a.hasAttended && a.email && registered.has(a.personId))!;
		await t.db.update(registration).set({ locale: 'ru' }).where(and(eq(registration.personId, russian.personId), eq(registration.consultationId, c.id)));
		const { sent, mailer } = capturingMailer();
		const now = new Date('2026-11-23T03:00:00Z'); // Monday 10:00 in Bangkok
		const circulated = await circulateVersion(t.db, organizer, mailer, created.versionId, { days: 7, origin: 'https://convene.example', now });
		expect(circulated).toMatchObject({ ok: true, closesAt: new Date('2026-11-30T17:00:00Z') });
		const room = (await roomAttendees(t.db, c.id)).filter((a) => a.hasAttended || a.attribution === 'on-record');
		expect(sent.map((s) => s.to).sort()).toEqual(room.map((a) => a.email).filter(Boolean).sort());
		// The count says who was sent it: those who attended (the report's attendance figure, less any
		// without an email address) and the speakers on the record who are not in that figure.
		if (!circulated.ok) throw new Error('not circulated');
		const attendedAll = (await roomAttendees(t.db, c.id)).filter((a) => a.hasAttended);
		expect(circulated.recipients).toBe(sent.length);
		expect(circulated.attended + circulated.speakersNotAttending).toBe(circulated.recipients);
		expect(circulated.attended + circulated.attendedWithoutEmail).toBe(attendedAll.length);
		expect(circulated.speakersNotAttending).toBe(room.filter((a) => !a.hasAttended && a.email).length);
		const english = sent.find((x) => x.to !== russian.email)!;
		expect(english.text).toContain('until Monday, 30 November 2026, 24:00 Indochina Time');
		expect(english.text).toContain(`https://convene.example/sign-in?next=%2Fme%2Freports%2F${created.versionId}`);
		const inRussian = sent.find((x) => x.to === russian.email)!;
		expect(inRussian.subject).toMatch(/[А-Яа-я]/);
		expect(inRussian.text).toContain(`https://convene.example/ru/sign-in?next=`);

		const [a, b] = room.filter((x) => x.attribution === 'non-attributable');
		const [userA, userB] = await Promise.all([a, b].map((p) => t.db.select({ userId: person.userId }).from(person).where(eq(person.id, p.personId))));
		const actorA: Actor = { kind: 'stakeholder', userId: userA[0].userId ?? 'user-a', personId: a.personId };
		const actorB: Actor = { kind: 'stakeholder', userId: userB[0].userId ?? 'user-b', personId: b.personId };
		const blocks = await readBlocks(t.db, created.versionId);
		const twelfth = blocks.filter((x) => x.block.kind === 'paragraph')[11];
		const heading = blocks.find((x) => x.block.kind === 'heading')!;

		const lastSecond = new Date('2026-11-30T16:59:59Z');
		expect(await addComment(t.db, actorA, created.versionId, twelfth.id, 'Please do not mention the country here.', lastSecond)).toEqual({ ok: true });
		expect(await addComment(t.db, actorB, created.versionId, twelfth.id, 'Agreed with the text.', now)).toEqual({ ok: true });
		expect(await addComment(t.db, actorA, created.versionId, twelfth.id, 'Too late.', new Date('2026-11-30T17:00:00Z'))).toEqual({ ok: false, reason: 'closed' });
		expect(await addComment(t.db, actorA, created.versionId, heading.id, 'On a heading.', now)).toEqual({ ok: false, reason: 'invalid', field: 'paragraphId' });
		expect(await addComment(t.db, actorA, created.versionId, twelfth.id, '   ', now)).toEqual({ ok: false, reason: 'invalid', field: 'text' });
		const stranger: Actor = { kind: 'stakeholder', userId: 'nobody', personId: '00000000-0000-0000-0000-000000000000' as PersonId };
		expect(await addComment(t.db, stranger, created.versionId, twelfth.id, 'Not invited.', now)).toEqual({ ok: false, reason: 'forbidden' });

		const viewA = await participantView(t.db, actorA, created.versionId, now);
		if (!viewA.ok) throw new Error('no view');
		expect(viewA.blocks.flatMap((x) => x.comments.map((k) => k.text))).toEqual(['Please do not mention the country here.']);
		expect(viewA.isOpen).toBe(true);
		const afterwards = await participantView(t.db, actorA, created.versionId, new Date('2026-12-01T00:00:00Z'));
		expect(afterwards.ok && afterwards.isOpen).toBe(false);

		// Staff see every comment with its author, reply and mark it addressed.
		const all = await commentsForStaff(t.db, organizer, created.versionId);
		if (!all.ok) throw new Error('no comments');
		expect(all.comments.map((k) => [k.personName, k.text])).toEqual([
			[b.name, 'Agreed with the text.'],
			[a.name, 'Please do not mention the country here.']
		]);
		const fromA = all.comments.find((k) => k.personName === a.name)!;
		expect(await replyToComment(t.db, organizer, fromA.id, 'Removed in the next version.')).toEqual({ ok: true });
		expect(await markAddressed(t.db, organizer, fromA.id, now)).toEqual({ ok: true });
		const viewAgain = await participantView(t.db, actorA, created.versionId, now);
		expect(viewAgain.ok && viewAgain.blocks.flatMap((x) => x.comments.flatMap((k) => k.replies))).toEqual(['Removed in the next version.']);
		expect(await commentsForStaff(t.db, actorA, created.versionId)).toEqual({ ok: false, reason: 'forbidden' });
		const [v] = await t.db.select({ state: reportVersion.state }).from(reportVersion).where(eq(reportVersion.id, created.versionId));
		expect(v.state).toBe('circulated');

		// Published: the participant still reads their comments and the answers (the digest links here),
		// cannot comment, and a stranger still cannot read it.
		expect(await publishVersion(t.db, organizer, created.versionId, new Date('2026-12-02T03:00:00Z'))).toMatchObject({ ok: true });
		const published = await participantView(t.db, actorA, created.versionId, new Date('2026-12-02T04:00:00Z'));
		expect(published).toMatchObject({ ok: true, isOpen: false, isPublished: true });
		expect(published.ok && published.blocks.flatMap((x) => x.comments.flatMap((k) => k.replies))).toEqual(['Removed in the next version.']);
		expect(await participantView(t.db, stranger, created.versionId, new Date('2026-12-02T04:00:00Z'))).toEqual({ ok: false, reason: 'forbidden' });
		expect(await addComment(t.db, actorA, created.versionId, twelfth.id, 'After publication.', new Date('2026-11-24T00:00:00Z'))).toEqual({ ok: false, reason: 'not-found' });
	});

	it('refuses to circulate a version the privacy check blocks, unless an admin gives a written reason', async () => {
		const [c] = await t.db.select().from(consultation).where(eq(consultation.slug, 'evidence-and-cooperation'));
		const organizer = await makeStaffActor(t.db, 'organizer', { organizerOf: [c.id] });
		const admin = await makeStaffActor(t.db, 'admin');
		const created = await createDraftVersion(t.db, organizer, 'evidence-and-cooperation');
		if (!created.ok) throw new Error('no draft');
		const protectedOne = (await roomAttendees(t.db, c.id)).find((a) => a.attribution === 'non-attributable' && a.hasAttended)!;
		const target = (await readBlocks(t.db, created.versionId)).find((b) => b.block.kind === 'paragraph')!;
		await t.db.update(paragraph).set({ text: `Contact ${protectedOne.email} for details.` }).where(eq(paragraph.id, target.id));
		const { sent, mailer } = capturingMailer();
		const now = new Date('2026-11-23T03:00:00Z');
		expect(await circulateVersion(t.db, organizer, mailer, created.versionId, { days: 7, origin: '', now, overrideReason: 'Please.' })).toEqual({ ok: false, reason: 'blocked' });
		expect(sent).toHaveLength(0);
		expect(await circulateVersion(t.db, admin, mailer, created.versionId, { days: 7, origin: '', now, overrideReason: 'The address is the participant’s public office, with consent.' })).toMatchObject({ ok: true });
		const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'report.circulate-override'), eq(auditLog.subjectId, created.versionId)));
		expect(audit.details).toMatchObject({ reason: 'The address is the participant’s public office, with consent.' });
	});
});
describe(`circulating a draft twice at once, on ${testDriver}`, () => {
	it('circulates it once and tells the second request it is no longer a draft (one transaction per circulation)', async () => {
		const [c] = await t.db.select().from(consultation).where(eq(consultation.slug, 'parliamentarians'));
		const organizer = await makeStaffActor(t.db, 'organizer', { organizerOf: [c.id] });
		const created = await createDraftVersion(t.db, organizer, 'parliamentarians');
		if (!created.ok) throw new Error('no draft');
		const { sent, mailer } = capturingMailer();
		const now = new Date('2026-11-23T03:00:00Z');
		const results = await Promise.all([1, 2].map(() => circulateVersion(t.db, organizer, mailer, created.versionId, { days: 7, origin: '', now })));
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'not-a-draft' }]);
		expect(new Set(sent.map((m) => m.to)).size).toBe(sent.length); // each participant mailed once
	});
});

