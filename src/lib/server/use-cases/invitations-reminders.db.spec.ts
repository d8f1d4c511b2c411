import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeConsultation, makePerson, makeRegistration, makeStaffActor } from '../../../../tests/support/factories';
import { outboxMessage, person } from '../db/schema';
import { createMailer } from '../mail';
import { previewInvitations, sendInvitations, unsubscribe, unsubscribeToken } from './send-invitations';
import { sendReminders } from './send-reminders';

const t = useTestDatabase();
const SECRET = 'test-secret-for-unsubscribe-links';
const urls = { page: 'http://x/consultations/c', unsubscribe: (token: string) => `http://x/unsubscribe/${token}` };

describe(`invitations on ${testDriver}`, () => {
	it('invites consenting members matching the filters once each, in their language, with a working unsubscribe link', async () => {
		const c = await makeConsultation(t.db, { title: 'Invitation test', registrationClosesAt: new Date('2026-11-29T17:00:00Z') });
		const organizer = await makeStaffActor(t.db, 'organizer', { organizerOf: [c.id] });
		const tag = `inv${Date.now()}`;
		const fr = await makePerson(t.db, { categoryId: 'media', countryCode: 'KH', consentToContact: true, preferredLocale: 'fr', email: `${tag}-fr@example.org` });
		const en = await makePerson(t.db, { categoryId: 'media', countryCode: 'KH', consentToContact: true, email: `${tag}-en@example.org` });
		await makePerson(t.db, { categoryId: 'media', countryCode: 'KH', consentToContact: false, email: `${tag}-no@example.org` });
		const filter = { categoryId: 'media', countryCode: 'KH' };
		expect(await previewInvitations(t.db, organizer, c.slug, filter)).toEqual({ ok: true, count: 2 });
		const mailer = createMailer(t.db, {});
		expect(await sendInvitations(t.db, mailer, organizer, c.slug, filter, urls, SECRET)).toEqual({ ok: true, count: 2 });
		expect(await sendInvitations(t.db, mailer, organizer, c.slug, filter, urls, SECRET)).toEqual({ ok: true, count: 0 });
		const mails = await t.db.select().from(outboxMessage).where(inArray(outboxMessage.to, [fr.email!, en.email!]));
		expect(mails.map((mm) => mm.subject).sort()).toEqual(['Invitation : Invitation test', 'Invitation: Invitation test']);
		const english = mails.find((mm) => mm.to === en.email)!;
		expect(english.text).toContain('Sunday, 29 November 2026, 24:00 Indochina Time');
		expect(english.text).toContain('please forward this invitation');
		const token = /unsubscribe\/(\S+)/.exec(english.text)![1];
		expect(token).toBe(unsubscribeToken(en.id, SECRET));
		expect(await unsubscribe(t.db, token, SECRET, new Date())).toEqual({ ok: true, email: en.email });
		const [after] = await t.db.select().from(person).where(eq(person.id, en.id));
		expect(after.consentToContact).toBe(false);
		expect(await unsubscribe(t.db, `${en.id}.forged`, SECRET, new Date())).toEqual({ ok: false });
		// The French invitation links into the French pages.
		const french = mails.find((mm) => mm.to === fr.email)!;
		const frenchLinks = french.text.match(/https?:\/\/\S+/g) ?? [];
		expect(frenchLinks.length).toBeGreaterThanOrEqual(2);
		for (const link of frenchLinks) expect(new URL(link).pathname, link).toMatch(/^\/fr\//);
	});

	it('refuses an organizer of another consultation', async () => {
		const c = await makeConsultation(t.db);
		const other = await makeStaffActor(t.db, 'organizer');
		expect(await sendInvitations(t.db, createMailer(t.db, {}), other, c.slug, {}, urls, SECRET)).toEqual({ ok: false, reason: 'forbidden' });
	});
});

describe(`reminders on ${testDriver}`, () => {
	it('reminds selected and confirmed participants of a meeting within 24 hours, once', async () => {
		const now = new Date('2026-12-02T06:00:00Z');
		const c = await makeConsultation(t.db, { startsAt: new Date('2026-12-03T04:00:00Z'), endsAt: new Date('2026-12-03T07:00:00Z'), meetingLink: 'https://meet.example.org/remind', title: 'Reminder test' });
		const selected = await makePerson(t.db);
		const submitted = await makePerson(t.db);
		await makeRegistration(t.db, c, selected, { status: 'selected' });
		await makeRegistration(t.db, c, submitted);
		const mailer = createMailer(t.db, {});
		const first = await sendReminders(t.db, mailer, now);
		expect(first).toBeGreaterThanOrEqual(1);
		expect(await sendReminders(t.db, mailer, now)).toBe(0);
		const [mail] = await t.db.select().from(outboxMessage).where(eq(outboxMessage.to, selected.email!));
		expect(mail.subject).toBe('Reminder: Reminder test on Thursday, 3 December 2026');
		expect(mail.text).toContain('https://meet.example.org/remind');
		expect(await t.db.select().from(outboxMessage).where(eq(outboxMessage.to, submitted.email!))).toEqual([]);
	});

	it('reminds each participant in the language of their registration', async () => {
		const now = new Date('2026-12-02T06:00:00Z');
		const c = await makeConsultation(t.db, { startsAt: new Date('2026-12-03T04:00:00Z'), endsAt: new Date('2026-12-03T07:00:00Z'), meetingLink: 'https://meet.example.org/ru', title: 'Reminder language test' });
		const russian = await makePerson(t.db, { preferredLocale: 'en' });
		const chinese = await makePerson(t.db);
		await makeRegistration(t.db, c, russian, { status: 'selected', locale: 'ru' });
		await makeRegistration(t.db, c, chinese, { status: 'confirmed', locale: 'zh' });
		await sendReminders(t.db, createMailer(t.db, {}), now);
		const [ru] = await t.db.select().from(outboxMessage).where(eq(outboxMessage.to, russian.email!));
		expect(ru.subject).toMatch(/^Напоминание: Reminder language test, /);
		const [zh] = await t.db.select().from(outboxMessage).where(eq(outboxMessage.to, chinese.email!));
		expect(zh.subject).toMatch(/Reminder language test/);
		expect(zh.subject).toMatch(/[\u4e00-\u9fff]/);
		expect(zh.text).toContain('https://meet.example.org/ru');
	});
});
