import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeConsultation, makeOrganization, makePerson } from '../../../../tests/support/factories';
import { outboxMessage, person, registration } from '../db/schema';
import { createMailer } from '../mail';
import { ZRegistrationInput } from '../../domain/registration-input';
import { registerForConsultation } from './register-for-consultation';
import { acceptHandover, offerHandover, requestHandover } from './hand-over-place';
import { findHandover } from '../queries/handover';

const t = useTestDatabase();
const now = new Date('2026-10-24T00:00:00Z'); // before the deadline; links then expire on 31 October
const window = { registrationOpensAt: new Date('2026-10-01T00:00:00Z'), registrationClosesAt: new Date('2026-10-25T17:00:00Z'), startsAt: new Date('2026-10-29T04:00:00Z'), endsAt: new Date('2026-10-29T07:00:00Z'), isOnePerOrganization: true };
const context = { locale: 'en', urls: { page: 'http://x/c', signIn: 'http://x/sign-in' } };
const urls = { page: (slug: string) => `http://x/${slug}`, signIn: 'http://x/sign-in' };
const input = (organizationId: string, email: string) =>
	ZRegistrationInput.parse({ name: 'Some Colleague', email, organizationId, categoryId: 'trade-unions', countryCode: 'NP', consentToProcessing: true, idempotencyKey: randomBytes(12).toString('base64url') });

async function setUp() {
	const c = await makeConsultation(t.db, window);
	const org = await makeOrganization(t.db);
	const holderEmail = `holder-${Date.now()}-${Math.random()}@example.org`;
	const held = await registerForConsultation(t.db, c.slug, input(org.id, holderEmail), now, context);
	if (!held.ok) throw new Error('setup');
	const colleague = input(org.id, `colleague-${Date.now()}-${Math.random()}@example.org`);
	const taken = await registerForConsultation(t.db, c.slug, colleague, now, context);
	if (taken.ok || taken.reason !== 'organization-taken') throw new Error('setup');
	const mailer = createMailer(t.db, {});
	let token = '';
	await requestHandover(t.db, mailer, taken.registeredRegistrationId!, colleague, now, (tk) => ((token = tk), `http://x/handover/${tk}`));
	return { c, holderEmail, colleague, heldId: held.registrationId, token, mailer };
}

describe(`handing over a place on ${testDriver}`, () => {
	it('mails the holder a link; accepting withdraws the holder and registers the colleague, once', async () => {
		const { c, holderEmail, colleague, heldId, token, mailer } = await setUp();
		const [mail] = await t.db.select().from(outboxMessage).where(eq(outboxMessage.to, holderEmail));
		expect(mail.subject).toMatch(/^A colleague asks for your place/);
		expect(mail.text).toContain(`http://x/handover/${token}`);
		expect(await findHandover(t.db, token, now)).toMatchObject({ requester: { email: colleague.email } });

		const accepted = await acceptHandover(t.db, mailer, token, new Date('2026-10-27T00:00:00Z'), urls); // after the deadline, before the meeting
		expect(accepted).toMatchObject({ ok: true });
		const [held] = await t.db.select().from(registration).where(eq(registration.id, heldId));
		expect(held.status).toBe('withdrawn');
		const [p] = await t.db.select().from(person).where(eq(person.email, colleague.email));
		const mine = await t.db.select().from(registration).where(and(eq(registration.consultationId, c.id), eq(registration.personId, p.id)));
		expect(mine.map((r) => r.status)).toEqual(['submitted']);
		// The holder is told by email too.
		const toHolder = await t.db.select().from(outboxMessage).where(eq(outboxMessage.to, holderEmail));
		expect(toHolder.map((x) => x.subject)).toContain(`You handed over your place: ${c.title}`);
		expect(toHolder.find((x) => x.subject.startsWith('You handed over'))!.text).toContain(`Some Colleague now holds your organization’s place`);
		expect(await acceptHandover(t.db, mailer, token, now, urls)).toEqual({ ok: false, reason: 'invalid-link' });
		expect(await findHandover(t.db, token, now)).toBeNull();
	});

	it('keeps the holder’s place when the meeting has started, and refuses unknown links', async () => {
		const { heldId, token, mailer } = await setUp();
		expect(await acceptHandover(t.db, mailer, token, window.startsAt, urls)).toEqual({ ok: false, reason: 'closed' });
		const [held] = await t.db.select().from(registration).where(eq(registration.id, heldId));
		expect(held.status).toBe('submitted');
		expect(await acceptHandover(t.db, mailer, 'no-such-token', now, urls)).toEqual({ ok: false, reason: 'invalid-link' });
	});

	it('lets the holder offer the place: the colleague takes it by completing their own registration, with the holder’s organization', async () => {
		const c = await makeConsultation(t.db, window);
		const org = await makeOrganization(t.db);
		const holderEmail = `holder-${Date.now()}-${Math.random()}@example.org`;
		const held = await registerForConsultation(t.db, c.slug, input(org.id, holderEmail), now, context);
		if (!held.ok) throw new Error('setup');
		const [holder] = await t.db.select().from(person).where(eq(person.email, holderEmail));
		const mailer = createMailer(t.db, {});
		const colleagueEmail = `offered-${Date.now()}@example.org`;
		const asHolder = { kind: 'stakeholder' as const, userId: 'test-user', personId: holder.id };
		let token = '';
		const offer = (actor: typeof asHolder, to = { name: 'Offered Colleague', email: colleagueEmail }) =>
			offerHandover(t.db, mailer, actor, held.registrationId, to, now, (tk) => ((token = tk), `http://x/handover/${tk}`));

		expect(await offer({ kind: 'stakeholder', userId: 'other-user', personId: (await makePerson(t.db)).id })).toEqual({ ok: false, reason: 'forbidden' });
		expect(await offer(asHolder, { name: 'Me', email: holderEmail })).toEqual({ ok: false, reason: 'same-person' });
		expect(await offer(asHolder)).toEqual({ ok: true });
		const [mail] = await t.db.select().from(outboxMessage).where(eq(outboxMessage.to, colleagueEmail));
		expect(mail.subject).toMatch(/^A colleague offers you their place/);
		expect(mail.text).toContain(`http://x/handover/${token}`);
		expect(await findHandover(t.db, token, now)).toMatchObject({ isOffer: true, holder: holder.name, organization: org.name, colleague: { email: colleagueEmail } });
		// Offered from /fr/me: the colleague (unknown, so in the page's language) is written in French, with a French link.
		const frenchEmail = `offert-${Date.now()}@example.org`;
		expect(await offerHandover(t.db, mailer, asHolder, held.registrationId, { name: 'Collègue Offerte', email: frenchEmail }, now, (tk) => `http://x/handover/${tk}`, 'fr')).toEqual({ ok: true });
		const [french] = await t.db.select().from(outboxMessage).where(eq(outboxMessage.to, frenchEmail));
		expect(french.subject).toMatch(/^Un collègue vous cède sa place : /);
		expect(french.text).toMatch(/http:\/\/x\/fr\/handover\/[\w-]+/);

		// The link alone (a mail scanner following it) changes nothing: it needs the colleague's registration.
		expect(await acceptHandover(t.db, mailer, token, now, urls)).toEqual({ ok: false, reason: 'invalid-link' });
		const theirs = ZRegistrationInput.parse({ name: 'Offered Colleague', email: colleagueEmail, organizationId: '00000000-0000-0000-0000-000000000000', categoryId: 'academia', countryCode: 'TH', languages: ['fr'], consentToProcessing: true, idempotencyKey: randomBytes(12).toString('base64url') });
		expect(await acceptHandover(t.db, mailer, token, now, urls, theirs, 'fr')).toMatchObject({ ok: true });

		const [before] = await t.db.select().from(registration).where(eq(registration.id, held.registrationId));
		expect(before.status).toBe('withdrawn');
		const [colleague] = await t.db.select().from(person).where(eq(person.email, colleagueEmail));
		const [now_] = await t.db.select().from(registration).where(and(eq(registration.consultationId, c.id), eq(registration.personId, colleague.id)));
		expect([now_.status, now_.organizationId, now_.categoryId, now_.countryCode, now_.languages]).toEqual(['submitted', org.id, 'trade-unions', 'NP', ['fr']]);
		expect(colleague.preferredLocale).toBe('fr');
		expect(await acceptHandover(t.db, mailer, token, now, urls, theirs)).toEqual({ ok: false, reason: 'invalid-link' });
	});
});
