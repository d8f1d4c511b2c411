// A stakeholder changes their own consents (to be contacted, to be listed) and the language of
// their emails. Only for themselves.
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { person } from '../db/schema';
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
	await db
		.update(person)
		.set({ ...preferences, updatedAt: now })
		.where(and(eq(person.id, actor.personId), isNull(person.erasedAt)));
	return { ok: true };
}
