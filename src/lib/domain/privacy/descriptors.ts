// Recognizing how a free text describes its speakers, so the anonymity-set check can run on text a
// person edited or on a file given to the CLI. A speaker phrase opens with a determiner ("a",
// "another", "one") followed by a person noun ("a participant", "a Bhutanese MP", "a woman
// trade unionist from Nepal"); every country, subregion, category and gender word up to the verb
// that ends the phrase describes that speaker, and so do gendered pronouns and titles ("she",
// "Ms.") later in the same passage, until the next speaker phrase or named speaker.

import { CATEGORY_TERMS, COUNTRY_TERMS, GENDER_TERMS, REPORTING_VERBS, SPEAKER_DETERMINERS, SPEAKER_NOUNS, SUBREGION_TERMS } from './lexicon';
import { escapeRegExp, fold, originalSpan } from './normalize';

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
const WORD = /[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*\.?/gu;

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

let cached: { pattern: RegExp; byTerm: Map<string, [Hit['kind'], string][]> } | null = null;
function lexicon() {
	if (cached) return cached;
	const rows = termTable();
	const byTerm = new Map<string, [Hit['kind'], string][]>();
	for (const [kind, value, term] of rows) byTerm.set(term, [...(byTerm.get(term) ?? []), [kind, value]]);
	const alternatives = [...byTerm.keys()].map((t) => escapeRegExp(t).replace(/\\?[-\s]/g, '[-\\s]?'));
	// Titles take an optional full stop ("Ms."); everything else stands between non-letters.
	const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
	cached = { pattern, byTerm };
	return cached;
}

function hitsOf(folded: string): Hit[] {
	const { pattern, byTerm } = lexicon();
	const hits: Hit[] = [];
	for (const match of folded.matchAll(pattern)) {
		const key = match[0].replace(/\s+/g, ' ');
		const entries = byTerm.get(key) ?? byTerm.get(key.replace(/-/g, ' ')) ?? findLoosely(byTerm, key);
		const end = match.index! + match[0].length;
		// "one-stop", "one-third": a hyphenated word is not a determiner opening a speaker phrase.
		const isHyphenated = folded[end] === '-' || folded[match.index! - 1] === '-';
		for (const [kind, value] of entries) if (kind !== 'determiner' || !isHyphenated) hits.push({ start: match.index!, end, kind, value });
	}
	return hits;
}

function findLoosely(byTerm: Map<string, [Hit['kind'], string][]>, key: string): [Hit['kind'], string][] {
	const squash = (s: string) => s.replace(/[-\s]/g, '');
	for (const [term, entries] of byTerm) if (squash(term) === squash(key)) return entries;
	return [];
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
}

export function recognizeSpeakers(text: string, options: RecognizeOptions = {}): SpeakerMention[] {
	const mentions: SpeakerMention[] = [];
	const onRecord = (options.onRecordNames ?? []).map((n) => fold(n).text.trim()).filter((n) => n.length >= 3);
	passages(text).forEach(([pStart, pEnd], passageIndex) => {
		const original = text.slice(pStart, pEnd);
		const folded = fold(original);
		const hits = hitsOf(folded.text);
		const words = [...folded.text.matchAll(WORD)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, word: m[0].replace(/\.$/, '') }));
		// Punctuation ends a speaker's description, except inside a lexicon term ("Hong Kong, China", "Iran (Islamic Republic of)").
		const boundaries = [...folded.text.matchAll(/[.;:!?()\u2014]|,(?!\d)/g)]
			.map((m) => m.index!)
			.filter((i) => !isTitleStop(folded.text, i) && !hits.some((h) => h.kind !== 'verb' && h.start < i && i < h.end));
		const namedAt = onRecord.flatMap((n) => [...folded.text.matchAll(new RegExp(`(?<![\\p{L}])${escapeRegExp(n)}(?![\\p{L}])`, 'gu'))].map((m) => ({ start: m.index!, end: m.index! + m[0].length })));

		const span = (s: number, e: number) => {
			const o = originalSpan(folded, s, e, original);
			return { start: pStart + o.start, end: pStart + o.end, text: original.slice(o.start, o.end) };
		};
		const term = (h: Hit): DescriptorTerm => ({ key: h.kind as DescriptorKey, value: h.value, ...span(h.start, h.end) });

		type Open = { mention: SpeakerMention; phraseEnd: number };
		const events: ({ at: number; open: Open } | { at: number; hit: Hit })[] = [];
		const consumed = new Set<Hit>();

		for (const named of namedAt) {
			events.push({ at: named.start, open: { mention: { passage: passageIndex, ...span(named.start, named.end), onRecord: true, terms: [] }, phraseEnd: named.end } });
		}
		const determiners = hits.filter((h) => h.kind === 'determiner');
		for (const det of determiners.filter((d) => !determiners.some((o) => o !== d && o.start <= d.start && o.end >= d.end && o.end - o.start > d.end - d.start))) {
			const head = speakerHead(det, hits, words);
			if (!head) continue;
			const wordsEnd = phraseEndAfter(head.end, hits, boundaries, words, folded.text.length);
			const inside = hits.filter((h) => h.start >= det.end && h.start < wordsEnd && isDescriptor(h));
			const phraseEnd = Math.max(wordsEnd, ...inside.map((h) => h.end));
			inside.forEach((h) => consumed.add(h));
			const mention: SpeakerMention = { passage: passageIndex, ...span(det.start, phraseEnd), onRecord: false, terms: dedupeTerms(inside.map(term)) };
			events.push({ at: det.start, open: { mention, phraseEnd } });
		}
		for (const h of hits) {
			if (h.kind !== 'gender' || consumed.has(h) || !isPronounOrTitle(h, folded.text)) continue;
			// "Ms. Aroha": a title before a name names someone else, whom later pronouns refer to.
			const named = TITLES.has(folded.text.slice(h.start, h.end)) ? /^\.?\s+(\p{L}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)*)/u.exec(original.slice(originalSpan(folded, h.start, h.end, original).end)) : null;
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
				const between = current ? text.slice(current.end, e.open.mention.start) : '';
				if (current && !current.onRecord && !e.open.mention.onRecord && /^\s*,\s*$/.test(between)) {
					current.terms = dedupeTerms([...current.terms, ...e.open.mention.terms]);
					current.end = e.open.mention.end;
					current.text = text.slice(current.start, current.end);
					continue;
				}
				current = e.open.mention;
				mentions.push(current);
			} else if (current && !current.onRecord && e.at >= current.end - pStart) {
				current.terms = dedupeTerms([...current.terms, term(e.hit)]);
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

/** The head noun of a speaker phrase opened by a determiner, if the words after it make one. */
function speakerHead(det: Hit, hits: Hit[], words: { start: number; end: number; word: string }[]): Hit | null {
	let at = det.end;
	for (let step = 0; step < 6; step++) {
		const nextWord = words.find((w) => w.start >= at);
		if (!nextWord) return null;
		const longest = hits.filter((h) => h.start === nextWord.start && h.kind !== 'determiner').sort((a, b) => b.end - a.end)[0];
		if (longest) {
			const isHead =
				longest.kind === 'noun' ||
				(longest.kind === 'category' && hits.some((h) => h.start === longest.start && h.end === longest.end && PERSON_CATEGORY_TERMS.has(termText(h, words)))) ||
				(longest.kind === 'gender' && GENDER_NOUNS.has(nextWord.word) && !followedByHead(longest, hits, words));
			if (isHead) return longest;
			if (longest.kind === 'verb') return null;
			at = longest.end;
			continue;
		}
		if (!MODIFIERS.has(nextWord.word)) return null;
		at = nextWord.end;
	}
	return null;
}

function termText(h: Hit, words: { start: number; end: number; word: string }[]): string {
	return words
		.filter((w) => w.start >= h.start && w.end <= h.end + 1)
		.map((w) => w.word)
		.join(' ');
}

/** "a woman parliamentarian": the gender noun modifies the head that follows. */
function followedByHead(h: Hit, hits: Hit[], words: { start: number; end: number; word: string }[]): boolean {
	const next = words.find((w) => w.start >= h.end);
	if (!next) return false;
	return hits.some((x) => x.start === next.start && (x.kind === 'noun' || (x.kind === 'category' && PERSON_CATEGORY_TERMS.has(termText(x, words)))));
}

/** The phrase describing a speaker ends at punctuation, at a reporting verb, or after 14 words. */
function phraseEndAfter(from: number, hits: Hit[], boundaries: number[], words: { start: number; end: number }[], length: number): number {
	const stops = [length, ...boundaries.filter((b) => b >= from), ...hits.filter((h) => h.kind === 'verb' && h.start >= from).map((h) => h.start)];
	const wordsAfter = words.filter((w) => w.start >= from);
	if (wordsAfter.length > 14) stops.push(wordsAfter[14].start);
	const end = Math.min(...stops);
	const last = words.filter((w) => w.end <= end).pop();
	return Math.max(from, last ? last.end : from);
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
