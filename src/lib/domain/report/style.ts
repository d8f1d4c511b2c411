// The house style of a UN summary report, applied to the sentences Convene writes from the notes:
// reported speech in the third person ("said that our parliament…" → "said that their parliament…"),
// recommendations phrased as recommendations ("Several participants called for X to be developed"
// → "X should be developed"), and "the" before the names of organizations. The rapporteur's own
// words are never rewritten where they stand: `styleFlags` tells the rapporteur what the draft will
// change, or what it cannot, so that the text can be put right at the source.

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
const FIRST_PERSON = /\b(I|me|my|mine|myself|we|us|our|ours|ourselves)\b/gi;

/** Words of the first person in a text, outside quotation marks (a quotation keeps its words). */
export function firstPersonWords(text: string): string[] {
	const found: string[] = [];
	for (const part of unquotedParts(text).filter((p) => !p.isQuote)) for (const match of part.text.matchAll(FIRST_PERSON)) if (isPronoun(match[0], part.text, match.index)) found.push(match[0]);
	return found;
}

/** The text in the third person, outside quotation marks: for a sentence that reports what was said. */
export function toThirdPerson(text: string): string {
	return unquotedParts(text)
		.map((part) =>
			part.isQuote
				? part.text
				: part.text
						.replace(FIRST_PERSON, (word: string, _pronoun: string, offset: number, whole: string) => {
							if (!isPronoun(word, whole, offset)) return word;
							const third = THIRD_PERSON[word.toLowerCase()];
							return word === word.toUpperCase() && word.length > 1 ? third.toUpperCase() : /^[A-Z]/.test(word) && (word !== 'I' || offset === 0) ? third.charAt(0).toUpperCase() + third.slice(1) : third;
						})
						// Agreement after the change: "they am/was" → "they are/were".
						.replace(/\b(they|They) am\b/g, '$1 are')
						.replace(/\b(they|They) was\b/g, '$1 were')
						.replace(/\b(they|They) wasn't\b/g, "$1 weren't")
		)
		.join('');
}

/** "US" (the United States) and a Roman numeral "I" in a title are not pronouns. */
function isPronoun(word: string, text: string, offset: number): boolean {
	if (word === 'US') return false;
	if (word === 'I') {
		const before = text.slice(Math.max(0, offset - 12), offset);
		const after = text.slice(offset + 1, offset + 3);
		if (/\b(Part|Annex|Chapter|Section|Phase|Round|World War|Table|Volume|Title)\s+$/i.test(before) || /^[.)]/.test(after)) return false;
	}
	return true;
}

function unquotedParts(text: string): { text: string; isQuote: boolean }[] {
	const parts: { text: string; isQuote: boolean }[] = [];
	// Straight or curly double quotes; an unclosed quotation runs to the end.
	const re = /“[^”]*(?:”|$)|"[^"]*(?:"|$)/g;
	let at = 0;
	for (const match of text.matchAll(re)) {
		if (match.index > at) parts.push({ text: text.slice(at, match.index), isQuote: false });
		parts.push({ text: match[0], isQuote: true });
		at = match.index + match[0].length;
	}
	if (at < text.length) parts.push({ text: text.slice(at), isQuote: false });
	return parts;
}

// "Several participants called for …", "Participants recommended that …", "It was suggested that …"
const REPORTING =
	/^(?:(?:several|some|many|most|a number of|a few|two|three|other)\s+)?(?:participants?|speakers?|delegates?|representatives?|it was|one participant|a participant|another participant)\s+(?:also\s+)?(?<verb>called for|urged|called on|asked for|recommended|proposed|suggested|stressed the need for|emphasized the need for)\s*(?:that\s+)?/i;

/**
 * A recommendation as a report lists it: an action and who should take it ("Parliaments should …",
 * "Model legislation … should be developed …"). A sentence that reports who recommended it is
 * rephrased when its shape allows ("called for X to be Y" → "X should be Y"; "recommended that X
 * should Y" → "X should Y"); otherwise it is left as written (and `styleFlags` says so).
 */
export function asRecommendation(text: string): string {
	const trimmed = text.trim();
	const match = REPORTING.exec(trimmed);
	const rest = match ? trimmed.slice(match[0].length) : '';
	if (!match || !rest) return trimmed;
	const verb = match.groups!.verb.toLowerCase();
	// "… called for X to be developed" → "X should be developed"; "… urged X to adopt Y" → "X should adopt Y".
	const toDo = /^(.+?)\s+to\s+(.+)$/s.exec(rest);
	if (['called for', 'urged', 'called on', 'asked for'].includes(verb) && toDo) return capitalize(`${toDo[1]} should ${toDo[2]}`);
	// "… recommended that X should Y" → "X should Y".
	if (/\b(should|must)\b/.test(rest)) return capitalize(rest);
	return trimmed; // "called for a regional fund": no action to state; left for the rapporteur
}

function capitalize(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

export type StyleFlag = 'first-person' | 'reporting-recommendation';

/** What the rapporteur may want to put right in a statement (the draft's sentences fix what they can). */
export function styleFlags(text: string, isRecommendation: boolean): StyleFlag[] {
	const flags: StyleFlag[] = [];
	if (firstPersonWords(text).length) flags.push('first-person');
	if (isRecommendation && REPORTING.test(text.trim())) flags.push('reporting-recommendation');
	return flags;
}

// Names of organizations take "the" in running text when they are built on a common noun
// ("the Regional Network on Migration", "the University of …"); a name that is a proper noun or
// an acronym alone ("Amnesty International", "IOM") does not.
const COMMON_NOUN =
	/\b(network|forum|association|union|federation|confederation|council|commission|committee|initiative|collective|agency|organi[sz]ation|institute|institution|centre|center|university|alliance|coalition|foundation|secretariat|office|ministry|department|programme|program|group|society|league|congress|platform|movement|consortium|partnership|assembly|parliament|bureau|authority|municipality|city|government|campaign|project|fund|board|chamber|trust|service|services|mission)\b/i;

export function withArticle(name: string): string {
	const n = name.trim();
	if (/^the\s/i.test(n) || /^[A-Z0-9&-]{2,}$/.test(n)) return n;
	return COMMON_NOUN.test(n) ? `the ${n}` : n;
}
