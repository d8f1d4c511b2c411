// Matching the people of a videoconference report to the consultation's registrants: by email
// first, then by name (the original name before a rename, then the display name), in any order of
// the name's parts, without case or diacritics. A name shared by two registrants matches nobody:
// staff choose by hand, as for every row left unmatched.

import { fold } from '../privacy/normalize';
import type { PersonId, RegistrationId } from '../ids';

export interface Registrant {
	registrationId: RegistrationId;
	personId: PersonId;
	name: string;
	email: string | null;
}

export interface Reported {
	name: string;
	originalName: string | null;
	email: string | null;
}

export type MatchResult<T extends Reported> = { reported: T; registrant: Registrant; by: 'email' | 'name' } | { reported: T; registrant: null; by: null };

const nameKey = (name: string) =>
	fold(name)
		.text.replace(/[^\p{L}\p{N}\s]/gu, ' ')
		.split(/\s+/)
		.filter(Boolean)
		.sort()
		.join(' ');

export function matchRegistrants<T extends Reported>(reported: readonly T[], registrants: readonly Registrant[]): MatchResult<T>[] {
	const byEmail = new Map<string, Registrant>();
	for (const r of registrants) if (r.email) byEmail.set(r.email.trim().toLowerCase(), r);
	const byName = new Map<string, Registrant[]>();
	for (const r of registrants) {
		const key = nameKey(r.name);
		byName.set(key, [...(byName.get(key) ?? []), r]);
	}
	const taken = new Set<string>();
	const results: MatchResult<T>[] = reported.map((p) => {
		const email = p.email?.trim().toLowerCase();
		const registrant = email ? byEmail.get(email) : undefined;
		if (registrant && !taken.has(registrant.registrationId)) {
			taken.add(registrant.registrationId);
			return { reported: p, registrant, by: 'email' as const };
		}
		return { reported: p, registrant: null, by: null };
	});
	for (const result of results) {
		if (result.registrant) continue;
		for (const name of [result.reported.originalName, result.reported.name]) {
			if (!name) continue;
			const candidates = (byName.get(nameKey(name)) ?? []).filter((r) => !taken.has(r.registrationId));
			if (candidates.length === 1 && (byName.get(nameKey(name)) ?? []).length === 1) {
				taken.add(candidates[0].registrationId);
				Object.assign(result, { registrant: candidates[0], by: 'name' });
				break;
			}
		}
	}
	return results;
}
