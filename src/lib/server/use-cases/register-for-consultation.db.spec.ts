import { describe, expect, it } from 'vitest';
import { and, count, eq, inArray } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeConsultation, makeOrganization, makePerson } from '../../../../tests/support/factories';
import { consultation, organization, outboxMessage, person, registration } from '../db/schema';
import { createMailer } from '../mail';
import { zonedToInstant } from '../../domain/time';
import { ZRegistrationInput } from '../../domain/registration-input';
import { registerForConsultation, registerLocked, type RegisterContext } from './register-for-consultation';

const t = useTestDatabase();

const context: RegisterContext = { locale: 'en', urls: { page: 'http://localhost:3000/consultations/x', signIn: 'http://localhost:3000/sign-in' } };
const closes = zonedToInstant('2026-10-25', '24:00', 'Asia/Bangkok'); // Sunday 25 October, 24:00 ICT
const window = { registrationOpensAt: new Date('2026-10-01T00:00:00Z'), registrationClosesAt: closes, startsAt: new Date('2026-10-29T04:00:00Z'), endsAt: new Date('2026-10-29T07:00:00Z') };
const open = new Date('2026-10-20T00:00:00Z');
let n = 0;
const input = (over: Partial<Record<string, unknown>> = {}) =>
	ZRegistrationInput.parse({
		name: 'Registrant Person',
		email: `reg-${Date.now()}-${n++}@example.org`,
		categoryId: 'civil-society',
		countryCode: 'TH',
		newOrganizationName: '',
		consentToProcessing: true,
		idempotencyKey: randomBytes(12).toString('base64url'),
		...over
	});

describe(`registering on ${testDriver}`, () => {
	it.each([
		['one second before 24:00 ICT', new Date(closes.getTime() - 1000), true],
		['at 24:00 ICT exactly', closes, false],
		['one second after', new Date(closes.getTime() + 1000), false]
	])('%s the registration is %s', async (_label, now, isAccepted) => {
		const c = await makeConsultation(t.db, window);
		const org = await makeOrganization(t.db);
		const result = await registerForConsultation(t.db, c.slug, input({ organizationId: org.id }), now, context);
		expect(result.ok).toBe(isAccepted);
		if (!isAccepted) expect(result).toEqual({ ok: false, reason: 'closed' });
	});

	it('refuses before registration opens', async () => {
		const c = await makeConsultation(t.db, window);
		const org = await makeOrganization(t.db);
		expect(await registerForConsultation(t.db, c.slug, input({ organizationId: org.id }), new Date('2026-09-30T23:59:59Z'), context)).toEqual({ ok: false, reason: 'not-yet-open' });
	});

	it('tells a second colleague that the organization already has its place, and stores nothing', async () => {
		const c = await makeConsultation(t.db, { ...window, isOnePerOrganization: true });
		const org = await makeOrganization(t.db);
		const first = await registerForConsultation(t.db, c.slug, input({ organizationId: org.id }), open, context);
		expect(first.ok).toBe(true);
		const colleagueEmail = `colleague-${Date.now()}@example.org`;
		const second = await registerForConsultation(t.db, c.slug, input({ organizationId: org.id, email: colleagueEmail }), open, context);
		expect(second).toEqual({ ok: false, reason: 'organization-taken', registeredRegistrationId: first.ok ? first.registrationId : null });
		expect(await t.db.select().from(person).where(eq(person.email, colleagueEmail))).toEqual([]);
	});

	it('answers a repeated submission with the first result, and registers once', async () => {
		const c = await makeConsultation(t.db, window);
		const org = await makeOrganization(t.db);
		const same = input({ organizationId: org.id });
		const first = await registerForConsultation(t.db, c.slug, same, open, context);
		const again = await registerForConsultation(t.db, c.slug, same, open, context);
		expect(first.ok && again.ok && again.registrationId === first.registrationId && again.isRepeat).toBe(true);
		const [{ total }] = await t.db.select({ total: count() }).from(registration).where(eq(registration.consultationId, c.id));
		expect(total).toBe(1);
	});

	it('refuses the same person twice with a new form, and a full consultation', async () => {
		const c = await makeConsultation(t.db, { ...window, registrationLimit: 2, isOnePerOrganization: false });
		const org = await makeOrganization(t.db);
		const me = input({ organizationId: org.id });
		expect((await registerForConsultation(t.db, c.slug, me, open, context)).ok).toBe(true);
		expect(await registerForConsultation(t.db, c.slug, { ...me, idempotencyKey: 'another-key-1234567' }, open, context)).toEqual({ ok: false, reason: 'already-registered' });
		expect((await registerForConsultation(t.db, c.slug, input({ organizationId: org.id }), open, context)).ok).toBe(true);
		expect(await registerForConsultation(t.db, c.slug, input({ organizationId: org.id }), open, context)).toEqual({ ok: false, reason: 'full' });
	});

	it('creates a proposed organization once, and refuses unknown references without storing anything', async () => {
		const c = await makeConsultation(t.db, { ...window, isOnePerOrganization: false });
		const name = `Proposed Org ${Date.now()}`;
		expect((await registerForConsultation(t.db, c.slug, input({ newOrganizationName: name }), open, context)).ok).toBe(true);
		expect((await registerForConsultation(t.db, c.slug, input({ newOrganizationName: name.toUpperCase() }), open, context)).ok).toBe(true);
		expect(await t.db.select().from(organization).where(eq(organization.countryCode, 'TH')).then((rows) => rows.filter((o) => o.name.toLowerCase() === name.toLowerCase()).length)).toBe(1);
		const bad = input({ countryCode: 'ZZ', organizationId: '00000000-0000-4000-8000-000000000000' });
		expect(await registerForConsultation(t.db, c.slug, bad, open, context)).toEqual({ ok: false, reason: 'invalid', errors: { countryCode: 'invalid', organizationId: 'organization-invalid' } });
		expect(await t.db.select().from(person).where(eq(person.email, bad.email))).toEqual([]);
	});

	it('mails a confirmation with the calendar file', async () => {
		const c = await makeConsultation(t.db, { ...window, title: 'Calendar consultation' });
		const org = await makeOrganization(t.db);
		const me = input({ organizationId: org.id });
		await registerForConsultation(t.db, c.slug, me, open, { ...context, mailer: createMailer(t.db, {}) });
		const [mail] = await t.db.select().from(outboxMessage).where(eq(outboxMessage.to, me.email));
		expect(mail.subject).toBe('Registration received: Calendar consultation');
		expect(mail.text).toContain('Thursday, 29 October 2026, 11:00–14:00 Indochina Time (GMT+7)');
		expect(JSON.stringify(mail.attachments)).toContain('DTSTART:20261029T040000Z');
	});

	it('writes the confirmation again from the locked row when the meeting moved since the copy it came from, calendar file included', async () => {
		const c = await makeConsultation(t.db, window);
		const stale = { ...c };
		// Edited a second later (the same millisecond would look unchanged: times are compared to the millisecond).
		await t.db.update(consultation).set({ startsAt: new Date('2026-10-30T04:00:00Z'), endsAt: new Date('2026-10-30T07:00:00Z'), updatedAt: new Date(c.updatedAt.getTime() + 1000) }).where(eq(consultation.id, c.id));
		const me = input({ organizationId: (await makeOrganization(t.db)).id });
		expect((await registerForConsultation(t.db, c.slug, me, open, { ...context, mailer: createMailer(t.db, {}), published: async () => stale })).ok).toBe(true);
		const mails = await t.db.select().from(outboxMessage).where(eq(outboxMessage.to, me.email));
		expect(mails).toHaveLength(1);
		expect(mails[0].text).toContain('30 October 2026');
		expect(JSON.stringify(mails[0].attachments)).toContain('DTSTART:20261030T040000Z');
	});

	// Every form of the registration statements: a new person, a known one without an organization (who
	// gets the one registered with) and with one (who keeps it); an organization chosen, proposed by a
	// new name, or proposed by the name of one that exists; the one-per-organization rule on and off; a
	// registration limit or none; through the public form and through a hand-over (lock already held).
	it('registers in every combination of person, organization, rule, limit and entry point', { timeout: 180_000 }, async () => {
		const failures: unknown[] = [];
		for (const who of ['new', 'known-without-organization', 'known-with-organization'] as const)
			for (const org of ['chosen', 'new-name', 'existing-name'] as const)
				for (const isOnePerOrganization of [true, false])
					for (const registrationLimit of [null, 5])
						for (const entry of ['form', 'hand-over'] as const) {
							const c = await makeConsultation(t.db, { ...window, isOnePerOrganization, registrationLimit });
							const own = await makeOrganization(t.db);
							const known = who === 'new' ? null : await makePerson(t.db, { organizationId: who === 'known-with-organization' ? own.id : null });
							const target = await makeOrganization(t.db);
							const form = input({
								...(known ? { email: known.email } : {}),
								languages: ['fr'],
								...(org === 'chosen' ? { organizationId: target.id } : { newOrganizationName: org === 'new-name' ? `Combination ${n++} ${Date.now()}` : target.name.toUpperCase() })
							});
							const result =
								entry === 'form'
									? await registerForConsultation(t.db, c.slug, form, open, { ...context, locale: 'ru', mailer: createMailer(t.db, {}) })
									: await t.db.transaction((tx) => registerLocked(tx, c, form, open, 'ru', { isSubstitution: true }));
							const [r] = await t.db.select().from(registration).where(eq(registration.consultationId, c.id));
							const [p] = await t.db.select().from(person).where(eq(person.email, form.email));
							const isRight =
								result.ok &&
								r?.organizationId &&
								(org === 'new-name' || r.organizationId === target.id) &&
								r.languages.join() === 'fr' &&
								r.locale === 'ru' &&
								p.organizationId === (who === 'known-with-organization' ? own.id : r.organizationId);
							if (!isRight) failures.push({ who, org, isOnePerOrganization, registrationLimit, entry, result, registration: r?.organizationId, person: p?.organizationId });
						}
		expect(failures).toEqual([]);
	});

	it('rolls back the person, the proposed organization and the confirmation when the place is taken', async () => {
		const c = await makeConsultation(t.db, { ...window, isOnePerOrganization: true });
		const name = `Taken Org ${Date.now()}`;
		const mailer = createMailer(t.db, {});
		expect((await registerForConsultation(t.db, c.slug, input({ newOrganizationName: name }), open, { ...context, mailer })).ok).toBe(true);
		const late = input({ newOrganizationName: name.toLowerCase() });
		const refused = await registerForConsultation(t.db, c.slug, late, open, { ...context, mailer });
		expect(refused).toMatchObject({ ok: false, reason: 'organization-taken' });
		expect(await t.db.select().from(person).where(eq(person.email, late.email))).toEqual([]);
		expect(await t.db.select().from(outboxMessage).where(eq(outboxMessage.to, late.email))).toEqual([]);
		const named = await t.db.select().from(organization).where(eq(organization.countryCode, 'TH'));
		expect(named.filter((o) => o.name.toLowerCase() === name.toLowerCase())).toHaveLength(1);
	});

	it('one new person registering for two consultations at once, and twice for one: one person, no error', async () => {
		const [a, b] = [await makeConsultation(t.db, window), await makeConsultation(t.db, window)];
		const email = `twice-${Date.now()}@example.org`;
		const org = await makeOrganization(t.db);
		const both = await Promise.all([a, b].map((c) => registerForConsultation(t.db, c.slug, input({ email, organizationId: org.id }), open, context)));
		expect(both.map((r) => r.ok)).toEqual([true, true]);
		const again = `again-${Date.now()}@example.org`;
		const other = await makeOrganization(t.db);
		const twice = await Promise.all([0, 1].map(() => registerForConsultation(t.db, a.slug, input({ email: again, organizationId: other.id }), open, context)));
		expect(twice.filter((r) => r.ok)).toHaveLength(1);
		expect(twice.find((r) => !r.ok)).toEqual({ ok: false, reason: 'already-registered' });
		expect(await t.db.select().from(person).where(inArray(person.email, [email, again]))).toHaveLength(2);
	});

	it('answers the same form sent twice at once by a known person with the first result, not "already registered"', async () => {
		const c = await makeConsultation(t.db, window);
		const org = await makeOrganization(t.db);
		const email = `known-${Date.now()}@example.org`;
		const other = await makeConsultation(t.db, window);
		expect((await registerForConsultation(t.db, other.slug, input({ email, organizationId: org.id }), open, context)).ok).toBe(true);
		const same = input({ email, organizationId: org.id });
		const both = await Promise.all([0, 1].map(() => registerForConsultation(t.db, c.slug, same, open, context)));
		expect(both.every((r) => r.ok)).toBe(true);
		expect(new Set(both.map((r) => r.ok && r.registrationId)).size).toBe(1);
		expect(both.filter((r) => r.ok && r.isRepeat)).toHaveLength(1);
	});

	it('takes a proposed name that matches a merged organization as the organization it was merged into', async () => {
		const c = await makeConsultation(t.db, { ...window, isOnePerOrganization: true });
		const kept = await makeOrganization(t.db, { name: `Kept Org ${Date.now()}` });
		const merged = await makeOrganization(t.db, { name: `Old Name Org ${Date.now()}` });
		await t.db.update(organization).set({ mergedIntoId: kept.id }).where(eq(organization.id, merged.id));
		const first = await registerForConsultation(t.db, c.slug, input({ organizationId: kept.id }), open, context);
		expect(first.ok).toBe(true);
		const byOldName = await registerForConsultation(t.db, c.slug, input({ newOrganizationName: merged.name.toUpperCase() }), open, context);
		expect(byOldName).toEqual({ ok: false, reason: 'organization-taken', registeredRegistrationId: first.ok ? first.registrationId : null });
	});

	it('leaves exactly one active registration per organization when 200 people from 100 organizations register at once', { timeout: 120_000 }, async () => {
		const c = await makeConsultation(t.db, { ...window, isOnePerOrganization: true });
		const orgs = await t.db
			.insert(organization)
			.values(Array.from({ length: 100 }, (_, i) => ({ name: `Concurrent Org ${i} ${c.slug}`, countryCode: 'PH' })))
			.returning();
		const attempts = orgs.flatMap((o, i) => [0, 1].map((k) => input({ organizationId: o.id, email: `c${i}-${k}-${c.slug}@example.org` })));
		const results = await Promise.all(attempts.map((a) => registerForConsultation(t.db, c.slug, a, open, context)));
		const accepted = results.filter((r) => r.ok);
		expect(accepted).toHaveLength(100);
		expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'organization-taken')).toBe(true);
		const rows = await t.db
			.select({ org: registration.organizationId, n: count() })
			.from(registration)
			.where(and(eq(registration.consultationId, c.id), inArray(registration.status, ['submitted'])))
			.groupBy(registration.organizationId);
		expect(rows).toHaveLength(100);
		expect(rows.every((r) => r.n === 1)).toBe(true);
		// None of the accepted ones is lost.
		const ids = new Set((await t.db.select({ id: registration.id }).from(registration).where(eq(registration.consultationId, c.id))).map((r) => r.id));
		expect(accepted.every((r) => r.ok && ids.has(r.registrationId))).toBe(true);
	});
});
