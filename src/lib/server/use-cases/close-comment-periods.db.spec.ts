// When a comment period closes, the consultation's staff are told once, with the figures: not before
// the deadline, not twice (two workers at once), and at once after an early close.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeStaffActor } from '../../../../tests/support/factories';
import { authUser, consultation, consultationStaff, person } from '../db/schema';
import { createDraftVersion } from './generate-report-draft';
import { readBlocks } from '../queries/report-blocks';
import { addComment } from './comment-on-report';
import { circulateVersion, closeCommentsNow } from './circulate-report';
import { markAddressed } from './answer-comments';
import { commentsForStaff } from '../queries/report-comments';
import { roomAttendees } from '../queries/attendees';
import { closeCommentPeriods } from './close-comment-periods';
import { rememberStaffLocale } from './manage-staff';
import type { Actor } from '../../domain/policy';
import type { Mailer, MailMessage } from '../mail';

const t = useTestDatabase({ demo: true });
const page = (slug: string) => `https://convene.example/staff/consultations/${slug}/report`;

function capturingMailer() {
	const sent: MailMessage[] = [];
	const mailer: Mailer = { transport: 'outbox', send: async (message) => (sent.push(message), { id: String(sent.length) }) };
	return { sent, mailer };
}

async function circulated(slug: string, now: Date) {
	const [c] = await t.db.select().from(consultation).where(eq(consultation.slug, slug));
	const organizer = await makeStaffActor(t.db, 'organizer', { organizerOf: [c.id] });
	if (organizer.kind !== 'staff') throw new Error('not staff');
	await t.db.insert(consultationStaff).values({ consultationId: c.id, userId: organizer.userId, role: 'organizer' });
	const created = await createDraftVersion(t.db, organizer, slug);
	if (!created.ok) throw new Error('no draft');
	const result = await circulateVersion(t.db, organizer, capturingMailer().mailer, created.versionId, { days: 7, origin: 'https://convene.example', now });
	if (!result.ok) throw new Error(`not circulated: ${result.reason}`);
	const staffEmails = (await t.db.select({ email: authUser.email }).from(consultationStaff).innerJoin(authUser, eq(authUser.id, consultationStaff.userId)).where(eq(consultationStaff.consultationId, c.id))).map((r) => r.email);
	return { c, organizer, versionId: created.versionId, closesAt: result.closesAt, staffEmails: [...new Set(staffEmails)] };
}

describe(`closing comment periods on ${testDriver}`, () => {
	it('tells each of the consultation’s staff once, after the deadline, with the figures', async () => {
		const now = new Date('2026-11-23T03:00:00Z');
		const { c, organizer, versionId, closesAt, staffEmails } = await circulated('parliamentarians', now);
		const room = (await roomAttendees(t.db, c.id)).filter((a) => a.attribution === 'non-attributable');
		const actors = await Promise.all(
			room.slice(0, 2).map(async (a): Promise<Actor> => ({ kind: 'stakeholder', userId: (await t.db.select({ u: person.userId }).from(person).where(eq(person.id, a.personId)))[0].u ?? 'u', personId: a.personId }))
		);
		const para = (await readBlocks(t.db, versionId)).filter((x) => x.block.kind === 'paragraph')[3];
		for (const [actor, text] of [[actors[0], 'First.'], [actors[0], 'Second.'], [actors[1], 'Third.']] as const) {
			expect(await addComment(t.db, actor, versionId, para.id, text, now)).toEqual({ ok: true });
		}
		const view = await commentsForStaff(t.db, organizer, versionId);
		if (!view.ok) throw new Error('no comments view');
		const first = view.comments.find((k) => k.text === 'First.')!;
		expect((await markAddressed(t.db, organizer, first.id, now)).ok).toBe(true);

		// A rapporteur who uses the staff pages in French is written to in French.
		const french = await makeStaffActor(t.db, 'rapporteur', { rapporteurOf: [c.id] });
		if (french.kind !== 'staff') throw new Error('not staff');
		await t.db.insert(consultationStaff).values({ consultationId: c.id, userId: french.userId, role: 'rapporteur' });
		await rememberStaffLocale(t.db, french.userId, 'fr');
		const frenchEmail = `${french.userId}@example.org`;

		const { sent, mailer } = capturingMailer();
		expect(await closeCommentPeriods(t.db, mailer, new Date(closesAt.getTime() - 1000), page)).toBe(0);
		expect(sent).toEqual([]);
		const [one, two] = await Promise.all([closeCommentPeriods(t.db, mailer, closesAt, page), closeCommentPeriods(t.db, mailer, closesAt, page)]);
		expect(one + two).toBe(1);
		expect(sent.map((m) => m.to).sort()).toEqual([...staffEmails, frenchEmail].sort());
		expect(staffEmails.length).toBeGreaterThan(0);
		const english = sent.find((m) => m.to === staffEmails[0])!;
		expect(english.subject).toMatch(/^Comment period closed: .+ \(version \d+\)$/);
		expect(english.text).toContain('Comments: 3, from participants: 2; not yet marked addressed: 2.');
		expect(english.text).toContain('closed on Monday, 30 November 2026, 24:00 Indochina Time');
		expect(english.text).toContain(page('parliamentarians'));
		const inFrench = sent.find((m) => m.to === frenchEmail)!;
		expect(inFrench.subject).toMatch(/^Période de commentaires close : .+ \(version \d+\)$/);
		expect(inFrench.text).toContain('Commentaires : 3, de participants : 2 ; pas encore marqués comme traités : 2.');
		expect(inFrench.text).toMatch(/s’est close le lundi 30 novembre 2026, 24:00 heure d’Indochine/);
		expect(inFrench.text).toContain('https://convene.example/fr/staff/consultations/parliamentarians/report');
		expect(await closeCommentPeriods(t.db, mailer, new Date(closesAt.getTime() + 86_400_000), page)).toBe(0);
		expect(sent).toHaveLength(staffEmails.length + 1);
	});

	it('after an early close, the next round tells the staff', async () => {
		const now = new Date('2026-11-24T03:00:00Z');
		const { organizer, versionId } = await circulated('local-and-regional-authorities', now);
		expect(await closeCommentsNow(t.db, organizer, versionId, now)).toEqual({ ok: true });
		const { sent, mailer } = capturingMailer();
		expect(await closeCommentPeriods(t.db, mailer, new Date(now.getTime() + 60_000), page)).toBe(1);
		expect(sent[0].text).toContain('No participant commented.');
	});

	it('tells the administrators when nobody is assigned to the consultation', async () => {
		const now = new Date('2026-11-25T03:00:00Z');
		const { c, organizer, versionId } = await circulated('parliamentarians', now);
		await t.db.delete(consultationStaff).where(eq(consultationStaff.consultationId, c.id));
		await makeStaffActor(t.db, 'admin');
		expect(await closeCommentsNow(t.db, organizer, versionId, now)).toEqual({ ok: true });
		const admins = (await t.db.select({ email: authUser.email }).from(authUser).where(eq(authUser.role, 'admin'))).map((a) => a.email);
		expect(admins.length).toBeGreaterThan(0);
		const { sent, mailer } = capturingMailer();
		expect(await closeCommentPeriods(t.db, mailer, new Date(now.getTime() + 60_000), page)).toBe(1);
		expect(sent.map((m) => m.to).sort()).toEqual(admins.sort());
	});
});
