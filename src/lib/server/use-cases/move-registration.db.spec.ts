import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeConsultation, makeOrganization, makePerson, makeRegistration, makeStaffActor } from '../../../../tests/support/factories';
import { outboxMessage, person, registration } from '../db/schema';
import { createMailer } from '../mail';
import type { Actor } from '../../domain/policy';
import { decideRegistration, moveMyRegistration, updateMyRegistration } from './move-registration';
import type { PersonId } from '../../domain/ids';

const t = useTestDatabase();
const now = new Date('2026-11-23T05:00:00Z');
const later = { startsAt: new Date('2026-12-03T04:00:00Z'), endsAt: new Date('2026-12-03T07:00:00Z') };
const urls = { page: (slug: string) => `http://localhost:3000/consultations/${slug}`, signIn: 'http://localhost:3000/sign-in' };
const me = (personId: PersonId): Actor => ({ kind: 'stakeholder', userId: 'u', personId });

describe(`moving registrations on ${testDriver}`, () => {
	it('lets an organizer of the consultation select, and mails the meeting link in the registrant’s language', async () => {
		const c = await makeConsultation(t.db, { ...later, meetingLink: 'https://meet.example.org/secret-room', title: 'Decision test' });
		const p = await makePerson(t.db, { preferredLocale: 'fr' });
		const r = await makeRegistration(t.db, c, p, { locale: 'fr' }); // registered from a French page
		const organizer = await makeStaffActor(t.db, 'organizer', { organizerOf: [c.id] });
		expect(await decideRegistration(t.db, createMailer(t.db, {}), organizer, r.id, 'selected', now, urls)).toEqual({ ok: true, status: 'selected' });
		const [mail] = await t.db.select().from(outboxMessage).where(eq(outboxMessage.to, p.email!));
		expect(mail.subject).toBe('Vous êtes sélectionné·e : Decision test');
		expect(mail.text).toContain('https://meet.example.org/secret-room');
		expect(JSON.stringify(mail.attachments)).toContain('secret-room');
	});

	it('refuses an organizer of another consultation, and a rapporteur', async () => {
		const c = await makeConsultation(t.db, later);
		const r = await makeRegistration(t.db, c, await makePerson(t.db));
		const other = await makeStaffActor(t.db, 'organizer', { organizerOf: [] });
		const rapporteur = await makeStaffActor(t.db, 'rapporteur', { rapporteurOf: [c.id] });
		expect(await decideRegistration(t.db, null, other, r.id, 'selected', now, urls)).toEqual({ ok: false, reason: 'forbidden' });
		expect(await decideRegistration(t.db, null, rapporteur, r.id, 'declined', now, urls)).toEqual({ ok: false, reason: 'forbidden' });
		const [still] = await t.db.select().from(registration).where(eq(registration.id, r.id));
		expect(still.status).toBe('submitted');
	});

	it('lets the registrant confirm a selected place and withdraw, but not select themselves or act for others', async () => {
		const c = await makeConsultation(t.db, later);
		const p = await makePerson(t.db);
		const r = await makeRegistration(t.db, c, p, { status: 'selected' });
		const stranger = await makePerson(t.db);
		expect(await moveMyRegistration(t.db, me(stranger.id), r.id, 'withdrawn', now)).toEqual({ ok: false, reason: 'forbidden' });
		expect(await moveMyRegistration(t.db, me(p.id), r.id, 'confirmed', now)).toMatchObject({ ok: true, status: 'confirmed' });
		expect(await moveMyRegistration(t.db, me(p.id), r.id, 'confirmed', now)).toEqual({ ok: false, reason: 'not-allowed' });
		expect(await moveMyRegistration(t.db, me(p.id), r.id, 'withdrawn', now)).toMatchObject({ ok: true, status: 'withdrawn' });
		const [row] = await t.db.select().from(registration).where(eq(registration.id, r.id));
		expect(row.withdrawnAt).toEqual(now);
	});

	it('confirms a withdrawal by email, in the registration’s language, saying the organization’s place is free', async () => {
		const c = await makeConsultation(t.db, { ...later, isOnePerOrganization: true, title: 'Withdrawal test' });
		const p = await makePerson(t.db);
		const org = await makeOrganization(t.db);
		const r = await makeRegistration(t.db, c, p, { organizationId: org.id, isOnePerOrganization: true, locale: 'fr' });
		const result = await moveMyRegistration(t.db, me(p.id), r.id, 'withdrawn', now, { mailer: createMailer(t.db, {}), page: urls.page });
		expect(result).toEqual({ ok: true, status: 'withdrawn', title: 'Withdrawal test', isPlaceFreed: true });
		const [mail] = await t.db.select().from(outboxMessage).where(eq(outboxMessage.to, p.email!));
		expect(mail.subject).toBe('Vous vous êtes retiré·e : Withdrawal test');
		expect(mail.text).toContain('La place de votre organisation est libre');
		expect(mail.text).toContain(`http://localhost:3000/fr/consultations/${c.slug}`);
		// Confirming sends nothing.
		const q = await makePerson(t.db);
		const selected = await makeRegistration(t.db, c, q, { status: 'selected' });
		expect(await moveMyRegistration(t.db, me(q.id), selected.id, 'confirmed', now, { mailer: createMailer(t.db, {}), page: urls.page })).toMatchObject({ ok: true, isPlaceFreed: false });
		expect(await t.db.select().from(outboxMessage).where(eq(outboxMessage.to, q.email!))).toEqual([]);
	});

	it('lets the registrant change languages and needs of their own active registration only', async () => {
		const c = await makeConsultation(t.db, later);
		const p = await makePerson(t.db);
		const r = await makeRegistration(t.db, c, p);
		const details = { languages: ['fr'], interpretationNeeds: 'French', accessibilityNeeds: 'Live captions' };
		expect(await updateMyRegistration(t.db, me(p.id), r.id, details, now)).toEqual({ ok: true });
		const [row] = await t.db.select().from(registration).where(eq(registration.id, r.id));
		expect([row.languages, row.interpretationNeeds, row.accessibilityNeeds]).toEqual([['fr'], 'French', 'Live captions']);
		const stranger = await makePerson(t.db);
		expect(await updateMyRegistration(t.db, me(stranger.id), r.id, details, now)).toEqual({ ok: false, reason: 'forbidden' });
		await moveMyRegistration(t.db, me(p.id), r.id, 'withdrawn', now);
		expect(await updateMyRegistration(t.db, me(p.id), r.id, details, now)).toEqual({ ok: false, reason: 'not-allowed' });
	});

	it('lets the registrant change organization, category and country until a decision, keeping one place per organization', async () => {
		const c = await makeConsultation(t.db, later);
		const [wrong, right, taken] = [await makeOrganization(t.db), await makeOrganization(t.db), await makeOrganization(t.db)];
		const p = await makePerson(t.db, { organizationId: wrong.id, categoryId: 'civil-society' });
		const r = await makeRegistration(t.db, c, p);
		const colleague = await makePerson(t.db, { organizationId: taken.id });
		await makeRegistration(t.db, c, colleague);
		const needs = { languages: ['en'], interpretationNeeds: null, accessibilityNeeds: null };

		expect(await updateMyRegistration(t.db, me(p.id), r.id, { ...needs, organizationId: taken.id }, now)).toEqual({ ok: false, reason: 'organization-taken' });
		expect(await updateMyRegistration(t.db, me(p.id), r.id, { ...needs, categoryId: 'no-such-group', countryCode: 'ZZ' }, now)).toEqual({
			ok: false,
			reason: 'invalid',
			errors: { categoryId: 'invalid', countryCode: 'invalid' }
		});
		let [row] = await t.db.select().from(registration).where(eq(registration.id, r.id));
		expect([row.organizationId, row.categoryId, row.countryCode]).toEqual([wrong.id, 'civil-society', 'TH']);

		expect(await updateMyRegistration(t.db, me(p.id), r.id, { ...needs, organizationId: right.id, categoryId: 'trade-unions', countryCode: 'PH' }, now)).toEqual({ ok: true });
		[row] = await t.db.select().from(registration).where(eq(registration.id, r.id));
		expect([row.organizationId, row.categoryId, row.countryCode]).toEqual([right.id, 'trade-unions', 'PH']);
		const [profile] = await t.db.select().from(person).where(eq(person.id, p.id));
		expect([profile.organizationId, profile.categoryId, profile.countryCode]).toEqual([right.id, 'trade-unions', 'PH']);

		// Once selected, the selection was made on these: only needs may change.
		await t.db.update(registration).set({ status: 'selected' }).where(eq(registration.id, r.id));
		expect(await updateMyRegistration(t.db, me(p.id), r.id, { ...needs, countryCode: 'TH' }, now)).toEqual({ ok: false, reason: 'decided' });
		expect(await updateMyRegistration(t.db, me(p.id), r.id, { ...needs, countryCode: 'PH', accessibilityNeeds: 'Captions' }, now)).toEqual({ ok: true });
	});

	it('refuses changes once the meeting has started', async () => {
		const c = await makeConsultation(t.db, { startsAt: new Date('2026-11-23T04:00:00Z'), endsAt: new Date('2026-11-23T07:00:00Z') });
		const p = await makePerson(t.db);
		const r = await makeRegistration(t.db, c, p);
		expect(await moveMyRegistration(t.db, me(p.id), r.id, 'withdrawn', now)).toEqual({ ok: false, reason: 'meeting-started' });
		expect((await t.db.select().from(person).where(eq(person.id, p.id))).length).toBe(1);
	});
});
