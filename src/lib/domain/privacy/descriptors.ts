// Recognizing how a free text describes its speakers, so the anonymity-set check can run on text a
// person edited or on a file given to the CLI. A speaker phrase opens with a determiner ("a",
// "another", "one") followed by a person noun ("a participant", "a Bhutanese MP", "a woman
// trade unionist from Nepal"); every country, subregion, category and gender word up to the verb
// that ends the phrase describes that speaker, and so do gendered pronouns and titles ("she",
// "Ms.") later in the same passage, until the next speaker phrase or named speaker.

import { CATEGORY_TERMS, COUNTRY_TERMS, GENDER_TERMS, REPORTING_VERBS, SPEAKER_DETERMINERS, SPEAKER_NOUNS, SUBREGION_TERMS } from './lexicon';
import { escapeRegExp, fold, originalSpan, type Folded } from './normalize';
import { firstAtLeast, firstWordFrom, isWordCharAt, wordSpans, type WordSpans } from './words';

export type DescriptorKey = 'country' | 'subregion' | 'category' | 'gender';

export interface DescriptorTerm {
	key: DescriptorKey;
	value: string;
	start: number;
	end: number;
	text: string;
}

export interface SpeakerMention {
	passage: number;
	start: number;
	end: number;
	text: string;
	/** A named on-record speaker: pronouns that follow refer to them, and nothing is checked. */
	onRecord: boolean;
	terms: DescriptorTerm[];
}

/** Category terms that name a person, and so can head a speaker phrase (the others name organizations). */
const PERSON_CATEGORY_TERMS = new Set(
	[
		'migrant worker', 'migrant', 'returnee', 'returning migrant', 'domestic worker', 'activist', 'NGO representative', 'civil society representative',
		'diaspora representative', 'diaspora leader', 'faith leader', 'religious leader', 'local official', 'mayor', 'councillor', 'councilor',
		'city official', 'governor', 'business representative', 'employer', 'recruiter', 'entrepreneur', 'trade unionist', 'union leader',
		'union representative', 'unionist', 'parliamentarian', 'member of parliament', 'MP', 'legislator', 'lawmaker', 'senator', 'parliamentary staff',
		'human rights commissioner', 'ombudsman', 'ombudsperson', 'academic', 'researcher', 'professor', 'scholar', 'journalist', 'reporter', 'editor',
		'media representative'
	].map((t) => fold(t).text)
);
const TITLES = new Set(['ms', 'mrs', 'miss', 'mr', 'sir', 'madam', 'madame']);
const GENDER_NOUNS = new Set(['woman', 'man', 'lady', 'gentleman', 'congresswoman', 'congressman', 'chairwoman', 'chairman', 'spokeswoman', 'spokesman']);
/** Words allowed between the determiner and the head noun besides lexicon words. */
const MODIFIERS = new Set(['young', 'senior', 'junior', 'fellow', 'former', 'further', 'second', 'third', 'local', 'national', 'regional', 'returned', 'elected', 'female', 'male', 'veteran', 'newly', 'other']);

type HitKind = DescriptorKey | 'determiner' | 'noun' | 'verb';

/**
 * Lexicon terms found in the folded text, as parallel arrays (one entry a hit, sorted by start):
 * a hostile text of a million characters makes hundreds of thousands of hits, and objects for
 * them would cost more in garbage collection than finding them.
 */
interface Hits {
	start: Int32Array; // folded positions
	end: Int32Array;
	kind: HitKind[];
	value: string[];
	count: number;
}

type TermTable = [HitKind, string, string][]; // kind, value, folded term

function termTable(): TermTable {
	const rows: TermTable = [];
	for (const [code, terms] of Object.entries(COUNTRY_TERMS)) for (const t of terms) rows.push(['country', code, fold(t).text]);
	for (const [name, terms] of Object.entries(SUBREGION_TERMS)) for (const t of terms) rows.push(['subregion', name, fold(t).text]);
	for (const [id, terms] of Object.entries(CATEGORY_TERMS)) for (const t of terms) rows.push(['category', id, fold(t).text]);
	for (const [gender, terms] of Object.entries(GENDER_TERMS)) for (const t of terms) rows.push(['gender', gender, fold(t).text]);
	for (const t of SPEAKER_DETERMINERS) rows.push(['determiner', t, t]);
	for (const t of SPEAKER_NOUNS) rows.push(['noun', t, t], ['noun', t, `${t}s`]);
	for (const t of REPORTING_VERBS) rows.push(['verb', t, t]);
	return rows.sort((a, b) => b[2].length - a[2].length);
}

// Terms are looked up word by word (time linear in the text): each term is a sequence of words
// with the separators between them; a space or hyphen inside a term may also be left out
// ("Southeast Asia" for "South-East Asia"), as people write it.
interface TermEntry {
	words: string[];
	separators: string[]; // normalized: runs of spaces and hyphens as one space
	/** Every separator is a space (the common case, checked without building a string). */
	isSpaced: boolean;
	term: string;
	entries: [HitKind, string][];
}
const normalizeSeparator = (s: string) => s.replace(/[-\s]+/g, ' ');

/** Terms by their first word: the one-word term, and the longer ones by their second word ("a" → "further"). */
interface FirstWord {
	single: TermEntry | null;
	bySecond: Map<string, TermEntry[]>;
}
let cached: { byFirst: Map<string, FirstWord> } | null = null;
function lexicon() {
	if (cached) return cached;
	const rows = termTable();
	const byTerm = new Map<string, [HitKind, string][]>();
	for (const [kind, value, term] of rows) byTerm.set(term, [...(byTerm.get(term) ?? []), [kind, value]]);
	const byFirst = new Map<string, TermEntry[]>();
	for (const term of byTerm.keys()) {
		const words = [...term.matchAll(WORD_PIECE)].map((m) => ({ word: m[0], start: m.index!, end: m.index! + m[0].length }));
		if (!words.length) continue;
		const separators = words.slice(1).map((w, i) => normalizeSeparator(term.slice(words[i].end, w.start)));
		// Every way of leaving out spaces and hyphens between words.
		const joinable = separators.map((sep) => sep === ' ');
		const variants = 2 ** joinable.filter(Boolean).length;
		for (let mask = 0; mask < variants; mask++) {
			const ws = [words[0].word];
			const seps: string[] = [];
			let bit = 0;
			separators.forEach((sep, i) => {
				if (joinable[i] && mask & (1 << bit++)) ws[ws.length - 1] += words[i + 1].word;
				else {
					ws.push(words[i + 1].word);
					seps.push(sep);
				}
			});
			const list = byFirst.get(ws[0]) ?? [];
			list.push({ words: ws, separators: seps, isSpaced: seps.every((x) => x === ' '), term, entries: byTerm.get(term)! });
			byFirst.set(ws[0], list);
		}
	}
	const indexed = new Map<string, FirstWord>();
	for (const [first, list] of byFirst) {
		const entry: FirstWord = { single: null, bySecond: new Map() };
		for (const t of list) {
			if (t.words.length === 1) {
				if (!entry.single || t.term.length > entry.single.term.length) entry.single = t;
			}
			else entry.bySecond.set(t.words[1], [...(entry.bySecond.get(t.words[1]) ?? []), t]);
		}
		for (const longer of entry.bySecond.values()) longer.sort((a, b) => b.words.length - a.words.length || b.term.length - a.term.length);
		indexed.set(first, entry);
	}
	cached = { byFirst: indexed };
	return cached;
}
const WORD_PIECE = /[\p{L}\p{N}]+/gu;

/** Whether folded[from, to) is a run of spaces and hyphens, which normalizeSeparator makes one space. */
function isSpaceRun(folded: string, from: number, to: number): boolean {
	if (from >= to) return false;
	for (let i = from; i < to; i++) {
		const c = folded.charCodeAt(i);
		if (c !== 32 && c !== 45 && !(c >= 9 && c <= 13) && !(c >= 0x80 && /\s/.test(folded[i]))) return false;
	}
	return true;
}

/** Whether folded[from, to) holds a letter or digit. */
function hasWordChar(folded: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) if (isWordCharAt(folded, i)) return true;
	return false;
}

/** Lexicon terms in the folded text, leftmost and longest first, never overlapping. */
function hitsOf(folded: string, spans: WordSpans): Hits {
	const { byFirst } = lexicon();
	const { starts, ends, texts } = spans;
	const hits: Hits = { start: new Int32Array(spans.count + 16), end: new Int32Array(spans.count + 16), kind: [], value: [], count: 0 };
	const push = (start: number, end: number, kind: HitKind, value: string) => {
		if (hits.count === hits.start.length) {
			const grow = (a: Int32Array) => {
				const b = new Int32Array(a.length * 2);
				b.set(a);
				return b;
			};
			hits.start = grow(hits.start);
			hits.end = grow(hits.end);
		}
		hits.start[hits.count] = start;
		hits.end[hits.count] = end;
		hits.kind.push(kind);
		hits.value.push(value);
		hits.count++;
	};
	for (let i = 0; i < spans.count; i++) {
		const first = byFirst.get(texts[i]);
		if (!first) continue;
		// The longest term that starts here: those of two words or more (by the next word), then the word alone.
		let found: TermEntry | null = null;
		const longer = i + 1 < spans.count ? first.bySecond.get(texts[i + 1]) : undefined;
		if (longer) {
			for (const c of longer) {
				if (i + c.words.length > spans.count) continue;
				let ok = true;
				for (let j = 1; j < c.words.length && ok; j++) {
					ok = texts[i + j] === c.words[j] && (c.isSpaced ? isSpaceRun(folded, ends[i + j - 1], starts[i + j]) : normalizeSeparator(folded.slice(ends[i + j - 1], starts[i + j])) === c.separators[j - 1]);
				}
				if (ok) {
					found = c;
					break;
				}
			}
		}
		found ??= first.single;
		if (!found) continue;
		const start = starts[i];
		const end = ends[i + found.words.length - 1];
		// "one-stop", "one-third": a hyphenated word is not a determiner opening a speaker phrase.
		const isHyphenated = folded.charCodeAt(end) === 45 || folded.charCodeAt(start - 1) === 45;
		const entries = found.entries;
		for (let e = 0; e < entries.length; e++) {
			const kind = entries[e][0];
			const value = entries[e][1];
			if (kind === 'determiner' && isHyphenated) continue;
			// "a a a", "a@a@a": a determiner right before another one opens no phrase; keep the last only.
			const last = hits.count - 1;
			if (kind === 'determiner' && last >= 0 && hits.kind[last] === 'determiner' && hits.end[last] <= start && !hasWordChar(folded, hits.end[last], start)) {
				hits.start[last] = start;
				hits.end[last] = end;
				hits.value[last] = value;
			} else push(start, end, kind, value);
		}
		i += found.words.length - 1;
	}
	return hits;
}

/** Passages: paragraphs separated by a blank line. Returns [start, end) spans of the original. */
export function passages(text: string): [number, number][] {
	const spans: [number, number][] = [];
	const re = /\n[ \t]*\n+/g;
	let start = 0;
	for (const m of text.matchAll(re)) {
		spans.push([start, m.index!]);
		start = m.index! + m[0].length;
	}
	spans.push([start, text.length]);
	return spans.filter(([s, e]) => text.slice(s, e).trim());
}

export interface RecognizeOptions {
	/** Names of on-record speakers: a passage naming one of them refers pronouns to them. */
	onRecordNames?: readonly string[];
	/** The text already folded (the leak scan folds it too): folded once, not twice. */
	folded?: Folded;
	/** Its words, read once (words.ts). */
	words?: WordSpans;
}

/** The words of a passage as WORD reads them, in typed arrays (no object per word); text on demand. */
interface Words {
	starts: Int32Array;
	ends: Int32Array; // a full stop after a word is inside its end, not in its text
	textEnds: Int32Array;
	count: number;
	text: string;
}
const wordText = (w: Words, i: number) => w.text.slice(w.starts[i], w.textEnds[i]);
/** The first word starting at or after `at`, or `count`. */
const wordFrom = (w: Words, at: number): number => firstAtLeast(w.starts, w.count, at);

/** One passage, in positions of the whole folded text: its words, its hits and where phrases stop. */
interface PassageIndex {
	words: Words;
	hits: Hits;
	/** This passage's hits are hits[firstHit, endHit). */
	firstHit: number;
	endHit: number;
	boundaries: Int32Array;
	verbStarts: Int32Array;
	/** The end of the passage in the folded text. */
	limit: number;
}

/** The hits that start at `at`, as [from, to) indexes. */
function hitsAt(ix: PassageIndex, at: number): [number, number] {
	let i = Math.max(ix.firstHit, firstAtLeast(ix.hits.start, ix.endHit, at));
	const from = i;
	while (i < ix.endHit && ix.hits.start[i] === at) i++;
	return [from, i];
}

export function recognizeSpeakers(text: string, options: RecognizeOptions = {}): SpeakerMention[] {
	const mentions: SpeakerMention[] = [];
	const all = options.folded ?? fold(text);
	const t = all.text;
	// Named on-record speakers, found once in the whole text (one pattern for all names).
	const names = [...new Set((options.onRecordNames ?? []).map((n) => fold(n).text.trim()).filter((n) => n.length >= 3))];
	const namedEverywhere: { start: number; end: number }[] = [];
	if (names.length) {
		const isLetter = (ch: string | undefined) => ch !== undefined && /\p{L}/u.test(ch);
		for (const m of t.matchAll(new RegExp(names.map(escapeRegExp).join('|'), 'g'))) {
			const start = m.index!;
			const end = start + m[0].length;
			if (!isLetter(t[start - 1]) && !isLetter(t[end])) namedEverywhere.push({ start, end });
		}
	}
	// Words and lexicon terms are read once over the whole text, then shared out to the passages.
	const allWords = options.words ?? wordSpans(t);
	const hits = hitsOf(t, allWords);
	const term = (h: number): DescriptorTerm => {
		const o = originalSpan(all, hits.start[h], hits.end[h], text);
		return { key: hits.kind[h] as DescriptorKey, value: hits.value[h], start: o.start, end: o.end, text: text.slice(o.start, o.end) };
	};
	let nextHit = 0;
	let nextNamed = 0;
	passages(text).forEach(([pStart, pEnd], passageIndex) => {
		// The passage in the folded text: [fs, fe).
		const fs = firstAtLeast(all.origin, all.origin.length, pStart);
		const fe = firstAtLeast(all.origin, all.origin.length, pEnd);
		while (nextHit < hits.count && hits.start[nextHit] < fs) nextHit++;
		const firstHit = nextHit;
		while (nextHit < hits.count && hits.start[nextHit] < fe) nextHit++;
		// A term read across the blank line that ends the passage is not this passage's.
		let endHit = nextHit;
		while (endHit > firstHit && hits.end[endHit - 1] > fe) endHit--;
		const verbs: number[] = [];
		for (let h = firstHit; h < endHit; h++) if (hits.kind[h] === 'verb') verbs.push(hits.start[h]);
		// Words as WORD reads them: pieces joined by one hyphen or apostrophe, a full stop kept at the end.
		const firstPiece = firstWordFrom(allWords, fs);
		const endPiece = firstWordFrom(allWords, fe);
		const n = endPiece - firstPiece;
		const words: Words = { starts: new Int32Array(n), ends: new Int32Array(n), textEnds: new Int32Array(n), count: 0, text: t };
		for (let p = firstPiece; p < endPiece; p++) {
			const start = allWords.starts[p];
			while (p + 1 < endPiece && allWords.starts[p + 1] === allWords.ends[p] + 1 && (t.charCodeAt(allWords.ends[p]) === 45 || t.charCodeAt(allWords.ends[p]) === 39)) p++;
			const end = allWords.ends[p];
			words.starts[words.count] = start;
			words.textEnds[words.count] = end;
			words.ends[words.count] = t.charCodeAt(end) === 46 && end < fe ? end + 1 : end;
			words.count++;
		}
		// Punctuation ends a speaker's description, except inside a lexicon term ("Hong Kong, China", "Iran (Islamic Republic of)").
		const boundaries: number[] = [];
		let h = firstHit;
		let reach = -1;
		for (let i = fs; i < fe; i++) {
			// . ; : ! ? ( ) — and a comma not before a digit ("1,200")
			const c = t.charCodeAt(i);
			const isStop = c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 40 || c === 41 || c === 0x2014 || (c === 44 && !(i + 1 < fe && t.charCodeAt(i + 1) >= 48 && t.charCodeAt(i + 1) <= 57));
			if (!isStop) continue;
			while (h < endHit && hits.start[h] < i) {
				if (hits.kind[h] !== 'verb') reach = Math.max(reach, hits.end[h]);
				h++;
			}
			if (!isTitleStop(t, fs, i) && !(reach > i)) boundaries.push(i);
		}
		const ix: PassageIndex = { words, hits, firstHit, endHit, boundaries: Int32Array.from(boundaries), verbStarts: Int32Array.from(verbs), limit: fe };
		const mentionOf = (s: number, e: number, onRecord: boolean, terms: DescriptorTerm[]): SpeakerMention => {
			const o = originalSpan(all, s, e, text);
			return { passage: passageIndex, start: o.start, end: o.end, text: text.slice(o.start, o.end), onRecord, terms };
		};

		// What opens a speaker (a speaker phrase, a named speaker) and what describes the current one
		// (a pronoun, a title), in the order of the text. `end` is the folded end of an opening phrase.
		type Event = { at: number; mention: SpeakerMention | null; end: number; hit: number };
		const events: Event[] = [];
		const consumed = new Uint8Array(endHit - firstHit);

		while (nextNamed < namedEverywhere.length && namedEverywhere[nextNamed].start < fs) nextNamed++;
		for (; nextNamed < namedEverywhere.length && namedEverywhere[nextNamed].end <= fe; nextNamed++) {
			const named = namedEverywhere[nextNamed];
			events.push({ at: named.start, mention: mentionOf(named.start, named.end, true, []), end: named.end, hit: -1 });
		}
		for (let d = firstHit; d < endHit; d++) {
			if (hits.kind[d] !== 'determiner') continue;
			const head = speakerHead(d, ix);
			if (head < 0) continue;
			const wordsEnd = phraseEndAfter(hits.end[head], ix);
			const terms: DescriptorTerm[] = [];
			let phraseEnd = wordsEnd;
			// Hits are sorted and do not overlap: the phrase's own start right after the determiner.
			for (let i = d + 1; i < endHit && hits.start[i] < wordsEnd; i++) {
				if (!isDescriptor(hits.kind[i])) continue;
				terms.push(term(i));
				consumed[i - firstHit] = 1;
				if (hits.end[i] > phraseEnd) phraseEnd = hits.end[i];
			}
			events.push({ at: hits.start[d], mention: mentionOf(hits.start[d], phraseEnd, false, terms.length > 1 ? dedupeTerms(terms) : terms), end: phraseEnd, hit: -1 });
		}
		for (let g = firstHit; g < endHit; g++) {
			if (hits.kind[g] !== 'gender' || consumed[g - firstHit]) continue;
			const word = t.slice(hits.start[g], hits.end[g]);
			if (GENDER_NOUNS.has(word) || word === 'female' || word === 'male') continue;
			// "Ms. Aroha": a title before a name names someone else, whom later pronouns refer to.
			const after = TITLES.has(word) ? originalSpan(all, hits.start[g], hits.end[g], text).end : -1;
			const named = after >= 0 ? /^\.?\s+(\p{L}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){0,5})/u.exec(text.slice(after, Math.min(pEnd, after + 200))) : null;
			if (named && /^\p{Lu}/u.test(named[1])) {
				const nameEnd = hits.end[g] + named[0].length;
				events.push({ at: hits.start[g], mention: mentionOf(hits.start[g], nameEnd, true, []), end: nameEnd, hit: -1 });
			} else events.push({ at: hits.start[g], mention: null, end: -1, hit: g });
		}
		events.sort((a, b) => a.at - b.at);

		let current: SpeakerMention | null = null;
		let currentEnd = -1;
		for (const e of events) {
			if (e.mention) {
				// "Another participant, a trade unionist from Nepal,": an apposition describes the same speaker.
				const between = current ? text.slice(current.end, Math.max(current.end, e.mention.start)) : '';
				if (current && !current.onRecord && !e.mention.onRecord && between.length < 20 && /^\s*,\s*$/.test(between)) {
					current.terms = dedupeTerms([...current.terms, ...e.mention.terms]);
					current.end = e.mention.end;
					current.text = text.slice(current.start, current.end);
					currentEnd = e.end;
					continue;
				}
				current = e.mention;
				currentEnd = e.end;
				mentions.push(current);
			} else if (current && !current.onRecord && e.at >= currentEnd) {
				current.terms.push(term(e.hit));
			}
		}
	});
	return mentions;
}

const isDescriptor = (kind: HitKind) => kind === 'country' || kind === 'subregion' || kind === 'category' || kind === 'gender';

/** "Ms." is not the end of a sentence. */
function isTitleStop(folded: string, from: number, i: number): boolean {
	if (folded.charCodeAt(i) !== 46) return false;
	return /(?:^|[^\p{L}])(?:ms|mrs|mr|dr|prof|hon|st)$/u.test(folded.slice(Math.max(from, i - 5), i));
}

/** The head noun of a speaker phrase opened by a determiner, if the words after it make one (its hit, or -1). */
function speakerHead(det: number, ix: PassageIndex): number {
	const { hits, words } = ix;
	let at = hits.end[det];
	for (let step = 0; step < 6; step++) {
		const i = wordFrom(words, at);
		if (i >= words.count) return -1;
		const [from, to] = hitsAt(ix, words.starts[i]);
		let longest = -1;
		for (let h = from; h < to; h++) if (hits.kind[h] !== 'determiner' && (longest < 0 || hits.end[h] > hits.end[longest])) longest = h;
		const word = wordText(words, i);
		if (longest >= 0) {
			const kind = hits.kind[longest];
			const isHead =
				kind === 'noun' ||
				(kind === 'category' && PERSON_CATEGORY_TERMS.has(termText(hits.start[longest], hits.end[longest], words))) ||
				(kind === 'gender' && GENDER_NOUNS.has(word) && !followedByHead(longest, ix));
			if (isHead) return longest;
			if (kind === 'verb') return -1;
			at = hits.end[longest];
			continue;
		}
		if (!MODIFIERS.has(word)) return -1;
		at = words.ends[i];
	}
	return -1;
}

function termText(start: number, end: number, words: Words): string {
	const out: string[] = [];
	for (let i = wordFrom(words, start); i < words.count && words.ends[i] <= end + 1; i++) out.push(wordText(words, i));
	return out.join(' ');
}

/** "a woman parliamentarian": the gender noun modifies the head that follows. */
function followedByHead(h: number, ix: PassageIndex): boolean {
	const { hits, words } = ix;
	const i = wordFrom(words, hits.end[h]);
	if (i >= words.count) return false;
	const [from, to] = hitsAt(ix, words.starts[i]);
	for (let x = from; x < to; x++) if (hits.kind[x] === 'noun' || (hits.kind[x] === 'category' && PERSON_CATEGORY_TERMS.has(termText(hits.start[x], hits.end[x], words)))) return true;
	return false;
}

/** The phrase describing a speaker ends at punctuation, at a reporting verb, or after 14 words. */
function phraseEndAfter(from: number, ix: PassageIndex): number {
	let end = ix.limit;
	const b = firstAtLeast(ix.boundaries, ix.boundaries.length, from);
	if (b < ix.boundaries.length) end = Math.min(end, ix.boundaries[b]);
	const v = firstAtLeast(ix.verbStarts, ix.verbStarts.length, from);
	if (v < ix.verbStarts.length) end = Math.min(end, ix.verbStarts[v]);
	const firstWord = wordFrom(ix.words, from);
	if (ix.words.count - firstWord > 14) end = Math.min(end, ix.words.starts[firstWord + 14]);
	// The last word that ends by then: the one before the first that ends after it.
	const after = firstAtLeast(ix.words.ends, ix.words.count, end + 1);
	return Math.max(from, after > 0 ? ix.words.ends[after - 1] : from);
}

function dedupeTerms(terms: DescriptorTerm[]): DescriptorTerm[] {
	const seen = new Set<string>();
	return terms.filter((t) => {
		const key = `${t.key}:${t.value}:${t.start}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
