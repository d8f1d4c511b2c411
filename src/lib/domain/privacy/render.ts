// How a statement's speaker is written in a report. On-record speakers by name and title; everyone
// else as "A participant", "Another participant", "One participant" — varied, never the same
// phrase twice in a row — or with the descriptor the rapporteur chose ("a parliamentarian").
// English phrases; a translation passes its own list.

export interface Speaker {
	attribution: 'on-record' | 'non-attributable';
	name?: string | null;
	title?: string | null; // e.g. "Member of Parliament, Atlantis"
	descriptor?: string | null; // chosen by the rapporteur, checked by the anonymity-set rule
}

export const ANONYMOUS_PHRASES = ['A participant', 'Another participant', 'One participant'] as const;

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The speaker phrase of each statement of a passage, in order. */
export function speakerPhrases(speakers: readonly Speaker[], phrases: readonly string[] = ANONYMOUS_PHRASES): string[] {
	let previous = '';
	let next = 0;
	return speakers.map((s) => {
		let phrase: string;
		if (s.attribution === 'on-record' && s.name) phrase = s.title ? `${s.name}, ${s.title},` : s.name;
		else if (s.descriptor?.trim()) phrase = capitalize(s.descriptor.trim());
		else {
			phrase = phrases[next % phrases.length];
			if (phrase === previous) phrase = phrases[++next % phrases.length];
			next++;
		}
		previous = phrase;
		return phrase;
	});
}
