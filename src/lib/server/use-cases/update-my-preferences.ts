// A stakeholder changes their own consents (to be contacted, to be listed) and the language of
// their emails. Only for themselves.
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Database } from '../db';
import { person, registration } from '../db/schema';
import { ACTIVE_REGISTRATION_STATUSES } from '../../domain/enums';
import { FORBIDDEN, type Actor, type Forbidden } from '../../domain/policy';
import { locales } from '../../paraglide/runtime';

export const EMAIL_LOCALES = locales;

export interface MyPreferences {
	consentToContact: boolean;
	consentToList: boolean;
	preferredLocale: string;
}

export async function updateMyPreferences(db: Database, actor: Actor, preferences: MyPreferences, now: Date): Promise<{ ok: true } | Forbidden | { ok: false; reason: 'invalid-locale' }> {
	if (actor.kind !== 'stakeholder') return FORBIDDEN;
	if (!(EMAIL_LOCALES as readonly string[]).includes(preferences.preferredLocale)) return { ok: false, reason: 'invalid-locale' };
	const personId = actor.personId;
	await db.transaction(async (tx) => {
		const changed = await tx
			.update(person)
			.set({ ...preferences, updatedAt: now })
			.where(and(eq(person.id, personId), isNull(person.erasedAt)))
			.returning({ id: person.id });
		// The language chosen here is the one every later email about their registrations is in.
		if (changed.length) {
			await tx
				.update(registration)
				.set({ locale: preferences.preferredLocale, updatedAt: now })
				.where(and(eq(registration.personId, personId), inArray(registration.status, [...ACTIVE_REGISTRATION_STATUSES]), ne(registration.locale, preferences.preferredLocale)));
		}
	});
	return { ok: true };
}
