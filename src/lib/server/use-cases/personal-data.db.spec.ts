import { describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeConsultation, makeOrganization, makePerson, makeRegistration, makeStaffActor } from '../../../../tests/support/factories';
import { authUser, outboxMessage, person, registration } from '../db/schema';
import { createAuth } from '../auth';
import { createMailer } from '../mail';
import { signInLinkMessage } from '../messages/sign-in-link';
import { loadActor } from '../queries/actors';
import type { Actor } from '../../domain/policy';
import { erasePerson, ERASED_NAME } from './erase-person';
import { exportMyData } from './export-my-data';
import { requestSignInLink } from './request-sign-in-link';
import type { PersonId } from '../../domain/ids';

const t = useTestDatabase();
const now = new Date('2026-11-23T05:00:00Z');

function authWithOutbox() {
	const mailer = createMailer(t.db, {});
	return createAuth(t.db, {
		secret: 'test-secret-test-secret-test-secret',
		baseURL: 'http://localhost:3000',
		sendMagicLink: async (email, url, locale) => {
			await mailer.send(signInLinkMessage(email, url, locale));
		}
	});
}

/** Runs the sending that requestSignInLink leaves to the background, so that a test can wait for it. */
function sending() {
	const pending: Promise<void>[] = [];
	return { background: (send: () => Promise<void>) => void pending.push(send()), done: () => Promise.all(pending) };
}

describe(`stakeholder sign-in by magic link on ${testDriver}`, () => {
	it('mails a one-time link to a person in the directory, and the link signs them in as themselves only', async () => {
		const auth = authWithOutbox();
		const me = await makePerson(t.db, { email: `me-${Date.now()}@example.org` });
		const sender = { signInMagicLink: async (email: string, callbackURL: string) => void (await auth.api.signInMagicLink({ body: { email, callbackURL }, headers: new Headers() })) };
		const mailing = sending();
		expect(await requestSignInLink(t.db, sender, me.email!.toUpperCase(), null, mailing.background)).toEqual({ ok: true });
		await mailing.done();
		const [mail] = await t.db.select().from(outboxMessage).where(eq(outboxMessage.to, me.email!));
		const url = /(http:\/\/localhost:3000\/api\/auth\/magic-link\/verify\?\S+)/.exec(mail.text)?.[1];
		expect(url).toBeDefined();

		const response = await auth.handler(new Request(url!));
		expect(response.status).toBe(302);
		const cookie = response.headers.get('set-cookie') ?? '';
		expect(cookie).toContain('better-auth.session_token=');
		const session = await auth.api.getSession({ headers: new Headers({ cookie: cookie.split(';')[0] }) });
		expect(session?.user.email).toBe(me.email);
		const actor = await loadActor(t.db, { id: session!.user.id, email: session!.user.email, role: 'stakeholder' });
		expect(actor).toEqual({ kind: 'stakeholder', userId: session!.user.id, personId: me.id });

		// The same link works once.
		const again = await auth.handler(new Request(url!));
		expect(again.headers.get('set-cookie') ?? '').not.toMatch(/better-auth\.session_token=[^;]+/);
		expect(again.headers.get('location') ?? '').toContain('error');
	});

	it('writes the link email in the language of the page where it was asked for', async () => {
		const auth = authWithOutbox();
		const me = await makePerson(t.db, { email: `fr-${Date.now()}@example.org` });
		const sender = { signInMagicLink: async (email: string, callbackURL: string) => void (await auth.api.signInMagicLink({ body: { email, callbackURL, metadata: { locale: 'fr' } }, headers: new Headers() })) };
		const mailing = sending();
		await requestSignInLink(t.db, sender, me.email!, null, mailing.background);
		await mailing.done();
		const [mail] = await t.db.select().from(outboxMessage).where(eq(outboxMessage.to, me.email!));
		expect(mail.subject).toBe('Votre lien de connexion à Convene');
		expect(mail.text).toMatch(/^Bonjour,\n\nUtilisez ce lien/);
	});

	it('answers the same for an unknown address, and mails nothing', async () => {
		const sent: string[] = [];
		const sender = { signInMagicLink: async (email: string) => void sent.push(email) };
		expect(await requestSignInLink(t.db, sender, 'nobody-known@example.org')).toEqual({ ok: true });
		expect(sent).toEqual([]);
		expect(await requestSignInLink(t.db, sender, 'not an email')).toEqual({ ok: false, reason: 'invalid-email' });
	});

	it('answers a known address without waiting for its mail, so that the time of the answer does not tell who is known', async () => {
		const me = await makePerson(t.db, { email: `slow-${Date.now()}@example.org` });
		let sent = 0;
		const slowSender = { signInMagicLink: async () => void (await new Promise((r) => setTimeout(r, 1500)), sent++) };
		const started = performance.now();
		expect(await requestSignInLink(t.db, slowSender, me.email!)).toEqual({ ok: true });
		expect(performance.now() - started).toBeLessThan(1000);
		expect(sent).toBe(0);
		await new Promise((r) => setTimeout(r, 1700));
		expect(sent).toBe(1);
	});
});

describe(`personal data on ${testDriver}`, () => {
	async function stakeholderFor(personId: PersonId, email: string): Promise<Actor> {
		const id = `u-${personId}`;
		await t.db.insert(authUser).values({ id, email, name: 'S', role: 'stakeholder' });
		await t.db.update(person).set({ userId: id }).where(eq(person.id, personId));
		return { kind: 'stakeholder', userId: id, personId };
	}

	it('gives a person their own data as JSON, and nobody else’s', async () => {
		const org = await makeOrganization(t.db);
		const me = await makePerson(t.db, { organizationId: org.id, jobTitle: 'Coordinator' });
		const other = await makePerson(t.db);
		const c = await makeConsultation(t.db, { title: 'My consultation' });
		await makeRegistration(t.db, c, me);
		const actor = await stakeholderFor(me.id, me.email!);
		const mine = await exportMyData(t.db, actor, me.id, now);
		if (!mine.ok) throw new Error('refused');
		expect(mine.data).toMatchObject({
			person: { name: me.name, email: me.email, organization: org.name, jobTitle: 'Coordinator' },
			registrations: [{ consultation: 'My consultation', status: 'submitted' }]
		});
		expect(JSON.stringify(mine.data)).not.toContain('userId');
		expect(await exportMyData(t.db, actor, other.id, now)).toEqual({ ok: false, reason: 'forbidden' });
		const organizer = await makeStaffActor(t.db, 'organizer');
		expect(await exportMyData(t.db, organizer, me.id, now)).toEqual({ ok: false, reason: 'forbidden' });
	});

	it('erases identifying fields but keeps category, country and gender counts unchanged', async () => {
		const c = await makeConsultation(t.db, { isOnePerOrganization: true });
		const org = await makeOrganization(t.db);
		const me = await makePerson(t.db, { organizationId: org.id, categoryId: 'trade-unions', countryCode: 'NP', gender: 'woman', phone: '+977 1 234567' });
		await makeRegistration(t.db, c, me);
		const actor = await stakeholderFor(me.id, me.email!);
		const stats = async () =>
			t.db
				.select({ category: registration.categoryId, country: registration.countryCode, gender: registration.gender, n: count() })
				.from(registration)
				.where(eq(registration.consultationId, c.id))
				.groupBy(registration.categoryId, registration.countryCode, registration.gender);
		const before = await stats();

		expect(await erasePerson(t.db, actor, me.id, now)).toEqual({ ok: true, withdrawnRegistrations: 1 });
		expect(await stats()).toEqual(before);
		const [after] = await t.db.select().from(person).where(eq(person.id, me.id));
		expect(after).toMatchObject({ name: ERASED_NAME, email: null, phone: null, organizationId: null, userId: null, categoryId: 'trade-unions', countryCode: 'NP', gender: 'woman' });
		expect(after.erasedAt).toEqual(now);
		expect(await t.db.select().from(authUser).where(eq(authUser.id, actor.kind === 'stakeholder' ? actor.userId : ''))).toEqual([]);
		// The place is freed: a colleague can now register for the organization.
		const colleague = await makePerson(t.db, { organizationId: org.id });
		expect((await makeRegistration(t.db, c, colleague)).status).toBe('submitted');
		const [{ n }] = await t.db.select({ n: count() }).from(person).where(sql`${person.email} = ${me.email}`);
		expect(n).toBe(0);
	});

	it('refuses erasure of someone else by a stakeholder or an organizer', async () => {
		const victim = await makePerson(t.db);
		const me = await makePerson(t.db);
		const actor = await stakeholderFor(me.id, me.email!);
		expect(await erasePerson(t.db, actor, victim.id, now)).toEqual({ ok: false, reason: 'forbidden' });
		expect(await erasePerson(t.db, await makeStaffActor(t.db, 'organizer'), victim.id, now)).toEqual({ ok: false, reason: 'forbidden' });
		const [still] = await t.db.select().from(person).where(eq(person.id, victim.id));
		expect(still.erasedAt).toBeNull();
	});
});
