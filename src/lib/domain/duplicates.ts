// Likely duplicate people: the same person entered twice in one organization, with the name in
// another order, case, spelling of diacritics, or a typo. Emails are unique in the database, so
// duplicates that matter are those under different addresses.
import { slugify } from './reference';

/** "Nguyễn Văn  An" and "an van NGUYEN" compare equal. */
export function nameKey(name: string): string {
	return slugify(name).split('-').filter(Boolean).sort().join(' ');
}

export function levenshtein(a: string, b: string): number {
	if (a === b) return 0;
	let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		previous = current;
	}
	return previous[b.length];
}

export interface PersonForMatching<Id extends string = string> {
	id: Id;
	name: string;
	organizationId: string | null;
}

export interface DuplicatePair<Id extends string = string> {
	a: Id;
	b: Id;
	reason: 'same-name' | 'similar-name';
}

/** Pairs within the same organization whose names match up to order and accents, or differ by a typo. */
export function findPersonDuplicates<Id extends string>(people: readonly PersonForMatching<Id>[]): DuplicatePair<Id>[] {
	const byOrg = new Map<string, PersonForMatching<Id>[]>();
	for (const p of people) {
		if (!p.organizationId) continue;
		byOrg.set(p.organizationId, [...(byOrg.get(p.organizationId) ?? []), p]);
	}
	const pairs: DuplicatePair<Id>[] = [];
	for (const group of byOrg.values()) {
		const keys = group.map((p) => nameKey(p.name));
		for (let i = 0; i < group.length; i++) {
			for (let j = i + 1; j < group.length; j++) {
				if (keys[i] === keys[j]) pairs.push({ a: group[i].id, b: group[j].id, reason: 'same-name' });
				// A typo: at most one edit per eight letters, and never for short names ("Li Na" vs "Li Ma").
				else if (Math.min(keys[i].length, keys[j].length) >= 8 && levenshtein(keys[i], keys[j]) <= Math.floor(keys[i].length / 8))
					pairs.push({ a: group[i].id, b: group[j].id, reason: 'similar-name' });
			}
		}
	}
	return pairs;
}
