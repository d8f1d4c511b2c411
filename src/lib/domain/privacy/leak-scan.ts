// The leak scan: any text (a draft report, a note, a practice, a file given to the CLI) against
// the people it must not name. A protected person's name — in any order and case, with or without
// diacritics, a straight or curly possessive, across a line break, after a quote or a bracket, as
// initials with the surname, a name part after a title, or the surname alone written with a
// capital, sentence starts included — or email blocks; so does any phone number. The names and
// aliases of their organizations warn (an organization may be named for other reasons, but a person
// must look). On-record speakers may be named.
//
// Time is linear in the text (Chatham House at every exit must not become a way to stall the
// server): the text is folded and cut into words once; names are looked up word by word in a
// table built from the people; emails grow outwards from each "@" and phone numbers are read
// from runs of digits, with no backtracking pattern. Scripts written without spaces between
// words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) are searched as substrings, indexed by
// their first two characters.

import { fold, originalSpan, type Folded } from './normalize';
import { isWordCharAt, wordSpans, type WordSpans } from './words';

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
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'hon', 'sir', 'madam', 'madame']);
const WORD = /[\p{L}\p{N}]+/gu;
/** Scripts written without spaces between words: a name is a substring, not a word. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
// Between the words or pieces of a name: spaces and line breaks, hyphens and dashes, a comma
// (surname first), an apostrophe (O'Neil, N'Diaye: folded, so curly ones too).
const NAME_SEPARATOR = /^[\s\-‐‑–,']{1,6}$/;
const INITIAL_SEPARATOR = /^\.?\s{0,3}$/;
const TITLE_SEPARATOR = /^(?:\.?\s{1,3}|\.)$/;

/** The words of a name, without honorifics: "Hon. Maria Santos-Reyes" → ["maria", "santos-reyes"]. */
function nameWords(name: string): string[] {
	return fold(name)
		.text.split(/[\s,]+/)
		.map((t) => t.replace(/\.$/, ''))
		.filter((t) => t && !HONORIFICS.has(t));
}
/** A name word cut as the text is cut: "santos-reyes" → ["santos", "reyes"], "o'brien" → ["o", "brien"]. */
const pieces = (word: string) => word.match(WORD) ?? [];

interface Pattern {
	tokens: string[];
	/** Separators allowed between consecutive tokens. */
	separator: RegExp[];
	kind: Finding['kind'];
	severity: Finding['severity'];
	subject: string;
	/** Only when the first letter is written as a capital (or the script has no case). */
	isCapitalOnly?: boolean;
	/** Only when every word starts with a capital ("A. Park", not "a park"). */
	isEveryCapital?: boolean;
}

interface Table {
	/** Patterns of one word, by that word. */
	byFirst: Map<string, Pattern[]>;
	/** Patterns of two or more words, by their first word then their second ("grace" → "okonjo"): a repeated first name costs one lookup. */
	byFirstTwo: Map<string, Map<string, Pattern[]>>;
	bySignature: Map<string, Pattern>;
	/** Name words that block after a title ("Ms. Tavita", "Mr Leota"), by their first piece. */
	titled: Map<string, Pattern[]>;
	unspaced: Map<string, { text: string; severity: Finding['severity']; subject: string }[]>;
}

function addPattern(table: Table, p: Pattern) {
	if (!p.tokens.length || p.tokens.some((t) => !t)) return;
	// Many people may share a name or a name word: one pattern per spelling finds the place once
	// (its subject names the first of them), so a repeated common name costs one lookup, not one per person.
	const signature = `${p.kind}|${p.tokens.join(' ')}|${p.isCapitalOnly ?? ''}|${p.isEveryCapital ?? ''}|${p.separator.map((r) => r.source).join('/')}`;
	const same = table.bySignature.get(signature);
	if (same) {
		if (p.severity === 'block') same.severity = 'block';
		return;
	}
	table.bySignature.set(signature, p);
	let map = table.byFirst;
	if (p.tokens.length > 1) {
		map = table.byFirstTwo.get(p.tokens[0]) ?? new Map<string, Pattern[]>();
		table.byFirstTwo.set(p.tokens[0], map);
	}
	const key = p.tokens.length === 1 ? p.tokens[0] : p.tokens[1];
	const list = map.get(key);
	if (list) list.push(p);
	else map.set(key, [p]);
}

/** At most this many findings are reported for one text: past it, the text is refused anyway, and a
 * hostile text cannot make the stored check (or the page listing it) grow without end. */
export const MAX_FINDINGS = 200;

function addUnspaced(table: Table, text: string, severity: Finding['severity'], subject: string) {
	if (text.length < 2) return;
	const key = text.slice(0, 2);
	const list = table.unspaced.get(key) ?? [];
	list.push({ text, severity, subject });
	table.unspaced.set(key, list);
}

function buildTable(attendees: readonly Attendee[]): Table {
	const table: Table = { byFirst: new Map(), byFirstTwo: new Map(), bySignature: new Map(), titled: new Map(), unspaced: new Map() };
	const onRecord = attendees.filter((a) => a.attribution === 'on-record');
	const onRecordNames = new Set(onRecord.map((a) => nameWords(a.name).join(' ')));
	// A word that is also part of an on-record speaker's name is not distinctive: "Dr. Liam" may be them.
	const onRecordWords = new Set(onRecord.flatMap((a) => nameWords(a.name)));
	const named = new Set<string>();
	for (const a of attendees) {
		if (a.attribution !== 'non-attributable') continue;
		const words = nameWords(a.name);
		if (!words.length) continue;
		const key = words.join(' ');
		if (named.has(key)) continue;
		named.add(key);
		// A protected participant who shares the full name of a speaker on the record: the name may be
		// the speaker's, so it warns (a person must check) instead of blocking.
		const severity: Finding['severity'] = onRecordNames.has(key) ? 'warn' : 'block';
		const seq = (ws: string[]) => ws.flatMap(pieces);
		const name = (tokens: string[], sev: Finding['severity'] = severity): Pattern => ({ tokens, separator: tokens.slice(1).map(() => NAME_SEPARATOR), kind: 'person', severity: sev, subject: a.name });

		if (words.some((w) => UNSPACED.test(w))) {
			addUnspaced(table, words.join(''), severity, a.name);
			if (words.length > 1) addUnspaced(table, words.join(' '), severity, a.name);
			// Thai and similar names have a distinctive surname written as one word.
			const surname = words[words.length - 1];
			if (words.length > 1 && surname.length >= 4 && !onRecordWords.has(surname)) addUnspaced(table, surname, 'block', a.name);
			continue;
		}
		// A one-word name (a mononym, or a videoconference display name) is looked for when written
		// with a capital, so that "Participant" or "Grace" as a name does not block every ordinary word.
		if (words.length === 1) {
			if (words[0].length >= 3 && !onRecordWords.has(words[0])) addPattern(table, { ...name(seq(words)), isCapitalOnly: true });
		} else addPattern(table, name(seq(words)));
		if (words.length > 1) {
			const surname = words[words.length - 1];
			const given = words.slice(0, -1);
			addPattern(table, name([...pieces(surname), ...seq(given)]));
			const initials = given.map((g) => pieces(g)[0]?.[0] ?? '');
			const tokens = [...initials, ...pieces(surname)];
			addPattern(table, { tokens, separator: tokens.slice(1).map((_, i) => (i < initials.length ? INITIAL_SEPARATOR : NAME_SEPARATOR)), kind: 'person', severity, subject: a.name, isEveryCapital: true });
			// Any other name word alone, written with a capital: a given name ("Grace said"), or the
			// family name of a name written family name first ("Nguyễn said", "Park Ji-won" → "Park").
			for (const w of given) if (w.length >= 3 && !onRecordWords.has(w)) addPattern(table, { ...name(pieces(w), 'block'), isCapitalOnly: true });
			if (surname.length >= 3 && !onRecordWords.has(surname)) addPattern(table, { ...name(pieces(surname), 'block'), isCapitalOnly: true });
		}
		for (const w of words) {
			if (w.length < 2 || onRecordWords.has(w)) continue;
			const tokens = pieces(w);
			if (!tokens[0]) continue;
			const list = table.titled.get(tokens[0]) ?? [];
			list.push({ tokens, separator: tokens.slice(1).map(() => NAME_SEPARATOR), kind: 'person', severity: 'block', subject: a.name });
			table.titled.set(tokens[0], list);
		}
	}
	const organizations = new Map<string, string>();
	for (const a of attendees) {
		if (a.attribution !== 'non-attributable' || !a.organization) continue;
		for (const n of [a.organization, ...(a.organizationAliases ?? [])]) if (n.trim().length >= 3) organizations.set(fold(n.trim()).text, a.organization);
	}
	for (const [folded, organization] of organizations) {
		if (UNSPACED.test(folded)) {
			addUnspaced(table, folded.replace(/\s+/g, ''), 'warn', organization);
			continue;
		}
		const tokens = pieces(folded);
		addPattern(table, { tokens, separator: tokens.slice(1).map(() => /^[^.;:!?]{1,4}$/), kind: 'organization', severity: 'warn', subject: organization });
	}
	return table;
}

const CAPITAL = /^[\p{Lu}\p{Lt}\p{Lo}]/u;
const isCapital = (ch: string) => {
	const c = ch.charCodeAt(0);
	return c < 0x80 ? c >= 65 && c <= 90 : CAPITAL.test(ch);
};

function nameFindings(text: string, folded: Folded, table: Table, spans: WordSpans): Finding[] {
	const found: Finding[] = [];
	const ws = { start: spans.starts, end: spans.ends, text: spans.texts, length: spans.count };
	const span = (kind: Finding['kind'], severity: Finding['severity'], start: number, end: number, subject: string) => {
		// A possessive belongs to the name: "Park’s", "Okonjo's", "Reyes'".
		const possessive = /^'s?(?![\p{L}\p{N}])/u.exec(folded.text.slice(end, end + 3));
		if (possessive && kind === 'person') end += possessive[0].length;
		if (found.length >= MAX_FINDINGS) return;
		const o = originalSpan(folded, start, end, text);
		found.push({ kind, severity, start: o.start, end: o.end, text: text.slice(o.start, o.end), subject });
	};
	const tryPatterns = (i: number, candidates: Pattern[] | undefined) => {
		if (!candidates) return;
		for (const p of candidates) {
			if (i + p.tokens.length > ws.length) continue;
			// The words first (a comparison), the separators only then (a pattern each).
			let ok = true;
			for (let j = 1; j < p.tokens.length && ok; j++) ok = ws.text[i + j] === p.tokens[j];
			for (let j = 1; j < p.tokens.length && ok; j++) ok = p.separator[j - 1].test(folded.text.slice(ws.end[i + j - 1], ws.start[i + j]));
			if (!ok) continue;
			const start = ws.start[i];
			if (p.isCapitalOnly && !isCapital(text[folded.origin[start]] ?? '')) continue;
			if (p.isEveryCapital && !p.tokens.every((_, j) => isCapital(text[folded.origin[ws.start[i + j]]] ?? ''))) continue;
			span(p.kind, p.severity, start, ws.end[i + p.tokens.length - 1], p.subject);
		}
	};
	// Enough findings to refuse the text and say why: the rest of a hostile text need not be read.
	for (let i = 0; i < ws.length && found.length < MAX_FINDINGS; i++) {
		const w = ws.text[i];
		const single = table.byFirst.get(w);
		if (single) tryPatterns(i, single);
		if (i + 1 >= ws.length) continue;
		const two = table.byFirstTwo.get(w)?.get(ws.text[i + 1]);
		if (two) tryPatterns(i, two);
		// A title, then a distinctive part of a protected name.
		if (!TITLES.has(w) || !TITLE_SEPARATOR.test(folded.text.slice(ws.end[i], ws.start[i + 1]))) continue;
		for (const p of table.titled.get(ws.text[i + 1]) ?? []) {
			if (i + 1 + p.tokens.length > ws.length) continue;
			let ok = true;
			for (let j = 1; j < p.tokens.length && ok; j++) ok = ws.text[i + 1 + j] === p.tokens[j] && p.separator[j - 1].test(folded.text.slice(ws.end[i + j], ws.start[i + 1 + j]));
			if (ok) span('person', 'block', ws.start[i], ws.end[i + p.tokens.length], p.subject);
		}
	}
	if (table.unspaced.size) {
		const t = folded.text;
		for (let i = 0; i + 1 < t.length; i++) {
			if (t.charCodeAt(i) < 0x0e00) continue;
			const list = table.unspaced.get(t.slice(i, i + 2));
			if (!list) continue;
			for (const u of list) if (t.startsWith(u.text, i)) span(u.severity === 'warn' && u.subject && !list.some((x) => x.severity === 'block') ? 'organization' : 'person', u.severity, i, i + u.text.length, u.subject);
		}
	}
	return found;
}

// Character classes of an email address, by code for ASCII (the common case) and by class beyond.
const LETTER = /\p{L}/u;
// . _ % + - around letters and digits in the local part; . - in the domain.
const isLocal = (text: string, i: number) => {
	const c = text.charCodeAt(i);
	return c === 46 || c === 95 || c === 37 || c === 43 || c === 45 || isWordCharAt(text, i);
};
const isDomain = (text: string, i: number) => {
	const c = text.charCodeAt(i);
	return c === 46 || c === 45 || isWordCharAt(text, i);
};
const isLetter = (text: string, i: number) => {
	const c = text.charCodeAt(i);
	return c < 0x80 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) : LETTER.test(text[i]);
};

/** Email addresses, grown outwards from each "@": every character is looked at a bounded number of times. */
function emails(text: string): { start: number; end: number }[] {
	const out: { start: number; end: number }[] = [];
	let floor = 0; // a match never starts inside the previous one, nor before the previous "@"
	for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
		let start = at;
		while (start > floor && isLocal(text, start - 1)) start--;
		let end = at + 1;
		while (end < text.length && isDomain(text, end)) end++;
		floor = at + 1;
		if (start === at || end === at + 1) continue;
		// The domain ends with "." and two or more letters; the longest such prefix of the run.
		let matchEnd = -1;
		// Read backwards once: `letters` counts the letters that follow the current position.
		let letters = 0;
		let lettersEnd = end;
		for (let j = end - 1; j > at + 1; j--) {
			if (text[j] === '.') {
				if (letters >= 2) {
					matchEnd = lettersEnd;
					break;
				}
				letters = 0;
				lettersEnd = j;
			} else if (isLetter(text, j)) letters++;
			else {
				letters = 0;
				lettersEnd = j;
			}
		}
		if (matchEnd === -1) continue;
		out.push({ start, end: matchEnd });
		floor = matchEnd;
	}
	return out;
}

const SPACE = /\s/;
const RUN_CHARS = new Set(['(', ')', '.', '-']);
/** A character of a written number: a digit, a space, a bracket, a dot or a hyphen. */
const isRun = (ch: string) => (ch >= '0' && ch <= '9') || RUN_CHARS.has(ch) || ch === ' ' || (ch.charCodeAt(0) > 0x20 ? ch.charCodeAt(0) >= 0x80 && SPACE.test(ch) : SPACE.test(ch));
/** Glued to a number: a letter, a digit or a hyphen. */
const isAround = (ch: string) => ch === '-' || isWordCharAt(ch, 0);

/**
 * Telephone numbers: international or local numbers of 7 to 15 digits, with spaces, dots, dashes
 * or parentheses; not part of an identifier such as a UUID ("…-4e6f-237667000240"), a year or a date.
 */
function phones(text: string): { start: number; end: number; text: string }[] {
	const out: { start: number; end: number; text: string }[] = [];
	const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (!(c === '+' || c === '(' || isDigit(c))) continue;
		if (i > 0 && isAround(text[i - 1])) continue;
		// \+?\(?\d: an optional plus and bracket, then a digit.
		let s = i;
		if (text[s] === '+') s++;
		if (text[s] === '(') s++;
		if (!isDigit(text[s])) continue;
		let end = s + 1;
		while (end < text.length && isRun(text[end])) end++;
		// The last digit not glued to a letter, digit or hyphen after it.
		let last = end - 1;
		while (last > s && !(isDigit(text[last]) && !isAround(text[last + 1] ?? ' '))) last--;
		// Whatever happens, the next number starts after this run: each character is read once.
		const from = i;
		i = end - 1;
		if (last - s < 6) continue;
		const found = text.slice(from, last + 1);
		const digits = found.replace(/\D/g, '');
		if (digits.length < 7 || digits.length > 15 || /^(19|20)\d{2}$/.test(digits)) continue;
		// A bare run of digits is an identifier or a timestamp unless it is written like a number to
		// dial: with a "+", a leading 0 (a local number), or separators between groups of digits.
		if (!/^[+(0]/.test(found) && !/\d[\s().-]+\d/.test(found)) continue;
		// Dates ("2026-11-23", "23.11.2026", "11/23/2026") are not numbers to dial either.
		if (/^\d{4}-\d{2}-\d{2}$|^\d{1,2}[./-]\d{1,2}[./-]\d{4}$/.test(found.trim())) continue;
		out.push({ start: from, end: last + 1, text: found });
	}
	return out;
}

/** Tables by attendee list: the moderation page checks many texts against the same people. */
const TABLES = new WeakMap<readonly Attendee[], Table>();

export function scanForLeaks(text: string, attendees: readonly Attendee[], folded: Folded = fold(text), spans: WordSpans = wordSpans(folded.text)): Finding[] {
	let table = TABLES.get(attendees);
	if (!table) TABLES.set(attendees, (table = buildTable(attendees)));
	const findings: Finding[] = nameFindings(text, folded, table, spans);

	const owners = new Map(attendees.filter((a) => a.email).map((a) => [a.email!.toLowerCase(), a]));
	for (const m of emails(text)) {
		if (findings.length >= 2 * MAX_FINDINGS) break;
		const value = text.slice(m.start, m.end);
		const owner = owners.get(value.toLowerCase());
		if (owner?.attribution === 'on-record') continue;
		findings.push({ kind: 'email', severity: 'block', ...m, text: value, subject: owner?.name ?? null });
	}
	for (const m of phones(text)) {
		if (findings.length >= 3 * MAX_FINDINGS) break;
		findings.push({ kind: 'phone', severity: 'block', ...m, subject: null });
	}

	// One finding per place: a longer match of the same kind covers the shorter ones inside it.
	findings.sort((a, b) => a.start - b.start || b.end - a.end);
	const kept: Finding[] = [];
	const reach = new Map<Finding['kind'], number>();
	for (const f of findings) {
		if ((reach.get(f.kind) ?? -1) >= f.end) continue;
		reach.set(f.kind, Math.max(reach.get(f.kind) ?? -1, f.end));
		kept.push(f);
	}
	return kept.sort((a, b) => a.start - b.start || a.end - b.end).slice(0, MAX_FINDINGS);
}
