// Recognizing how a free text describes its speakers, so the anonymity-set check can run on text a
// person edited or on a file given to the CLI. A speaker phrase opens with a determiner ("a",
// "another", "one") followed by a person noun ("a participant", "a Bhutanese MP", "a woman
// trade unionist from Nepal"); every country, subregion, category and gender word up to the verb
// that ends the phrase describes that speaker, and so do gendered pronouns and titles ("she",
// "Ms.") later in the same passage, until the next speaker phrase or named speaker.

import { CATEGORY_TERMS, COUNTRY_TERMS, GENDER_TERMS, REPORTING_VERBS, SPEAKER_DETERMINERS, SPEAKER_NOUNS, SUBREGION_TERMS } from './lexicon';
import { escapeRegExp, fold, originalSpan, type Folded } from './normalize';
import { firstWordFrom, isWordCharAt, lowerBound, wordSpans, type WordSpans } from './words';

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

interface Hit {
	start: number; // folded positions
	end: number;
	kind: DescriptorKey | 'determiner' | 'noun' | 'verb';
	value: string;
}

type TermTable = [DescriptorKey | 'determiner' | 'noun' | 'verb', string, string][]; // kind, value, folded term

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
	term: string;
}
const normalizeSeparator = (s: string) => s.replace(/[-\s]+/g, ' ');

let cached: { byFirst: Map<string, TermEntry[]>; byTerm: Map<string, [Hit['kind'], string][]> } | null = null;
function lexicon() {
	if (cached) return cached;
	const rows = termTable();
	const byTerm = new Map<string, [Hit['kind'], string][]>();
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
			list.push({ words: ws, separators: seps, term });
			byFirst.set(ws[0], list);
		}
	}
	for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length || b.term.length - a.term.length);
	cached = { byFirst, byTerm };
	return cached;
}
const WORD_PIECE = /[\p{L}\p{N}]+/gu;

/** Whether folded[from, to) holds a letter or digit. */
function hasWordChar(folded: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) if (isWordCharAt(folded, i)) return true;
	return false;
}

/** Lexicon terms in the folded text, leftmost and longest first, never overlapping. */
function hitsOf(folded: string, spans: WordSpans): Hit[] {
	const { byFirst, byTerm } = lexicon();
	const { starts, ends, texts } = spans;
	const hits: Hit[] = [];
	for (let i = 0; i < spans.count; i++) {
		const candidates = byFirst.get(texts[i]);
		if (!candidates) continue;
		let found: TermEntry | null = null;
		for (const c of candidates) {
			if (i + c.words.length > spans.count) continue;
			let ok = true;
			for (let j = 1; j < c.words.length && ok; j++) ok = texts[i + j] === c.words[j] && normalizeSeparator(folded.slice(ends[i + j - 1], starts[i + j])) === c.separators[j - 1];
			if (ok) {
				found = c;
				break;
			}
		}
		if (!found) continue;
		const start = starts[i];
		const end = ends[i + found.words.length - 1];
		// "one-stop", "one-third": a hyphenated word is not a determiner opening a speaker phrase.
		const isHyphenated = folded[end] === '-' || folded[start - 1] === '-';
		const entries = byTerm.get(found.term)!;
		for (let e = 0; e < entries.length; e++) {
			const kind = entries[e][0];
			const value = entries[e][1];
			if (kind === 'determiner' && isHyphenated) continue;
			// "a a a", "a@a@a": a determiner right before another one opens no phrase; keep the last only.
			const last = hits[hits.length - 1];
			if (kind === 'determiner' && last?.kind === 'determiner' && last.end <= start && !hasWordChar(folded, last.end, start)) {
				last.start = start;
				last.end = end;
				last.value = value;
			} else hits.push({ start, end, kind, value });
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

/** The part of a folded text that comes from original[from, to): positions stay those of the original. */
function foldedPart(all: Folded, from: number, to: number): { part: Folded; from: number; to: number } {
	const first = (at: number) => lowerBound(all.origin.length, at, (i) => all.origin[i]);
	const s = first(from);
	const e = first(to);
	const origin = all.origin as Int32Array | number[];
	return { part: { text: all.text.slice(s, e), origin: 'subarray' in origin ? origin.subarray(s, e) : origin.slice(s, e) }, from: s, to: e };
}

/** Index of the first item whose key is at least `at`, in a list sorted by it. */
const firstFrom = <T>(items: readonly T[], at: number, key: (t: T) => number): number => lowerBound(items.length, at, (i) => key(items[i]));

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
const wordFrom = (w: Words, at: number): number => lowerBound(w.count, at, (i) => w.starts[i]);

export function recognizeSpeakers(text: string, options: RecognizeOptions = {}): SpeakerMention[] {
	const mentions: SpeakerMention[] = [];
	const all = options.folded ?? fold(text);
	// Named on-record speakers, found once in the whole text (one pattern for all names).
	const names = [...new Set((options.onRecordNames ?? []).map((n) => fold(n).text.trim()).filter((n) => n.length >= 3))];
	const namedEverywhere: { start: number; end: number }[] = [];
	if (names.length) {
		const isLetter = (ch: string | undefined) => ch !== undefined && /\p{L}/u.test(ch);
		for (const m of all.text.matchAll(new RegExp(names.map(escapeRegExp).join('|'), 'g'))) {
			const start = m.index!;
			const end = start + m[0].length;
			if (!isLetter(all.text[start - 1]) && !isLetter(all.text[end])) namedEverywhere.push({ start: all.origin[start], end: all.origin[end - 1] + 1 });
		}
	}
	// Words and lexicon terms are read once over the whole text, then shared out to the passages.
	const allWords = options.words ?? wordSpans(all.text);
	const allHits = hitsOf(all.text, allWords);
	let nextHit = 0;
	passages(text).forEach(([pStart, pEnd], passageIndex) => {
		// Positions in `folded.origin` are those of the whole text; positions in `folded.text` are the passage's.
		const { part: folded, from: fs, to: fe } = foldedPart(all, pStart, pEnd);
		const firstPiece = firstWordFrom(allWords, fs);
		const lastPiece = firstWordFrom(allWords, fe);
		// This passage's pieces, read in place (positions made local as they are read).
		const pieces = { starts: allWords.starts.subarray(firstPiece, lastPiece), ends: allWords.ends.subarray(firstPiece, lastPiece) };
		const hits: Hit[] = [];
		while (nextHit < allHits.length && allHits[nextHit].start < fs) nextHit++;
		for (; nextHit < allHits.length && allHits[nextHit].start < fe; nextHit++) {
			const h = allHits[nextHit];
			if (h.end <= fe) hits.push({ ...h, start: h.start - fs, end: h.end - fs });
		}
		// Hits are sorted by start: the hits at a position are found by binary search, no map of them all.
		const hitsAt = (at: number): Hit[] | undefined => {
			let i = firstFrom(hits, at, (x) => x.start);
			if (hits[i]?.start !== at) return undefined;
			const out: Hit[] = [];
			while (hits[i]?.start === at) out.push(hits[i++]);
			return out;
		};
		const verbStarts: number[] = [];
		for (const h of hits) if (h.kind === 'verb') verbStarts.push(h.start);
		// Words as WORD reads them: pieces joined by one hyphen or apostrophe, a full stop kept at the end.
		const n = pieces.starts.length;
		const words: Words = { starts: new Int32Array(n), ends: new Int32Array(n), textEnds: new Int32Array(n), count: 0, text: folded.text };
		const t0 = folded.text;
		for (let i = 0; i < n; i++) {
			const start = pieces.starts[i] - fs;
			while (i + 1 < n && pieces.starts[i + 1] === pieces.ends[i] + 1 && (t0.charCodeAt(pieces.ends[i] - fs) === 45 || t0.charCodeAt(pieces.ends[i] - fs) === 39)) i++;
			const end = pieces.ends[i] - fs;
			words.starts[words.count] = start;
			words.textEnds[words.count] = end;
			words.ends[words.count] = folded.text[end] === '.' ? end + 1 : end;
			words.count++;
		}
		// Punctuation ends a speaker's description, except inside a lexicon term ("Hong Kong, China", "Iran (Islamic Republic of)").
		const boundaries: number[] = [];
		let h = 0;
		let reach = -1;
		const t = folded.text;
		for (let i = 0; i < t.length; i++) {
			// . ; : ! ? ( ) — and a comma not before a digit ("1,200")
			const c = t.charCodeAt(i);
			const isStop = c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 40 || c === 41 || c === 0x2014 || (c === 44 && !(t.charCodeAt(i + 1) >= 48 && t.charCodeAt(i + 1) <= 57));
			if (!isStop) continue;
			while (h < hits.length && hits[h].start < i) {
				if (hits[h].kind !== 'verb') reach = Math.max(reach, hits[h].end);
				h++;
			}
			if (!isTitleStop(folded.text, i) && !(reach > i)) boundaries.push(i);
		}
		// The named speakers of this passage, back to positions in its folded text.
		const local = (at: number) => lowerBound(folded.origin.length, at, (i) => folded.origin[i]);
		const namedAt: { start: number; end: number }[] = [];
		for (let n = firstFrom(namedEverywhere, pStart, (x) => x.start); n < namedEverywhere.length && namedEverywhere[n].end <= pEnd; n++) {
			namedAt.push({ start: local(namedEverywhere[n].start), end: local(namedEverywhere[n].end) });
		}
		const index = { words, hitsAt, boundaries, verbStarts, length: folded.text.length };

		const span = (s: number, e: number) => {
			const o = originalSpan(folded, s, e, text);
			return { start: o.start, end: o.end, text: text.slice(o.start, o.end) };
		};
		const term = (h: Hit): DescriptorTerm => ({ key: h.kind as DescriptorKey, value: h.value, ...span(h.start, h.end) });

		type Open = { mention: SpeakerMention; phraseEnd: number };
		const events: ({ at: number; open: Open } | { at: number; hit: Hit })[] = [];
		const consumed = new Set<Hit>();

		for (const named of namedAt) {
			events.push({ at: named.start, open: { mention: { passage: passageIndex, ...span(named.start, named.end), onRecord: true, terms: [] }, phraseEnd: named.end } });
		}
		for (let d = 0; d < hits.length; d++) {
			const det = hits[d];
			if (det.kind !== 'determiner') continue;
			const head = speakerHead(det, index);
			if (!head) continue;
			const wordsEnd = phraseEndAfter(head.end, index);
			const inside: Hit[] = [];
			let phraseEnd = wordsEnd;
			// Hits are sorted and do not overlap: the phrase's own start right after the determiner.
			for (let i = d + 1; i < hits.length && hits[i].start < wordsEnd; i++) {
				if (!isDescriptor(hits[i])) continue;
				inside.push(hits[i]);
				consumed.add(hits[i]);
				if (hits[i].end > phraseEnd) phraseEnd = hits[i].end;
			}
			const terms = inside.map(term);
			const mention: SpeakerMention = { passage: passageIndex, ...span(det.start, phraseEnd), onRecord: false, terms: terms.length > 1 ? dedupeTerms(terms) : terms };
			events.push({ at: det.start, open: { mention, phraseEnd } });
		}
		for (const h of hits) {
			if (h.kind !== 'gender' || consumed.has(h) || !isPronounOrTitle(h, folded.text)) continue;
			// "Ms. Aroha": a title before a name names someone else, whom later pronouns refer to.
			const named = TITLES.has(folded.text.slice(h.start, h.end))
				? /^\.?\s+(\p{L}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){0,5})/u.exec(text.slice(originalSpan(folded, h.start, h.end, text).end, Math.min(pEnd, originalSpan(folded, h.start, h.end, text).end + 200)))
				: null;
			if (named && /^\p{Lu}/u.test(named[1])) {
				const nameEnd = h.end + named[0].length;
				events.push({ at: h.start, open: { mention: { passage: passageIndex, ...span(h.start, nameEnd), onRecord: true, terms: [] }, phraseEnd: nameEnd } });
			} else events.push({ at: h.start, hit: h });
		}
		events.sort((a, b) => a.at - b.at);

		let current: SpeakerMention | null = null;
		for (const e of events) {
			if ('open' in e) {
				// "Another participant, a trade unionist from Nepal,": an apposition describes the same speaker.
				const between = current ? text.slice(current.end, Math.max(current.end, e.open.mention.start)) : '';
				if (current && !current.onRecord && !e.open.mention.onRecord && between.length < 20 && /^\s*,\s*$/.test(between)) {
					current.terms = dedupeTerms([...current.terms, ...e.open.mention.terms]);
					current.end = e.open.mention.end;
					current.text = text.slice(current.start, current.end);
					continue;
				}
				current = e.open.mention;
				mentions.push(current);
			} else if (current && !current.onRecord && e.at >= current.end - pStart) {
				current.terms.push(term(e.hit));
			}
		}
	});
	return mentions;
}

const isDescriptor = (h: Hit) => h.kind === 'country' || h.kind === 'subregion' || h.kind === 'category' || h.kind === 'gender';

function isPronounOrTitle(h: Hit, folded: string): boolean {
	const word = folded.slice(h.start, h.end);
	return !GENDER_NOUNS.has(word) && !['female', 'male'].includes(word);
}

/** "Ms." is not the end of a sentence. */
function isTitleStop(folded: string, i: number): boolean {
	if (folded[i] !== '.') return false;
	return /(?:^|[^\p{L}])(?:ms|mrs|mr|dr|prof|hon|st)$/u.test(folded.slice(Math.max(0, i - 5), i));
}

interface PassageIndex {
	words: Words;
	hitsAt: (at: number) => Hit[] | undefined;
	boundaries: number[];
	verbStarts: number[];
	length: number;
}

/** The head noun of a speaker phrase opened by a determiner, if the words after it make one. */
function speakerHead(det: Hit, ix: PassageIndex): Hit | null {
	let at = det.end;
	for (let step = 0; step < 6; step++) {
		const i = wordFrom(ix.words, at);
		if (i >= ix.words.count) return null;
		const here = ix.hitsAt(ix.words.starts[i]);
		let longest: Hit | null = null;
		if (here) for (const h of here) if (h.kind !== 'determiner' && (!longest || h.end > longest.end)) longest = h;
		const word = wordText(ix.words, i);
		if (longest) {
			const head = longest;
			const isHead =
				head.kind === 'noun' ||
				(head.kind === 'category' && here!.some((h) => h.start === head.start && h.end === head.end && PERSON_CATEGORY_TERMS.has(termText(h, ix.words)))) ||
				(head.kind === 'gender' && GENDER_NOUNS.has(word) && !followedByHead(head, ix));
			if (isHead) return head;
			if (head.kind === 'verb') return null;
			at = head.end;
			continue;
		}
		if (!MODIFIERS.has(word)) return null;
		at = ix.words.ends[i];
	}
	return null;
}

function termText(h: Hit, words: Words): string {
	const out: string[] = [];
	for (let i = wordFrom(words, h.start); i < words.count && words.ends[i] <= h.end + 1; i++) out.push(wordText(words, i));
	return out.join(' ');
}

/** "a woman parliamentarian": the gender noun modifies the head that follows. */
function followedByHead(h: Hit, ix: PassageIndex): boolean {
	const i = wordFrom(ix.words, h.end);
	if (i >= ix.words.count) return false;
	return (ix.hitsAt(ix.words.starts[i]) ?? []).some((x) => x.kind === 'noun' || (x.kind === 'category' && PERSON_CATEGORY_TERMS.has(termText(x, ix.words))));
}

/** The phrase describing a speaker ends at punctuation, at a reporting verb, or after 14 words. */
function phraseEndAfter(from: number, ix: PassageIndex): number {
	const stops = [ix.length];
	const b = ix.boundaries[firstFrom(ix.boundaries, from, (x) => x)];
	if (b !== undefined) stops.push(b);
	const v = ix.verbStarts[firstFrom(ix.verbStarts, from, (x) => x)];
	if (v !== undefined) stops.push(v);
	const firstWord = wordFrom(ix.words, from);
	if (ix.words.count - firstWord > 14) stops.push(ix.words.starts[firstWord + 14]);
	const end = Math.min(...stops);
	// The last word that ends by then: the one before the first that ends after it.
	const after = lowerBound(ix.words.count, end + 1, (i) => ix.words.ends[i]);
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
