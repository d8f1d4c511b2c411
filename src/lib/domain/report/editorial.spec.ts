import { describe, expect, it } from 'vitest';
import { EDITORIAL_RULES, editorialWarnings, reportWordCount, WORD_LIMIT } from './editorial';
import type { Block, ReportDocument } from './model';

const doc = (blocks: Block[]): ReportDocument => ({ title: 'Summary report', subtitle: 'Bangkok', blocks });
const para = (text: string, footnotes: string[] = []): Block => ({ kind: 'paragraph', text, footnotes });
const item = (text: string, footnotes: string[] = []): Block => ({ kind: 'list-item', text, footnotes });
const found = (blocks: Block[]) => editorialWarnings(doc(blocks)).map((w) => `${w.rule} @${w.where}: ${w.found}`);

describe('UN editorial checks', () => {
	it('asks for one to nine in words, but not in references, decimals, dates, percentages or tables', () => {
		expect(found([para('Participants from 5 countries met on 21 October 2026.')])).toEqual(['number-in-words @1: 5']);
		expect(found([para('Under objective 5 and paragraph 3 of resolution 7, 2.5 million people, 12 delegations and 7 per cent of workers were counted on 3 October 2026.')])).toEqual([]);
		expect(found([para('Between 8 and 12 speakers took the floor.')])).toEqual([]);
		expect(found([para('Five countries spoke.'), { kind: 'annex', cells: ['Session 2', '3 speakers', '40%'], isHeader: false }])).toEqual([]);
		expect(found([para('They met.', ['See 4 reports.'])])).toEqual(['number-in-words @1 n. 1: 4']);
	});

	it('wants “per cent” in text, and dates as 21 October 2026', () => {
		expect(found([para('Women were 47% of participants.')])).toEqual(['per-cent @1: 47%']);
		expect(found([para('It met on October 21, 2026, on 2026-10-22, on 23/10/2026, on 24 Oct 2026 and on the 25th of October.')])).toEqual([
			'date-form @1: October 21, 2026',
			'date-form @1: 25th of October',
			'date-form @1: 24 Oct 2026',
			'date-form @1: 2026-10-22',
			'date-form @1: 23/10/2026'
		]);
	});

	it('finds typed numbering, footnote marks without punctuation and a repeated source, citing paragraphs and items as comments do', () => {
		const blocks: Block[] = [
			para('The meeting opened.', ['ESCAP, Migration Report 2025.']),
			para('12. Participants agreed', ['ESCAP, Migration Report 2025.']),
			item('3) Fund the centres.'),
			item('Train border officials.', ['Ibid.'])
		];
		expect(found(blocks)).toEqual(['paragraph-numbering @2: 12.', 'footnote-after-punctuation @2: …12. Participants agreed', 'repeated-footnote @2 n. 2: n. 1', 'paragraph-numbering @2 (A): 3)']);
	});

	it('counts words against the 8,500-word limit of Secretariat reports, footnotes and annex included', () => {
		const short = doc([para('One two three.', ['Four five.']), { kind: 'annex', cells: ['six', 'seven'], isHeader: false }]);
		expect(reportWordCount(short)).toBe(2 + 1 + 3 + 2 + 2);
		const sentence = 'The participants discussed the regional review of the Compact at length. ';
		const long = doc(Array.from({ length: 80 }, () => para(sentence.repeat(10))));
		expect(reportWordCount(long)).toBeGreaterThan(WORD_LIMIT);
		expect(editorialWarnings(long).filter((w) => w.rule === 'word-limit')).toEqual([{ rule: 'word-limit', where: '', found: String(reportWordCount(long)) }]);
		expect(editorialWarnings(short).some((w) => w.rule === 'word-limit')).toBe(false);
	});

	it('gives each rule its source', () => {
		expect(new Set(EDITORIAL_RULES.map((r) => r.rule)).size).toBe(7);
		for (const r of EDITORIAL_RULES) expect(r.source.length).toBeGreaterThan(20);
	});
});
