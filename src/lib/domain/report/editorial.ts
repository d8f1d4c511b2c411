// Checks of a report against the rules of the United Nations Editorial Manual that a secretariat
// officer applies by hand before a document goes for clearance. They warn; they never block: a
// rule has exceptions an editor decides (a figure in a legal citation, a quoted title). Each
// warning names the paragraph as comments cite it ("para. 20 (B)") and the words at fault.

import { citations, numberBlocks, type ReportDocument } from './model';

export type EditorialRule = 'number-in-words' | 'per-cent' | 'date-form' | 'paragraph-numbering' | 'footnote-after-punctuation' | 'repeated-footnote' | 'word-limit';

/** The rules, each with where the Editorial Manual (or the rule on length) sets it. */
export const EDITORIAL_RULES: readonly { rule: EditorialRule; source: string }[] = [
	{ rule: 'number-in-words', source: 'United Nations Editorial Manual, “Numbers”: whole numbers from one to nine in words, 10 and above in figures (figures in tables)' },
	{ rule: 'per-cent', source: 'United Nations Editorial Manual, “Numbers” (percentages): “per cent” in text, the symbol % only in tables' },
	{ rule: 'date-form', source: 'United Nations Editorial Manual, “Dates”: day, month in words, year — 21 October 2026' },
	{ rule: 'paragraph-numbering', source: 'United Nations Editorial Manual, “Paragraph numbering”: paragraphs numbered consecutively throughout the document' },
	{ rule: 'footnote-after-punctuation', source: 'United Nations Editorial Manual, “Footnotes”: the indicator follows any punctuation mark' },
	{ rule: 'repeated-footnote', source: 'United Nations Editorial Manual, “References”: a source already cited is given as “Ibid.” or in a short form' },
	{ rule: 'word-limit', source: 'Limits on the length of documents: 8,500 words for reports of the Secretariat' }
];

export const WORD_LIMIT = 8500;

export interface EditorialWarning {
	rule: EditorialRule;
	/** The paragraph as comments cite it ("20", "20 (B)"); the footnote's number after it; '' for the whole document. */
	where: string;
	/** The words at fault, as written (or the word count, for the limit). */
	found: string;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTH_ABBREVIATIONS = 'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
// Nouns a figure names rather than counts: "objective 5", "paragraph 3", "resolution 7", "page 2".
const REFERENCE_BEFORE = /\b(objective|objectives|goal|target|paragraph|paragraphs|para|paras|annex|chapter|section|article|articles|resolution|decision|page|pages|p|pp|no|table|figure|box|item|items|phase|step|level|grade|version|rule|principle|recommendation|sdg|gcm|covid|week|day|room|tier|pillar|round|session|part|volume|category|option|annexes)\.?\s+$/i;
const WRONG_DATES = [
	new RegExp(`\\b(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'g'), // October 21, 2026
	new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)\\s+(?:of\\s+)?(?:${MONTHS})\\b`, 'g'), // 21st October
	new RegExp(`\\b\\d{1,2}\\s+(?:${MONTH_ABBREVIATIONS})\\.?\\s+\\d{4}\\b`, 'g'), // 21 Oct 2026
	/\b\d{4}-\d{2}-\d{2}\b/g, // 2026-10-21
	/\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g // 21/10/2026, 10.21.26
];

/** Single figures 1 to 9 that count (not a reference, a date, a percentage, a decimal or part of a larger number). */
function figuresToSpell(text: string): string[] {
	const found: string[] = [];
	for (const m of text.matchAll(/(?<![\d.,/:\-–])\b([1-9])\b(?![\d.,/:%\-–]\d|\d|\s*(?:per\s*cent|%)|\s+(?:[ap]\.?m\b|h\b))/g)) {
		const before = text.slice(0, m.index);
		const after = text.slice(m.index + 1);
		if (REFERENCE_BEFORE.test(before)) continue;
		if (/^\s*$/.test(before) && /^[.)]\s/.test(after)) continue; // a typed list number (its own warning)
		if (new RegExp(`^\\s+(?:${MONTHS}|${MONTH_ABBREVIATIONS})\\b`).test(after)) continue; // a date
		if (new RegExp(`\\b(?:${MONTHS})\\s+$`).test(before)) continue;
		if (/\b(?:and|or|to|through)\s+$/i.test(before) && /\d{2,}\s+(?:and|or|to|through)\s+$/i.test(before)) continue; // "8 to 12": the pair stays in figures
		if (/^\s+(?:to|and|or|through)\s+\d{2,}/i.test(after)) continue;
		found.push(m[0]);
	}
	return found;
}

function wordCount(text: string): number {
	return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Every warning for a report, in document order, then the word count when over the limit. */
export function editorialWarnings(doc: ReportDocument): EditorialWarning[] {
	const numbered = numberBlocks(doc.blocks);
	const cited = citations(numbered);
	const warnings: EditorialWarning[] = [];
	const seenFootnotes = new Map<string, number>();
	numbered.forEach((b, i) => {
		if (b.kind === 'annex') return; // a table: figures and % are the rule there
		const where = cited[i];
		const texts = [{ where, text: b.text }, ...(b.kind === 'heading' ? [] : b.footnotes.map((f) => ({ where: `${where} n. ${f.number}`, text: f.text })))];
		for (const t of texts) {
			for (const found of figuresToSpell(t.text)) warnings.push({ rule: 'number-in-words', where: t.where, found });
			for (const m of t.text.matchAll(/\S*\d\s?%/g)) warnings.push({ rule: 'per-cent', where: t.where, found: m[0] });
			for (const pattern of WRONG_DATES) for (const m of t.text.matchAll(pattern)) warnings.push({ rule: 'date-form', where: t.where, found: m[0] });
		}
		if (b.kind === 'heading') return;
		// A number typed at the start of a paragraph or item that Convene numbers already: a pasted
		// or imported numbering that would run beside the real one.
		const typed = /^\s*(\d{1,4}|[A-Za-z])[.)]\s/.exec(b.text);
		if (typed && (b.kind === 'paragraph' || /^\d/.test(typed[1]))) warnings.push({ rule: 'paragraph-numbering', where, found: typed[0].trim() });
		// The footnote mark goes at the end of the text, after its punctuation, which must be there.
		if (b.footnotes.length > 0 && !/[.,;:!?)”"’]\s*$/.test(b.text)) warnings.push({ rule: 'footnote-after-punctuation', where, found: `…${b.text.trim().split(/\s+/).slice(-3).join(' ')}` });
		for (const f of b.footnotes) {
			const key = f.text.trim().replace(/\s+/g, ' ').toLowerCase();
			if (!key || /^ibid\.?/.test(key)) continue;
			const first = seenFootnotes.get(key);
			if (first === undefined) seenFootnotes.set(key, f.number);
			else warnings.push({ rule: 'repeated-footnote', where: `${where} n. ${f.number}`, found: `n. ${first}` });
		}
	});
	const words = reportWordCount(doc);
	if (words > WORD_LIMIT) warnings.push({ rule: 'word-limit', where: '', found: String(words) });
	return warnings;
}

/** Words in the report as the limit counts them: title, text, footnotes and the annex. */
export function reportWordCount(doc: ReportDocument): number {
	let words = wordCount(doc.title) + wordCount(doc.subtitle);
	for (const b of doc.blocks) {
		if (b.kind === 'annex') words += b.cells.reduce((n, c) => n + wordCount(c), 0);
		else {
			words += wordCount(b.text);
			if (b.kind !== 'heading') for (const f of b.footnotes) words += wordCount(f);
		}
	}
	return words;
}

/** What a page shows beside a version: the warnings, the word count against the limit, and the rules with their sources. */
export function editorialSummary(doc: ReportDocument) {
	return { warnings: editorialWarnings(doc), words: reportWordCount(doc), limit: WORD_LIMIT, rules: EDITORIAL_RULES };
}
