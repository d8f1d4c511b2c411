// The house style of a UN summary report, applied to the sentences Convene writes from the notes:
// reported speech in the third person ("said that our parliament…" → "said that their parliament…"),
// recommendations phrased as recommendations ("Several participants called for X to be developed"
// → "X should be developed"), and "the" before the names of organizations. Every rewrite is
// conservative: when a text's shape is not certain (a name, an acronym, a quotation, another
// language, several sentences), it is left as written. The rapporteur's own words are never
// rewritten where they stand: `styleFlags` tells the rapporteur what the draft will change, or what
// it cannot, so that the text can be put right at the source.

import { COUNTRY_TERMS, SUBREGION_TERMS } from '../privacy/lexicon';

/** First-person words and their third-person forms (singular "they": the report does not assume a gender). */
const THIRD_PERSON: Record<string, string> = {
	i: 'they',
	me: 'them',
	my: 'their',
	mine: 'theirs',
	myself: 'themselves',
	we: 'they',
	us: 'them',
	our: 'their',
	ours: 'theirs',
	ourselves: 'themselves'
};
// A first-person word, with an English contraction after "I"/"we" ("I’m", "we've").
const FIRST_PERSON = /\b(I|me|my|mine|myself|we|us|our|ours|ourselves)\b(['’](?:m|ve|d|ll|re))?/gi;
const CONTRACTED: Record<string, string> = { m: 're', ve: 've', d: 'd', ll: 'll', re: 're' };

// Nouns that a Roman numeral "I" follows ("Article I", "Pillar I").
const NUMBERED = /\b(article|annex|appendix|box|category|chapter|class|figure|goal|grade|group|level|objective|option|part|phase|pillar|principle|protocol|round|schedule|scenario|section|stage|step|table|tier|title|track|type|volume|war)\s+$/i;
// Words common in English prose: a text with none of them is taken for another language and left alone.
const ENGLISH = /\b(the|and|of|to|is|are|was|were|that|in|for|has|have|with|not|our|we|my|us|I)\b/i;

/** Words of the first person the draft will turn into the third person (outside quotations). */
export function firstPersonWords(text: string): string[] {
	if (!ENGLISH.test(text)) return [];
	const found: string[] = [];
	for (const part of unquotedParts(text).filter((p) => !p.isQuote)) {
		for (const match of part.text.matchAll(FIRST_PERSON)) if (isPronoun(match[1], part.text, match.index, part.isStart)) found.push(match[1]);
	}
	return found;
}

/** The text in the third person, outside quotation marks: for a sentence that reports what was said. */
export function toThirdPerson(text: string): string {
	if (!ENGLISH.test(text)) return text;
	return unquotedParts(text)
		.map((part) =>
			part.isQuote
				? part.text
				: part.text
						.replace(FIRST_PERSON, (whole: string, word: string, contraction: string | undefined, offset: number, all: string) => {
							if (!isPronoun(word, all, offset, part.isStart)) return whole;
							const third = THIRD_PERSON[word.toLowerCase()];
							// The case of the word it replaces; "I" is a capital at a sentence's start only.
							const isCapital = word === 'I' ? isSentenceStart(all, offset, part.isStart) : /^[A-Z]/.test(word);
							const cased = isCapital ? third.charAt(0).toUpperCase() + third.slice(1) : third;
							return contraction ? `${cased}${contraction.charAt(0)}${CONTRACTED[contraction.slice(1).toLowerCase()]}` : cased;
						})
						// Agreement after the change: "they am/was" → "they are/were"; "Am/Was they" → "Are/Were they".
						.replace(/\b(they|They) am\b/g, '$1 are')
						.replace(/\b(they|They) was\b/g, '$1 were')
						.replace(/\b(they|They) wasn['’]t\b/g, (_, t: string) => `${t} weren’t`)
						.replace(/\b(Am|am) they\b/g, (_, a: string) => `${a === 'Am' ? 'Are' : 'are'} they`)
						.replace(/\b(Was|was) they\b/g, (_, w: string) => `${w === 'Was' ? 'Were' : 'were'} they`)
		)
		.join('');
}

function isSentenceStart(text: string, offset: number, isTextStart: boolean): boolean {
	const before = text.slice(0, offset);
	return (isTextStart && before.trim() === '') || /[.!?]["”’)]?\s+$/.test(before);
}

/**
 * Whether a first-person word is the pronoun: not an acronym ("US", "WE Charity", "MY-2025"), not a
 * capitalized word inside a sentence (a name: "Our Lady", "Me Too"), not a Roman numeral ("Article I",
 * "King George I").
 */
function isPronoun(word: string, text: string, offset: number, isTextStart: boolean): boolean {
	if (word.length > 1 && word === word.toUpperCase()) return false;
	if (/-/.test(text.charAt(offset + word.length))) return false; // "MY-2025", "me-too"
	const atStart = isSentenceStart(text, offset, isTextStart);
	if (word === 'I') {
		const before = text.slice(0, offset);
		if (NUMBERED.test(before)) return false;
		// After a name ("King George I"), but not after the first word of a sentence ("Then I said").
		const previous = /[A-Z][\p{L}]*\s+$/u.exec(before);
		if (previous && !isSentenceStart(text, previous.index, isTextStart)) return false;
		// A pronoun "I" comes before a verb or a contraction, not before a numeral or a capital.
		const after = text.slice(offset + 1, offset + 4);
		if (!/^(['’]|\s+[a-z])/.test(after)) return false;
		return true;
	}
	return atStart || word === word.toLowerCase();
}

/** Quotations (curly or straight, double or single, guillemets) keep their words. */
function unquotedParts(text: string): { text: string; isQuote: boolean; isStart: boolean }[] {
	const parts: { text: string; isQuote: boolean; isStart: boolean }[] = [];
	// An unclosed quotation runs to the end; a straight single quote counts only at a word boundary (not "don't").
	const re = /“[^”]*(?:”|$)|"[^"]*(?:"|$)|‘[^’]*(?:’(?![a-z])|$)|«[^»]*(?:»|$)|(?<=^|[\s(])'[^']*(?:'(?![a-z])|$)/g;
	let at = 0;
	for (const match of text.matchAll(re)) {
		if (match.index > at) parts.push({ text: text.slice(at, match.index), isQuote: false, isStart: at === 0 });
		parts.push({ text: match[0], isQuote: true, isStart: match.index === 0 });
		at = match.index + match[0].length;
	}
	if (at < text.length) parts.push({ text: text.slice(at), isQuote: false, isStart: at === 0 });
	return parts;
}

// "Several participants called for …", "Participants recommended that …", "It was suggested that …"
const REPORTING =
	/^(?:(?:several|some|many|most|a number of|a few|two|three|other)\s+)?(?:participants?|speakers?|delegates?|representatives?|it was|one participant|a participant|another participant)\s+(?:also\s+)?(?<verb>called for|urged|called on|asked for|recommended|proposed|suggested|stressed the need for|emphasized the need for)\s*(?:that\s+)?/i;
// A past participle after "to be" ("developed", "given", "made").
const PARTICIPLE = /^(?:\w+(?:ed|en|wn)|made|set|put|built|held|paid|kept|sent|brought|taught|met|led|sought|spent|found|done|shown|known|cut|run|read|heard|told|sold|left|lent|won)\b/;
const PRONOUN = /^(?:us|them|me|him|her|it|you|we|they|i)$/i;

/**
 * A recommendation as a report lists it: an action and who should take it ("Model legislation …
 * should be developed …"). Two shapes are rephrased: "… called for X to be <done> …" → "X should
 * be <done> …", and "… recommended (or proposed, suggested) that X should …" → "X should …", in a
 * text of one sentence. Anything else is left as written (and `styleFlags` says so).
 */
export function asRecommendation(text: string): string {
	const trimmed = text.trim();
	const match = REPORTING.exec(trimmed);
	const rest = match ? trimmed.slice(match[0].length) : '';
	if (!match || !rest || /[.!?;]\s+\S/.test(rest)) return trimmed; // one sentence only
	const verb = match.groups!.verb.toLowerCase();
	if (verb === 'called for') {
		// The first "to be" ends the subject; a subject with a comma or another "to" is not certain.
		const toBe = /^(.+?)\s+to be\s+(.+)$/s.exec(rest);
		if (toBe && !/,|\bto\b/.test(toBe[1]) && !PRONOUN.test(toBe[1].trim()) && PARTICIPLE.test(toBe[2])) return capitalize(`${toBe[1]} should be ${toBe[2]}`);
		return trimmed;
	}
	if (['recommended', 'proposed', 'suggested'].includes(verb) && /that\s+$/.test(match[0])) {
		// "that X should Y": the first verb of the clause is "should".
		const clause = /^([^,;]+?)\s+should\s+(.+)$/s.exec(rest);
		if (clause && clause[1].split(/\s+/).length <= 8 && !PRONOUN.test(clause[1].trim())) return capitalize(rest);
	}
	return trimmed; // "called for a regional fund", "urged …": left for the rapporteur
}

/**
 * A sentence's first word in lower case, to follow "said that": not a name ("Malaysia", "Asia"), not
 * an acronym, not a word written with a capital elsewhere in the text, not the first of two capitals
 * ("New Zealand").
 */
export function lowerFirst(text: string, properNouns: ReadonlySet<string> = PROPER_NOUNS): string {
	const first = /^([A-Z][a-z]+)\b(\s+[A-Z])?/.exec(text);
	if (!first || first[2] || properNouns.has(first[1].toLowerCase())) return text;
	if (new RegExp(`[^.!?]\\s${first[1]}\\b`).test(text.slice(first[1].length))) return text;
	return first[1].toLowerCase() + text.slice(first[1].length);
}

// Proper nouns a statement may begin with: the region's countries and peoples, subregions, months and days.
const PROPER_NOUNS = new Set(
	[
		...Object.values(COUNTRY_TERMS).flat(),
		...Object.values(SUBREGION_TERMS).flat(),
		'Asia Pacific Africa Europe America Americas Oceania',
		'January February March April May June July August September October November December',
		'Monday Tuesday Wednesday Thursday Friday Saturday Sunday',
		'English French Russian Chinese Arabic Spanish',
		'God Parliament Congress'
	]
		.flatMap((term) => term.split(/\s+/))
		.filter((word) => /^[A-Z][a-z]/.test(word)) // "the Pacific", "East and North-East Asia": the names, not "the" or "and"
		.map((word) => word.toLowerCase())
);

function capitalize(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

export type StyleFlag = 'first-person' | 'first-person-recommendation' | 'reporting-recommendation';

/** What the rapporteur may want to put right in a statement (the draft's sentences fix what they can). */
export function styleFlags(text: string, isRecommendation: boolean): StyleFlag[] {
	const flags: StyleFlag[] = [];
	// A statement is reported in the third person by the draft; a recommendation is listed as written.
	if (firstPersonWords(text).length) flags.push(isRecommendation ? 'first-person-recommendation' : 'first-person');
	if (isRecommendation && REPORTING.test(text.trim())) flags.push('reporting-recommendation');
	return flags;
}

// Names of organizations take "the" in running text when they are built on a common noun
// ("the Regional Network on Migration", "the University of …", "the Asian Development Bank"); a
// name that is a proper noun or an acronym alone ("Amnesty International", "IOM") does not.
const COMMON_NOUN =
	/\b(network|forum|association|union|federation|confederation|council|commission|committee|initiative|collective|agency|organi[sz]ation|institute|institution|centre|center|university|alliance|coalition|foundation|secretariat|office|ministry|department|programme|program|group|society|league|congress|platform|movement|consortium|partnership|assembly|parliament|bureau|authority|municipality|city|government|campaign|project|fund|board|chamber|trust|service|services|mission|bank|administration|corporation|company|council|court|academy|college|school|observatory|hub|facility|partnership)\b/i;

export function withArticle(name: string): string {
	const n = name.trim();
	if (/^(the|a|an)\s/i.test(n) || /^[A-Z0-9&-]{2,}$/.test(n)) return n;
	return COMMON_NOUN.test(n) ? `the ${n}` : n;
}
