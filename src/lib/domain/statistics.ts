// Attendance statistics and the sentences a UN report uses for them: numbers from one to nine in
// words, 10 and above in figures, "per cent", lists joined with commas and "and". Counts under k
// are suppressed in every table that leaves the staff area (privacy/small-cells).

import { suppressCount } from './privacy/small-cells';

export interface AttendeeFacts {
	category: string | null;
	country: string | null;
	subregion: string | null;
	gender: string | null;
}

export interface Breakdown {
	value: string | null; // null: not known
	count: number;
}

export interface AttendanceStatistics {
	total: number;
	byCategory: Breakdown[];
	byCountry: Breakdown[];
	bySubregion: Breakdown[];
	byGender: Breakdown[];
}

function breakdown(attendees: readonly AttendeeFacts[], key: keyof AttendeeFacts): Breakdown[] {
	const counts = new Map<string | null, number>();
	for (const a of attendees) counts.set(a[key] ?? null, (counts.get(a[key] ?? null) ?? 0) + 1);
	return [...counts]
		.map(([value, count]) => ({ value, count }))
		.sort((a, b) => b.count - a.count || (a.value === null ? 1 : b.value === null ? -1 : a.value.localeCompare(b.value)));
}

export function attendanceStatistics(attendees: readonly AttendeeFacts[]): AttendanceStatistics {
	return {
		total: attendees.length,
		byCategory: breakdown(attendees, 'category'),
		byCountry: breakdown(attendees, 'country'),
		bySubregion: breakdown(attendees, 'subregion'),
		byGender: breakdown(attendees, 'gender')
	};
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** UN style: one to nine in words, 10 and above in figures (with a thin separator from 1,000). */
export function unNumber(n: number): string {
	return n >= 0 && n <= 9 && Number.isInteger(n) ? WORDS[n] : n.toLocaleString('en-GB');
}

/** At the start of a sentence every number is written in words or the sentence is rephrased; capitalize small ones. */
const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A country's name as it stands in a sentence: "the Philippines", "the Republic of Korea", "Nepal". */
export function countryInSentence(name: string): string {
	return /^(Philippines|Netherlands|Maldives|Russian Federation|Republic of Korea|Democratic People's Republic|Lao People's|United |Marshall Islands|Solomon Islands|Cook Islands|Northern Mariana|Federated States|Islamic Republic)/.test(name) ? `the ${name}` : name;
}

export function listInWords(items: readonly string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Percentages that add up to 100: largest remainders. */
export function percentages(counts: readonly number[]): number[] {
	const total = counts.reduce((a, b) => a + b, 0);
	if (!total) return counts.map(() => 0);
	const exact = counts.map((c) => (c * 100) / total);
	const floors = exact.map(Math.floor);
	let left = 100 - floors.reduce((a, b) => a + b, 0);
	const order = exact.map((e, i) => [e - floors[i], i] as const).sort((a, b) => b[0] - a[0]);
	for (const [, i] of order) {
		if (left <= 0) break;
		floors[i]++;
		left--;
	}
	return floors;
}

export interface SentenceLabels {
	/** A category's noun for n people: (n) => n === 1 ? 'parliamentarian' : 'parliamentarians'. */
	category: (id: string, n: number) => string;
	country: (code: string) => string;
}

/**
 * "42 participants attended, including 19 parliamentarians and four policy makers from nine
 * countries, namely Bhutan, Fiji and Nepal." Categories are listed largest first; a category
 * under k is not named (it would single people out), and neither is a country under k: the
 * count of countries stays, the list names only those with at least k participants.
 */
export function attendanceSentence(stats: AttendanceStatistics, labels: SentenceLabels, k: number): string {
	// Only the groups the public tables name.
	const namedCategories = namedInPublic(stats.byCategory, k);
	const namedCountries = namedInPublic(stats.byCountry, k);
	const known = stats.byCategory.filter((b) => b.value !== null && namedCategories.has(b.value));
	const countries = stats.byCountry.filter((b) => b.value !== null);
	const named = countries.filter((b) => namedCountries.has(b.value)).map((b) => labels.country(b.value!));
	const total = stats.total === 1 ? 'One participant attended' : `${capitalized(unNumber(stats.total))} participants attended`;
	let sentence = total;
	if (known.length) sentence += `, including ${listInWords(known.map((b) => `${unNumber(b.count)} ${labels.category(b.value!, b.count)}`))}`;
	if (countries.length) {
		sentence += ` from ${unNumber(countries.length)} ${countries.length === 1 ? 'country' : 'countries'}`;
		const inSentence = [...named].sort((a, b) => a.localeCompare(b)).map(countryInSentence);
		if (named.length === countries.length) sentence += `, namely ${listInWords(inSentence)}`;
		else if (named.length) sentence += `, among them ${listInWords(inSentence)}`;
	}
	return `${sentence}.`;
}

/**
 * "53 per cent of the participants were women, 40 per cent men and 7 per cent did not say." A share
 * is a count once the total is known, so the sentence gives a share only for what the public gender
 * table names (mergeSmallGroups, with its secondary suppression): women and men when the table names
 * them; the rest only when both are named (then the table's other lines add up to it), as "did not
 * say" or "of another gender" when the table names every group in it, else as one share "of another
 * gender or did not say" — never merged with men.
 */
export function genderSentence(stats: AttendanceStatistics, k: number): string | null {
	if (!stats.total) return null;
	const named = namedInPublic(stats.byGender, k);
	const count = (...values: (string | null)[]) => stats.byGender.filter((b) => values.includes(b.value)).reduce((sum, b) => sum + b.count, 0);
	const women = count('woman');
	const men = count('man');
	const [isWomen, isMen] = [named.has('woman'), named.has('man')];
	if (isWomen && !isMen) return `${percentages([women, stats.total - women])[0]} per cent of the participants were women.`;
	if (isMen && !isWomen) return `${percentages([men, stats.total - men])[0]} per cent of the participants were men.`;
	if (!isWomen) return null;
	const rest = stats.byGender.filter((b) => b.value !== 'woman' && b.value !== 'man' && b.count > 0);
	if (!rest.length) {
		const [pw, pm] = percentages([women, men]);
		return `${pw} per cent of the participants were women and ${pm} per cent men.`;
	}
	const another = count('non-binary', 'self-described');
	const notSaid = stats.total - women - men - another; // preferred not to say, or not recorded
	const isEachNamed = rest.every((b) => named.has(b.value));
	const lead = (pw: number, pm: number) => [`${pw} per cent of the participants were women`, `${pm} per cent men`];
	if (isEachNamed && another > 0 && notSaid > 0) {
		const [pw, pm, pa, pn] = percentages([women, men, another, notSaid]);
		return `${listInWords([...lead(pw, pm), `${pa} per cent of another gender`, `${pn} per cent did not say`])}.`;
	}
	const [pw, pm, pr] = percentages([women, men, another + notSaid]);
	const what = !isEachNamed ? 'of another gender or did not say' : another === 0 ? 'did not say' : 'of another gender';
	return `${listInWords([...lead(pw, pm), `${pr} per cent ${what}`])}.`;
}

/** The groups a public table of `rows` names (mergeSmallGroups, with its secondary suppression): what a sentence may name too. */
function namedInPublic(rows: readonly Breakdown[], k: number): Set<string | null> {
	return new Set(mergeSmallGroups(rows, k).filter((r) => r.value !== OTHER_GROUPS && r.count >= k).map((r) => r.value));
}

/** The line that stands for every group under k in a public breakdown. */
export const OTHER_GROUPS = 'other-groups';

/**
 * A breakdown as it may leave the staff area. No group under k is named: groups with 1 to k − 1
 * people are merged into one "other groups" line. Secondary suppression: when that line would
 * itself hold fewer than k people, the total minus the named lines would give it away, so the
 * smallest named groups join it until it holds at least k (or every group has joined). Groups
 * with nobody stay as they are: an absent group is a finding, not a person.
 */
export function mergeSmallGroups(rows: readonly Breakdown[], k: number): Breakdown[] {
	const small = rows.filter((r) => r.count > 0 && r.count < k);
	if (!small.length) return [...rows];
	const named = rows.filter((r) => !(r.count > 0 && r.count < k)).sort((a, b) => b.count - a.count);
	let other = small.reduce((sum, r) => sum + r.count, 0);
	while (other < k) {
		// The smallest group with people joins the other groups.
		const i = named.findLastIndex((r) => r.count > 0);
		if (i === -1) break;
		other += named[i].count;
		named.splice(i, 1);
	}
	return [...named, { value: OTHER_GROUPS, count: other }];
}

/** A breakdown as it may leave the staff area: small groups merged (mergeSmallGroups); a whole table under k shows "<k". */
export function publicBreakdown(rows: readonly Breakdown[], k: number): { value: string | null; count: string }[] {
	return mergeSmallGroups(rows, k).map((r) => ({ value: r.value, count: suppressCount(r.count, k) }));
}

/** English nouns for the members of each stakeholder category, singular and plural, for sentences. */
export const CATEGORY_NOUNS: Record<string, readonly [string, string]> = {
	migrants: ['migrant', 'migrants'],
	'civil-society': ['civil society representative', 'civil society representatives'],
	'migrant-and-diaspora-organizations': ['representative of migrant and diaspora organizations', 'representatives of migrant and diaspora organizations'],
	'faith-based-organizations': ['representative of faith-based organizations', 'representatives of faith-based organizations'],
	'local-authorities-and-communities': ['representative of local authorities and communities', 'representatives of local authorities and communities'],
	'private-sector': ['private sector representative', 'private sector representatives'],
	'trade-unions': ['trade unionist', 'trade unionists'],
	parliamentarians: ['parliamentarian', 'parliamentarians'],
	'national-human-rights-institutions': ['representative of national human rights institutions', 'representatives of national human rights institutions'],
	'red-cross-red-crescent-movement': ['representative of the Red Cross and Red Crescent Movement', 'representatives of the Red Cross and Red Crescent Movement'],
	academia: ['academic', 'academics'],
	media: ['media representative', 'media representatives'],
	'other-relevant-stakeholders': ['other stakeholder', 'other stakeholders']
};

export function categoryNoun(id: string, n: number): string {
	const nouns = CATEGORY_NOUNS[id];
	return nouns ? nouns[n === 1 ? 0 : 1] : id;
}
