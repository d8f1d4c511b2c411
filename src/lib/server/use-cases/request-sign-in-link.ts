// A stakeholder asks for a sign-in link. The answer never tells whether the address is known
// (no account enumeration), in its words or in its time: a link is mailed only to people in the
// directory, and the mail goes out after the answer (`background`), so that a known address is
// not answered more slowly than an unknown one.
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { authUser, person } from '../db/schema';
import { isValidEmail } from '../../domain/people-import';
import { isStaff } from '../../domain/access';

export type RequestSignInLinkResult = { ok: true } | { ok: false; reason: 'invalid-email' };

export interface MagicLinkSender {
	/** better-auth's signInMagicLink: creates the token and calls the mailer. */
	signInMagicLink(email: string, callbackURL: string): Promise<void>;
}

/** Where a stakeholder's link may lead: a page of their own area ("/me/reports/…"), never elsewhere. */
export function safeNext(next: string | null | undefined): string {
	return next && /^\/me(\/[A-Za-z0-9_-]+)*$/.test(next) ? next : '/me';
}

/** Staff land in the staff area, stakeholders on their own page (or the page of their area they were sent to). */
/** Runs the sending after the answer; a failure is logged (the person may ask again). */
const inBackground = (send: () => Promise<void>) => {
	setImmediate(() => {
		send().catch((error: unknown) => console.error(`A sign-in link could not be sent: ${(error as Error).message}`));
	});
};

export async function requestSignInLink(db: Database, sender: MagicLinkSender, rawEmail: string, next?: string | null, background: (send: () => Promise<void>) => void = inBackground): Promise<RequestSignInLinkResult> {
	const email = rawEmail.trim().toLowerCase();
	if (!isValidEmail(email)) return { ok: false, reason: 'invalid-email' };
	const [user] = await db.select({ id: authUser.id, role: authUser.role }).from(authUser).where(eq(authUser.email, email));
	if (user && isStaff(user.role)) {
		background(() => sender.signInMagicLink(email, '/staff'));
		return { ok: true };
	}
	const [known] = await db
		.select({ id: person.id, name: person.name, userId: person.userId })
		.from(person)
		.where(and(sql`lower(${person.email}) = ${email}`, isNull(person.erasedAt)));
	if (!known) return { ok: true };
	// better-auth signs in existing users only (sign-up is off): make sure this person has one.
	if (!user) {
		const id = randomBytes(16).toString('hex');
		await db.insert(authUser).values({ id, email, name: known.name, role: 'stakeholder', emailVerified: false }).onConflictDoNothing();
	}
	const callbackURL = safeNext(next);
	background(() => sender.signInMagicLink(email, callbackURL));
	return { ok: true };
}
