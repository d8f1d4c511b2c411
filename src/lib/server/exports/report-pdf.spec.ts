// A report PDF shows names in every script the network writes in, read back by an independent
// reader (PDF.js), and stays small: only the glyphs used are embedded.
import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { renderPdf } from './report-pdf';
import { runsOf } from './pdf-fonts';
import type { ReportDocument } from '../../domain/report/model';

// Fictional names, one per script.
const NAMES = {
	chinese: '王秀英',
	thai: 'สมชาย ใจดี',
	japanese: 'さくら 山田',
	korean: '김민준',
	// Devanagari without a reordered conjunct: a reph (र्) is drawn after the letters it follows in
	// speech, and text readers give it back in drawn order.
	hindi: 'सीता देवी',
	russian: 'Айгерим Абенова',
	vietnamese: 'Nguyễn Thị Hương'
};

const report = (names: string[]): ReportDocument => ({
	title: 'Summary report: a consultation',
	subtitle: 'Bangkok, 21 October 2026',
	blocks: [
		{ kind: 'heading', text: 'Opening', numeral: 'I' },
		...names.map((name) => ({ kind: 'paragraph' as const, text: `The session was opened by ${name}, who spoke on the record.`, footnotes: [] })),
		{ kind: 'annex', cells: ['Time', 'Item', 'Speakers', 'Questions'], isHeader: true },
		{ kind: 'annex', cells: ['10:00–10:30', 'Opening', names.join('; '), '—'], isHeader: false }
	]
});

async function textOf(pdf: Buffer) {
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
	return text.replace(/\s+/g, ' ');
}

describe('a report PDF in every script', () => {
	it('shows names in Chinese, Thai, Japanese, Korean, Devanagari, Cyrillic and Vietnamese, read back as text', async () => {
		const pdf = await renderPdf(report(Object.values(NAMES)));
		const text = await textOf(pdf);
		for (const [script, name] of Object.entries(NAMES)) expect(text, script).toContain(`opened by ${name}, who`);
		const raw = pdf.toString('latin1');
		for (const font of ['NotoSansHans', 'NotoSansKR', 'NotoSansThai', 'NotoSansDevanagari']) expect(raw).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+${font}`));
		// Subsets: the Chinese font alone is 8 MB, the whole report stays small.
		expect(pdf.length).toBeLessThan(250_000);
	});

	it('embeds no fallback font when the report needs none', async () => {
		const pdf = await renderPdf(report(['Maria Santos', 'Айгерим Абенова']));
		expect(pdf.toString('latin1')).not.toMatch(/NotoSans/);
		expect(await textOf(pdf)).toContain('opened by Айгерим Абенова, who');
	});

	it('cuts a text into runs by script, keeping the spaces in the run they are in', () => {
		expect(runsOf('Ms 王秀英 and สมชาย ใจดี.', 'body')).toEqual([
			{ font: 'body', text: 'Ms ' },
			{ font: 'noto-hans', text: '王秀英 ' },
			{ font: 'body', text: 'and ' },
			{ font: 'noto-thai', text: 'สมชาย ใจดี' },
			{ font: 'body', text: '.' }
		]);
	});
});

describe('a report PDF set as UN documents are', () => {
	it('is set ragged right: full lines end where their words end, not stretched to the margin', async () => {
		const long = 'Participants discussed access to services, decent work and the protection of migrant workers in the region, with examples from several countries. '.repeat(6);
		const pdf = await renderPdf({ title: 'Summary report', subtitle: 'Online, 21 October 2026', blocks: [{ kind: 'paragraph', text: long, footnotes: [] }] });
		const doc = await getDocumentProxy(new Uint8Array(pdf));
		const { items } = await (await doc.getPage(1)).getTextContent();
		// The right edge of each line of the paragraph (its text items grouped by baseline).
		const ends = new Map<number, number>();
		for (const item of items) {
			if (!('transform' in item) || !item.str.trim()) continue;
			const y = Math.round(item.transform[5]);
			ends.set(y, Math.max(ends.get(y) ?? 0, item.transform[4] + item.width));
		}
		const lines = [...ends.entries()].sort((a, b) => b[0] - a[0]).map(([, end]) => end);
		const body = lines.slice(2, -2); // past the title and subtitle, before the last line and the page number
		expect(body.length).toBeGreaterThan(8);
		// Justified text ends every full line at the same point; ragged text ends them a word apart.
		expect(Math.max(...body) - Math.min(...body)).toBeGreaterThan(10);
	});
});
