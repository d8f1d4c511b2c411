// A summary report as UN secretariats write it: headings with Roman numerals, paragraphs numbered
// continuously through the sections, lettered recommendation lists (A., B., C.), footnotes
// numbered through the document, and an annex table with the agenda and guiding questions.

export type Block =
	| { kind: 'heading'; text: string; numeral: string | null } // "I. Background"; null for the annex
	| { kind: 'paragraph'; text: string; footnotes: string[] }
	// Lettered, restarting after each paragraph. A recommendation is tracked once the report is published.
	| { kind: 'list-item'; text: string; footnotes: string[]; isRecommendation?: boolean }
	| { kind: 'annex'; cells: string[]; isHeader: boolean }; // one row of the annex table

export interface ReportDocument {
	title: string;
	subtitle: string;
	/** Which version this is and its date ("Version 3 · Published on 21 October 2026"), on the first page of every file. */
	edition?: string;
	/** The stored version this document is (carried in the DOCX, so that an edited copy comes back as its next version). */
	versionId?: string;
	blocks: Block[];
}

export type NumberedBlock =
	| { kind: 'heading'; text: string; numeral: string | null }
	| { kind: 'paragraph'; number: number; text: string; footnotes: { number: number; text: string }[] }
	| { kind: 'list-item'; letter: string; text: string; footnotes: { number: number; text: string }[]; isRecommendation: boolean }
	| { kind: 'annex'; cells: string[]; isHeader: boolean };

/** Paragraph numbers, list letters and footnote numbers, as every format shows them. */
export function numberBlocks(blocks: readonly Block[]): NumberedBlock[] {
	let paragraph = 0;
	let footnote = 0;
	let letter = 0;
	return blocks.map((b) => {
		if (b.kind === 'paragraph') {
			letter = 0;
			return { kind: 'paragraph', number: ++paragraph, text: b.text, footnotes: b.footnotes.map((text) => ({ number: ++footnote, text })) };
		}
		if (b.kind === 'list-item') {
			const footnotes = b.footnotes.map((text) => ({ number: ++footnote, text }));
			return { kind: 'list-item', letter: letterOf(letter++), text: b.text, footnotes, isRecommendation: b.isRecommendation === true };
		}
		if (b.kind === 'heading') letter = 0;
		return b;
	});
}

/**
 * How a comment cites each block, as UN documents do: a paragraph by its number ("20"), a lettered
 * item by its paragraph and letter ("20 (B)"), so that the five B items of a draft are told apart.
 * Headings and annex rows are not commented on (empty).
 */
export function citations(numbered: readonly NumberedBlock[]): string[] {
	let paragraph: number | null = null;
	return numbered.map((b) => {
		if (b.kind === 'paragraph') {
			paragraph = b.number;
			return String(b.number);
		}
		if (b.kind === 'list-item') return paragraph === null ? b.letter : `${paragraph} (${b.letter})`;
		if (b.kind === 'heading') paragraph = null;
		return '';
	});
}

/** List letters: A., B., …, Z., AA., AB. (report lists, and recommendations in the notes). */
export function letterOf(index: number): string {
	let n = index;
	let s = '';
	do {
		s = String.fromCharCode(65 + (n % 26)) + s;
		n = Math.floor(n / 26) - 1;
	} while (n >= 0);
	return s;
}

const ROMAN: [number, string][] = [
	[1000, 'M'],
	[900, 'CM'],
	[500, 'D'],
	[400, 'CD'],
	[100, 'C'],
	[90, 'XC'],
	[50, 'L'],
	[40, 'XL'],
	[10, 'X'],
	[9, 'IX'],
	[5, 'V'],
	[4, 'IV'],
	[1, 'I']
];
export function roman(n: number): string {
	let rest = n;
	let s = '';
	for (const [value, numeral] of ROMAN) {
		while (rest >= value) {
			s += numeral;
			rest -= value;
		}
	}
	return s;
}

/** The whole text of a report, for the privacy core: every heading, paragraph, footnote and cell, passages apart. */
export function plainText(doc: ReportDocument): string {
	const parts = [doc.title, doc.subtitle];
	for (const b of doc.blocks) {
		if (b.kind === 'annex') parts.push(b.cells.join(' | '));
		else if (b.kind === 'heading') parts.push(b.text);
		else parts.push(b.text, ...b.footnotes);
	}
	return parts.join('\n\n');
}
