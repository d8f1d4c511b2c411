// Staff accounts and roles: creating an account, changing its role, assigning organizers and
// rapporteurs to consultations. Role changes are audit-logged; there is always one admin left.
import { randomBytes } from 'node:crypto';
import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { authSession, authUser, consultation, consultationStaff } from '../db/schema';
import { writeAudit } from '../queries/audit';
import type { Mailer } from '../mail';
import { FORBIDDEN, policy, type Actor, type Forbidden } from '../../domain/policy';
import { isValidEmail } from '../../domain/people-import';
import { CONSULTATION_STAFF_ROLES, isOneOf, STAFF_ROLES } from '../../domain/enums';
import type { ConsultationId } from '../../domain/ids';
import { m } from '../../paraglide/messages';
import { roleLabel } from '../../format';
import { localizedUrl, mailLocale } from '../messages/locale';

export type CreateStaffResult = { ok: true; userId: string } | Forbidden | { ok: false; reason: 'invalid-email' | 'invalid-name' | 'invalid-role' | 'email-taken' };

export async function createStaffUser(
	db: Database,
	mailer: Mailer,
	actor: Actor,
	input: { email: string; name: string; role: string; locale?: string },
	signInUrl: string
): Promise<CreateStaffResult> {
	if (!policy.canChangeRoles(actor)) return FORBIDDEN;
	const email = input.email.trim().toLowerCase();
	const name = input.name.trim();
	if (!isValidEmail(email)) return { ok: false, reason: 'invalid-email' };
	if (!name || name.length > 200) return { ok: false, reason: 'invalid-name' };
	const role = input.role;
	if (!isOneOf(STAFF_ROLES, role)) return { ok: false, reason: 'invalid-role' };
	const locale = mailLocale(input.locale);
	const id = randomBytes(16).toString('hex');
	const created = await db.transaction(async (tx) => {
		const inserted = await tx.insert(authUser).values({ id, email, name, role, locale, emailVerified: true }).onConflictDoNothing().returning({ id: authUser.id });
		if (!inserted.length) return false;
		await writeAudit(tx, actor, { action: 'user.create', subjectType: 'user', subjectId: id, details: { email, role: input.role } });
		// No password is set: staff sign in with an emailed link, or an admin sets one later. The
		// message is stored with the account (the outbox), in the language chosen for it.
		const o = { locale };
		const url = localizedUrl(signInUrl, locale);
		await mailer.send({ to: email, subject: m.mail_staff_account_subject({}, o), text: m.mail_staff_account_body({ name, role: roleLabel(role, locale), url, email }, o) }, tx);
		return true;
	});
	if (!created) return { ok: false, reason: 'email-taken' };
	return { ok: true, userId: id };
}

export type ChangeRoleResult = { ok: true } | Forbidden | { ok: false; reason: 'not-found' | 'invalid-role' | 'last-admin' };

export async function changeStaffRole(db: Database, actor: Actor, userId: string, role: string, now: Date): Promise<ChangeRoleResult> {
	if (!policy.canChangeRoles(actor)) return FORBIDDEN;
	if (!isOneOf(STAFF_ROLES, role)) return { ok: false, reason: 'invalid-role' };
	return db.transaction(async (tx) => {
		// Lock the admins so that two demotions at once cannot leave none.
		await tx.execute(sql`select id from ${authUser} where ${authUser.role} = 'admin' for update`);
		const [user] = await tx.select().from(authUser).where(eq(authUser.id, userId)).for('update');
		if (!user || !isOneOf(STAFF_ROLES, user.role)) return { ok: false as const, reason: 'not-found' as const };
		if (user.role === role) return { ok: true as const };
		if (user.role === 'admin') {
			const [{ n }] = await tx.select({ n: count() }).from(authUser).where(eq(authUser.role, 'admin'));
			if (n <= 1) return { ok: false as const, reason: 'last-admin' as const };
		}
		await tx.update(authUser).set({ role, updatedAt: now }).where(eq(authUser.id, userId));
		// Sessions carry the role: end them so the new rights apply at the next sign-in.
		await tx.delete(authSession).where(eq(authSession.userId, userId));
		await writeAudit(tx, actor, { action: 'user.role-change', subjectType: 'user', subjectId: userId, details: { from: user.role, to: role } });
		return { ok: true as const };
	});
}

export type AssignResult = { ok: true } | Forbidden | { ok: false; reason: 'not-found' | 'invalid-role' };

/** Admins assign organizers and rapporteurs; an organizer may assign rapporteurs to their own consultations. */
export async function setConsultationAssignment(
	db: Database,
	actor: Actor,
	input: { userId: string; consultationId: ConsultationId; role: string; isAssigned: boolean }
): Promise<AssignResult> {
	const role = input.role;
	if (!isOneOf(CONSULTATION_STAFF_ROLES, role)) return { ok: false, reason: 'invalid-role' };
	const allowed = policy.canAssignStaff(actor, role, input.consultationId);
	if (!allowed) return FORBIDDEN;
	return db.transaction(async (tx) => {
		const [user] = await tx.select({ role: authUser.role }).from(authUser).where(eq(authUser.id, input.userId));
		const [c] = await tx.select({ id: consultation.id }).from(consultation).where(eq(consultation.id, input.consultationId));
		if (!user || !c || !isOneOf(STAFF_ROLES, user.role)) return { ok: false as const, reason: 'not-found' as const };
		const key = and(eq(consultationStaff.userId, input.userId), eq(consultationStaff.consultationId, input.consultationId), eq(consultationStaff.role, role));
		if (input.isAssigned) {
			await tx.insert(consultationStaff).values({ userId: input.userId, consultationId: input.consultationId, role: role }).onConflictDoNothing();
		} else {
			await tx.delete(consultationStaff).where(key);
		}
		await writeAudit(tx, actor, {
			action: input.isAssigned ? 'consultation.assign' : 'consultation.unassign',
			subjectType: 'consultation',
			subjectId: input.consultationId,
			details: { userId: input.userId, role: role }
		});
		return { ok: true as const };
	});
}

const remembered = new Map<string, string>();

/**
 * Staff are written to in the language they last used the staff pages in: remembered here, so that
 * the account is written only when it changes (once per process and language).
 */
export async function rememberStaffLocale(db: Database, userId: string, locale: string): Promise<void> {
	if (remembered.get(userId) === locale) return;
	await db.update(authUser).set({ locale: mailLocale(locale) }).where(and(eq(authUser.id, userId), ne(authUser.locale, mailLocale(locale))));
	remembered.set(userId, locale);
}
