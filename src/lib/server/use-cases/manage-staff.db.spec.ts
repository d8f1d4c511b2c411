import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeConsultation, makeStaffActor } from '../../../../tests/support/factories';
import { auditLog, authUser, consultationStaff, outboxMessage } from '../db/schema';
import { createMailer } from '../mail';
import { loadActor } from '../queries/actors';
import type { Actor } from '../../domain/policy';
import { changeStaffRole, createStaffUser, rememberStaffLocale, setConsultationAssignment } from './manage-staff';
import { requestSignInLink } from './request-sign-in-link';

const t = useTestDatabase();
let admin: Actor;
beforeAll(async () => {
	admin = await makeStaffActor(t.db, 'admin');
});
const userIdOf = (a: Actor) => (a.kind === 'staff' ? a.userId : '');

describe(`staff accounts and roles on ${testDriver}`, () => {
	it('creates a staff account, mails the invitation, and its owner gets a sign-in link to the staff area', async () => {
		const mailer = createMailer(t.db, {});
		const email = `new-staff-${Date.now()}@example.org`;
		const result = await createStaffUser(t.db, mailer, admin, { email: email.toUpperCase(), name: 'New Rapporteur', role: 'rapporteur' }, 'http://localhost:3000/sign-in');
		expect(result.ok).toBe(true);
		const [invitation] = await t.db.select().from(outboxMessage).where(eq(outboxMessage.to, email));
		expect(invitation.subject).toBe('Your Convene staff account');
		const links: [string, string][] = [];
		await requestSignInLink(t.db, { signInMagicLink: async (e, cb) => void links.push([e, cb]) }, email, null, (send) => void send());
		expect(links).toEqual([[email, '/staff']]);
		expect(await createStaffUser(t.db, mailer, admin, { email, name: 'Again', role: 'rapporteur' }, 'x')).toEqual({ ok: false, reason: 'email-taken' });
	});

	it('writes the invitation in the language chosen for the account, linking to that language’s sign-in page, and follows the language its owner then uses', async () => {
		const mailer = createMailer(t.db, {});
		const email = `russian-staff-${Date.now()}@example.org`;
		const result = await createStaffUser(t.db, mailer, admin, { email, name: 'Anna Petrova', role: 'organizer', locale: 'ru' }, 'http://localhost:3000/sign-in');
		if (!result.ok) throw new Error('not created');
		const [invitation] = await t.db.select().from(outboxMessage).where(eq(outboxMessage.to, email));
		expect(invitation.subject).toBe('Ваша учётная запись сотрудника в Convene');
		expect(invitation.text).toContain('Здравствуйте, Anna Petrova!');
		expect(invitation.text).toContain('учётная запись сотрудника Convene (организатор)');
		expect(invitation.text).toContain('http://localhost:3000/ru/sign-in');
		const localeOf = async () => (await t.db.select({ locale: authUser.locale }).from(authUser).where(eq(authUser.id, result.userId)))[0].locale;
		expect(await localeOf()).toBe('ru');
		await rememberStaffLocale(t.db, result.userId, 'zh');
		expect(await localeOf()).toBe('zh');
		// A language Convene does not speak is stored as the base language, never as given.
		expect(await createStaffUser(t.db, mailer, admin, { email: `x-${email}`, name: 'X', role: 'rapporteur', locale: 'xx' }, 'x')).toMatchObject({ ok: true });
		const [other] = await t.db.select({ locale: authUser.locale }).from(authUser).where(eq(authUser.email, `x-${email}`));
		expect(other.locale).toBe('en');
	});

	it('refuses to create accounts for a non-admin, or with a bad role', async () => {
		const mailer = createMailer(t.db, {});
		const organizer = await makeStaffActor(t.db, 'organizer');
		expect(await createStaffUser(t.db, mailer, organizer, { email: 'x@example.org', name: 'X', role: 'admin' }, 'x')).toEqual({ ok: false, reason: 'forbidden' });
		expect(await createStaffUser(t.db, mailer, admin, { email: 'y@example.org', name: 'Y', role: 'stakeholder' }, 'x')).toEqual({ ok: false, reason: 'invalid-role' });
	});

	it('changes a role, logs it, and never removes the last admin', async () => {
		const rapporteur = await makeStaffActor(t.db, 'rapporteur');
		expect(await changeStaffRole(t.db, admin, userIdOf(rapporteur), 'organizer', new Date())).toEqual({ ok: true });
		const [u] = await t.db.select().from(authUser).where(eq(authUser.id, userIdOf(rapporteur)));
		expect(u.role).toBe('organizer');
		const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.role-change'), eq(auditLog.subjectId, userIdOf(rapporteur))));
		expect(entry.details).toEqual({ from: 'rapporteur', to: 'organizer' });

		// Demote every admin but one; the last one stays.
		const admins = await t.db.select().from(authUser).where(eq(authUser.role, 'admin'));
		const results = [];
		for (const a of admins) results.push((await changeStaffRole(t.db, admin, a.id, 'organizer', new Date())).ok);
		expect(results.filter((ok) => !ok)).toHaveLength(1);
		expect(await t.db.select().from(authUser).where(eq(authUser.role, 'admin'))).toHaveLength(1);
	});

	it('assigns rapporteurs: admins anywhere, organizers only to their own consultations', async () => {
		const c1 = await makeConsultation(t.db);
		const c2 = await makeConsultation(t.db);
		const organizer = await makeStaffActor(t.db, 'organizer', { organizerOf: [c1.id] });
		const rapporteur = await makeStaffActor(t.db, 'rapporteur');
		const target = { userId: userIdOf(rapporteur), role: 'rapporteur', isAssigned: true };
		expect(await setConsultationAssignment(t.db, organizer, { ...target, consultationId: c1.id })).toEqual({ ok: true });
		expect(await setConsultationAssignment(t.db, organizer, { ...target, consultationId: c2.id })).toEqual({ ok: false, reason: 'forbidden' });
		expect(await setConsultationAssignment(t.db, organizer, { ...target, consultationId: c1.id, role: 'organizer' })).toEqual({ ok: false, reason: 'forbidden' });
		const actor = await loadActor(t.db, { id: userIdOf(rapporteur), email: 'r@example.org', role: 'rapporteur' });
		expect(actor.kind === 'staff' && [...actor.rapporteurOf]).toEqual([c1.id]);
		expect(await setConsultationAssignment(t.db, admin, { ...target, consultationId: c1.id, isAssigned: false })).toEqual({ ok: true });
		expect(await t.db.select().from(consultationStaff).where(eq(consultationStaff.userId, userIdOf(rapporteur)))).toEqual([]);
	});
});
