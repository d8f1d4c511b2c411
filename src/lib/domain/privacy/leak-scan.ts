// The leak scan: any text (a draft report, an edited paragraph, a file given to the CLI) against
// the attendee list. A non-attributable attendee's name — in any order and case, with or without
// diacritics, possessive, or as initials with the surname — or email blocks; so does any phone
// number. The names and aliases of their organizations warn (an organization may be named for
// other reasons, but a rapporteur must look). On-record speakers may be named.

import { escapeRegExp, fold, originalSpan } from './normalize';

export type Attribution = 'on-record' | 'non-attributable';

export interface Attendee {
	name: string;
	email?: string | null;
	organization?: string | null;
	organizationAliases?: readonly string[];
	attribution: Attribution;
}

export interface Finding {
	kind: 'person' | 'email' | 'phone' | 'organization';
	severity: 'block' | 'warn';
	start: number;
	end: number;
	text: string;
	/** Whose name, email or organization it is. */
	subject: string | null;
}

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'hon', 'sir', 'madam', 'h.e', 'he']);
const TITLES = 'mr|mrs|ms|miss|dr|prof|hon|sir|madam|madame';
const LETTER = '\\p{L}\\p{M}';
const before = `(?<![${LETTER}])`;
const after = `(?![${LETTER}])`;

function nameTokens(name: string): string[] {
	return fold(name)
		.text.split(/[\s,]+/)
		.map((t) => t.replace(/\.$/, ''))
		.filter((t) => t && !HONORIFICS.has(t));
}

/** Patterns for one person's name: given order, surname first (with or without a comma), initials with surname. */
function namePatterns(name: string): RegExp[] {
	const tokens = nameTokens(name);
	if (!tokens.length) return [];
	const join = (parts: string[]) => parts.map((p) => escapeRegExp(p).replace(/-/g, '[-\\s]?')).join('[\\s]+');
	const possessive = "(?:'s?)?";
	const patterns = [join(tokens)];
	if (tokens.length > 1) {
		const surname = tokens[tokens.length - 1];
		const given = tokens.slice(0, -1);
		patterns.push(`${escapeRegExp(surname)},?\\s+${join(given)}`);
		const initials = given.map((g) => `${escapeRegExp(g[0])}\\.?`).join('\\s*');
		patterns.push(`${initials}\\s*${escapeRegExp(surname)}`);
	}
	return patterns.map((p) => new RegExp(`${before}(?:${p})${possessive}${after}`, 'gu'));
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// International or local numbers of 7+ digits, with spaces, dots, dashes or parentheses.
// Not a part of an identifier such as a UUID ("…-4e6f-237667000240"): no letter, digit or hyphen around it.
const PHONE = /(?<![\p{L}\p{N}-])\+?\(?\d[\d\s().-]{5,}\d(?![\p{L}\p{N}-])/gu;

export function scanForLeaks(text: string, attendees: readonly Attendee[]): Finding[] {
	const folded = fold(text);
	const findings: Finding[] = [];
	const push = (kind: Finding['kind'], severity: Finding['severity'], start: number, end: number, subject: string | null) => {
		const span = originalSpan(folded, start, end, text);
		if (findings.some((f) => f.start <= span.start && f.end >= span.end && f.kind === kind)) return;
		findings.push({ kind, severity, ...span, text: text.slice(span.start, span.end), subject });
	};

	// A protected participant who shares the full name of a speaker on the record: the name may be
	// the speaker's, so it warns (a person must check) instead of blocking.
	const onRecordNames = new Set(attendees.filter((a) => a.attribution === 'on-record').map((a) => nameTokens(a.name).join(' ')));
	for (const a of attendees) {
		if (a.attribution !== 'non-attributable') continue;
		const severity = onRecordNames.has(nameTokens(a.name).join(' ')) ? 'warn' : 'block';
		for (const pattern of namePatterns(a.name)) {
			for (const match of folded.text.matchAll(pattern)) push('person', severity, match.index!, match.index! + match[0].length, a.name);
		}
	}

	// Distinctive name tokens: any part of the name after a title ("Ms. Ánh", "Mr Leota"), and the
	// surname alone when written with a capital inside a sentence ("as Leota put it"). A token that
	// is also part of an on-record speaker's name is not distinctive: "Dr. Liam" may be them.
	const onRecordTokens = new Set(attendees.filter((a) => a.attribution === 'on-record').flatMap((a) => nameTokens(a.name)));
	for (const a of attendees) {
		if (a.attribution !== 'non-attributable') continue;
		const tokens = nameTokens(a.name).filter((t) => t.length >= 2 && !onRecordTokens.has(t));
		if (!tokens.length) continue;
		const titled = new RegExp(`${before}(?:${TITLES})\\.?\\s+(?:${tokens.map(escapeRegExp).join('|')})(?:'s?)?${after}`, 'gu');
		for (const match of folded.text.matchAll(titled)) push('person', 'block', match.index!, match.index! + match[0].length, a.name);
		const allTokens = nameTokens(a.name);
		const surname = allTokens[allTokens.length - 1];
		if (allTokens.length > 1 && surname.length >= 4 && tokens.includes(surname)) {
			for (const match of folded.text.matchAll(new RegExp(`${before}${escapeRegExp(surname)}(?:'s?)?${after}`, 'gu'))) {
				const span = originalSpan(folded, match.index!, match.index! + match[0].length, text);
				const isCapitalized = /^\p{Lu}/u.test(text.slice(span.start));
				const isSentenceStart = /(?:^|[.!?]\s*|\n\s*)$/u.test(text.slice(Math.max(0, span.start - 3), span.start));
				if (isCapitalized && !isSentenceStart) push('person', 'block', match.index!, match.index! + match[0].length, a.name);
			}
		}
	}

	const emails = new Map(attendees.filter((a) => a.email).map((a) => [a.email!.toLowerCase(), a]));
	for (const match of text.matchAll(EMAIL)) {
		const owner = emails.get(match[0].toLowerCase());
		if (owner?.attribution === 'on-record') continue;
		findings.push({ kind: 'email', severity: 'block', start: match.index!, end: match.index! + match[0].length, text: match[0], subject: owner?.name ?? null });
	}
	for (const match of text.matchAll(PHONE)) {
		const digits = match[0].replace(/\D/g, '');
		if (digits.length < 7 || digits.length > 15 || /^(19|20)\d{2}$/.test(digits)) continue;
		// A bare run of digits is an identifier or a timestamp unless it is written like a number to
		// dial: with a "+", a leading 0 (a local number), or separators between groups of digits.
		if (!/^[+(0]/.test(match[0]) && !/\d[\s().-]+\d/.test(match[0])) continue;
		// Dates ("2026-11-23", "23.11.2026", "11/23/2026") are not numbers to dial either.
		if (/^\d{4}-\d{2}-\d{2}$|^\d{1,2}[./-]\d{1,2}[./-]\d{4}$/.test(match[0].trim())) continue;
		findings.push({ kind: 'phone', severity: 'block', start: match.index!, end: match.index! + match[0].length, text: match[0], subject: null });
	}

	const organizations = new Map<string, string>();
	for (const a of attendees) {
		if (a.attribution !== 'non-attributable' || !a.organization) continue;
		for (const n of [a.organization, ...(a.organizationAliases ?? [])]) if (n.trim().length >= 3) organizations.set(fold(n.trim()).text, a.organization);
	}
	for (const [name, organization] of organizations) {
		const pattern = new RegExp(`${before}${escapeRegExp(name).replace(/\s+/g, '\\s+')}${after}`, 'gu');
		for (const match of folded.text.matchAll(pattern)) push('organization', 'warn', match.index!, match.index! + match[0].length, organization);
	}
	return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}
