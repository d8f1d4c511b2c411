// The language a person used stays theirs: stored with the registration (and a hand-over request),
// every email about it goes out in it, and its links lead back into it.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeConsultation, makeOrganization, makePerson, makeStaffActor } from '../../../../tests/support/factories';
import { outboxMessage, person, registration } from '../db/schema';
import { createMailer } from '../mail';
import { ZRegistrationInput } from '../../domain/registration-input';
import { registerForConsultation } from './register-for-consultation';
import { acceptHandover, requestHandover } from './hand-over-place';
import { decideRegistration } from './move-registration';

const t = useTestDatabase();
const now = new Date('2026-10-24T00:00:00Z');
const window = { registrationOpensAt: new Date('2026-10-01T00:00:00Z'), registrationClosesAt: new Date('2026-10-25T17:00:00Z'), startsAt: new Date('2026-10-29T04:00:00Z'), endsAt: new Date('2026-10-29T07:00:00Z') };
const urls = { page: 'http://x/consultations/c', signIn: 'http://x/sign-in' };
const decisionUrls = { page: (slug: string) => `http://x/consultations/${slug}`, signIn: 'http://x/sign-in' };
const input = (email: string, organizationId?: string) =>
	ZRegistrationInput.parse({ name: 'Aigerim Test', email, organizationId, newOrganizationName: organizationId ? undefined : `Org ${randomBytes(4).toString('hex')}`, categoryId: 'trade-unions', countryCode: 'KZ', consentToProcessing: true, idempotencyKey: randomBytes(12).toString('base64url') });
const email = (who: string) => `${who}-${randomBytes(6).toString('hex')}@example.org`;
const mailTo = async (to: string) => t.db.select().from(outboxMessage).where(eq(outboxMessage.to, to)).orderBy(outboxMessage.createdAt);

describe(`the language of a registration on ${testDriver}`, () => {
	it('is stored with a new person and the registration; the confirmation is in it, with links and calendar into it', async () => {
		const c = await makeConsultation(t.db, window);
		const to = email('ru');
		const result = await registerForConsultation(t.db, c.slug, input(to), now, { mailer: createMailer(t.db, {}), locale: 'ru', urls });
		expect(result).toMatchObject({ ok: true });
		const [r] = await t.db.select({ locale: registration.locale, preferred: person.preferredLocale }).from(registration).innerJoin(person, eq(person.id, registration.personId)).where(eq(person.email, to));
		expect(r).toEqual({ locale: 'ru', preferred: 'ru' });
		const [mail] = await mailTo(to);
		expect(mail.subject).toMatch(/^Регистрация получена: /);
		expect(mail.text).toContain('http://x/ru/sign-in');
		expect(mail.text).not.toContain('http://x/sign-in');
		const ics = (mail.attachments as { content: string }[])[0].content;
		const unfolded = ics.replace(/\r\n /g, '');
		expect(unfolded).toContain('http://x/ru/consultations/c');
		expect(unfolded).toContain('Часовой пояс встречи');
	});

	it('of a known person is the page’s, without changing the language they chose for their email', async () => {
		const c = await makeConsultation(t.db, window);
		const known = await makePerson(t.db, { email: email('known'), preferredLocale: 'fr' });
		await registerForConsultation(t.db, c.slug, input(known.email!), now, { mailer: createMailer(t.db, {}), locale: 'zh', urls });
		const [r] = await t.db.select({ locale: registration.locale }).from(registration).where(eq(registration.personId, known.id));
		expect(r.locale).toBe('zh');
		const [p] = await t.db.select({ preferred: person.preferredLocale }).from(person).where(eq(person.id, known.id));
		expect(p.preferred).toBe('fr'); // an unauthenticated form never overwrites the directory
		const [mail] = await mailTo(known.email!);
		expect(mail.subject).toMatch(/^已收到报名：/);
		expect(mail.text).toContain('http://x/zh/sign-in');
	});

	it('is the decision’s language, taken from the registration', async () => {
		const c = await makeConsultation(t.db, window);
		const known = await makePerson(t.db, { email: email('decided'), preferredLocale: 'en' });
		const done = await registerForConsultation(t.db, c.slug, input(known.email!), now, { locale: 'fr', urls });
		if (!done.ok) throw new Error('setup');
		const organizer = await makeStaffActor(t.db, 'admin');
		expect(await decideRegistration(t.db, createMailer(t.db, {}), organizer, done.registrationId, 'selected', now, decisionUrls)).toMatchObject({ ok: true });
		const [mail] = await mailTo(known.email!);
		expect(mail.subject).toMatch(/^Vous êtes sélectionné·e/);
		expect(mail.text).toContain(`http://x/fr/sign-in`);
	});

	it('of a colleague asking for the place is kept with the request: the holder is written to in theirs, the newcomer in the colleague’s', async () => {
		const c = await makeConsultation(t.db, { ...window, isOnePerOrganization: true });
		const org = await makeOrganization(t.db);
		const holder = email('holder');
		const held = await registerForConsultation(t.db, c.slug, input(holder, org.id), now, { locale: 'zh', urls });
		if (!held.ok) throw new Error('setup');
		const colleague = input(email('colleague'), org.id);
		const taken = await registerForConsultation(t.db, c.slug, colleague, now, { locale: 'ru', urls });
		if (taken.ok || taken.reason !== 'organization-taken') throw new Error('setup');
		const mailer = createMailer(t.db, {});
		let token = '';
		await requestHandover(t.db, mailer, taken.registeredRegistrationId!, colleague, now, (tk) => ((token = tk), `http://x/handover/${tk}`), 'ru');
		const [asked] = await mailTo(holder);
		expect(asked.text).toContain(`http://x/zh/handover/${token}`);
		// The holder accepts from an English page: the colleague still hears in Russian.
		expect(await acceptHandover(t.db, mailer, token, now, decisionUrls, undefined, 'en')).toMatchObject({ ok: true });
		const [newcomer] = await t.db.select({ locale: registration.locale }).from(registration).innerJoin(person, eq(person.id, registration.personId)).where(and(eq(person.email, colleague.email), eq(registration.consultationId, c.id)));
		expect(newcomer.locale).toBe('ru');
		const [confirmation] = await mailTo(colleague.email);
		expect(confirmation.subject).toMatch(/^Регистрация получена: /);
		expect(confirmation.text).toContain('http://x/ru/sign-in');
	});
});
