import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { attendance, consultation, country, person, registration } from '../db/schema';
import { loadDraftInput } from './draft-input';
import { draftReport } from '../../domain/report/draft';
import { numberBlocks, plainText } from '../../domain/report/model';
import { renderDocx } from '../exports/report-docx';
import { renderPdf } from '../exports/report-pdf';
import { roomAttendees } from './attendees';
import { checkText } from '../../domain/privacy/check';

const t = useTestDatabase({ demo: true });

describe(`the draft report of the demo parliamentarians consultation on ${testDriver}`, () => {
	it('is complete: sections, numbered paragraphs, footnotes, the attendance paragraph from the raw rows, and no participant named', async () => {
		const loaded = await loadDraftInput(t.db, 'parliamentarians', 'https://convene.example');
		if (!loaded) throw new Error('no demo consultation');
		const doc = draftReport(loaded.input);
		const blocks = numberBlocks(doc.blocks);
		const headings = blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
		expect(headings.slice(0, 3)).toEqual(['Background', 'Objectives and attendance', 'Opening']);
		expect(headings).toContain('Closing');
		expect(headings.slice(-2)).toEqual(['Background documents', 'Annex: Agenda and guiding questions']);
		expect(headings.filter((h) => /^Session \d/.test(h)).length).toBeGreaterThanOrEqual(2);
		const paragraphs = blocks.filter((b) => b.kind === 'paragraph');
		expect(paragraphs.length).toBeGreaterThan(15);
		expect(paragraphs.map((p) => p.number)).toEqual(paragraphs.map((_, i) => i + 1));
		expect(blocks.some((b) => b.kind !== 'heading' && b.kind !== 'annex' && b.footnotes.length > 0)).toBe(true);

		// The attendance paragraph, recomputed from the raw attendance rows.
		const [c] = await t.db.select().from(consultation).where(eq(consultation.slug, 'parliamentarians'));
		// Everyone with an attendance row, described as they registered (speakers, who do not register, as in the directory).
		const rows = await t.db
			.selectDistinct({
				personId: attendance.personId,
				category: sql<string>`coalesce(${registration.categoryId}, ${person.categoryId})`,
				countryCode: sql<string>`coalesce(${registration.countryCode}, ${person.countryCode})`,
				gender: sql<string>`coalesce(${registration.gender}, ${person.gender})`
			})
			.from(attendance)
			.innerJoin(person, eq(person.id, attendance.personId))
			.leftJoin(registration, and(eq(registration.personId, attendance.personId), eq(registration.consultationId, attendance.consultationId)))
			.where(and(eq(attendance.consultationId, c.id), isNotNull(attendance.personId)));
		const parliamentarians = rows.filter((r) => r.category === 'parliamentarians').length;
		const countries = new Set(rows.map((r) => r.countryCode).filter(Boolean)).size;
		const women = Math.round((rows.filter((r) => r.gender === 'woman').length * 100) / rows.length);
		const attendanceParagraph = paragraphs.find((p) => p.text.includes('participants attended'))!;
		expect(attendanceParagraph.text).toContain(`${rows.length} participants attended, including ${parliamentarians} parliamentarians`);
		expect(attendanceParagraph.text).toContain(`from ${countries} countries`);
		expect(attendanceParagraph.text).toMatch(new RegExp(`(${women - 1}|${women}|${women + 1}) per cent of the participants were women`));

		// Nobody but the programme's speakers is named; no email or phone; no description singles anyone out.
		const room = await roomAttendees(t.db, c.id);
		const report = checkText(plainText(doc), room, c.anonymityThreshold);
		expect(report.findings.filter((f) => f.severity === 'block')).toEqual([]);
		for (const a of room.filter((x) => x.attribution === 'non-attributable')) expect(plainText(doc)).not.toContain(a.name);
		const [{ name: anyCountry }] = await t.db.select({ name: country.name }).from(country).where(eq(country.code, 'PH'));
		expect(anyCountry).toBe('Philippines');
	});

	it('is read back from DOCX by an independent reader with its headings, numbered paragraphs, lettered lists and footnotes', async () => {
		const loaded = await loadDraftInput(t.db, 'parliamentarians', 'https://convene.example');
		const doc = draftReport(loaded!.input);
		const blocks = numberBlocks(doc.blocks);
		const buffer = await renderDocx(doc);
		const { value: html } = await mammoth.convertToHtml({ buffer });
		// Headings as Word headings.
		expect(html).toContain('<h1>I. Background</h1>');
		expect(html).toContain('<h1>Annex: Agenda and guiding questions</h1>');
		// Every numbered paragraph in a Word list, in order.
		const numbered = blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
		const listItems = [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1].replace(/<sup>.*?<\/sup>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
		let at = 0;
		for (const text of numbered) {
			const found = listItems.indexOf(text, at);
			expect(found, text).toBeGreaterThanOrEqual(at);
			at = found + 1;
		}
		// Footnotes, numbered through the document.
		const notes = blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'list-item' ? b.footnotes : []));
		expect(notes.length).toBeGreaterThan(1);
		for (const n of notes) expect(html).toContain(`id="footnote-ref-${n.number}"`);
		expect(html).toContain(`<li id="footnote-${notes.length}">`);
		// The numbering itself: decimal for paragraphs continuing across sections, upper-case letters for lists.
		const zip = await JSZip.loadAsync(buffer);
		const numbering = await zip.file('word/numbering.xml')!.async('string');
		expect(numbering).toContain('w:val="decimal"');
		expect(numbering).toContain('w:val="upperLetter"');
		// The annex table with its header row.
		expect(html).toMatch(/<table><thead><tr><th><p><strong>Time<\/strong><\/p><\/th>.*?<\/tr><\/thead><tbody><tr><td><p>\d\d:\d\d–\d\d:\d\d<\/p><\/td>/);
	});

	it('renders as a PDF of several numbered pages, read back with its numbers and notes, with the title in its properties', async () => {
		const doc = draftReport((await loadDraftInput(t.db, 'parliamentarians'))!.input);
		const pdf = await renderPdf(doc);
		const raw = pdf.toString('latin1');
		expect(raw.startsWith('%PDF-')).toBe(true);
		expect(raw.trimEnd().endsWith('%%EOF')).toBe(true);
		const pages = Math.max(...[...raw.matchAll(/\/Count (\d+)/g)].map((m) => Number(m[1])));
		expect(pages).toBeGreaterThanOrEqual(3);
		// Read back by an independent reader (PDF.js): the same numbers, letters, headings and notes.
		const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
		expect(totalPages).toBe(pages);
		const flat = text.replace(/\s+/g, ' ');
		expect(flat).toContain('I. Background');
		expect(flat).toContain('1. The consultation');
		expect(flat).toMatch(/ A\. [A-Z]/);
		expect(flat).toContain('Annex: Agenda and guiding questions');
		expect(flat).toMatch(/Notes \[1\] General Assembly resolution 73\/195/);
		expect(flat).toContain(`1 / ${pages}`);
		// The Info dictionary points at the title's object: "/Title 21 0 R" … "21 0 obj\n(…)".
		const ref = /\/Title (\d+) 0 R/.exec(raw)![1];
		const title = new RegExp(`\\n${ref} 0 obj\\n\\((.*?)\\)\\nendobj`).exec(raw);
		const decoded = title![1];
		expect(decoded).toBe(doc.title);
	});
});

describe(`the text of every demo draft report on ${testDriver}, as a UN officer would read it`, () => {
	it('has articles before organizations, reported speech in the third person, recommendations as actions, a gender sentence that keeps "did not say" apart, and backgrounds that fit each consultation', async () => {
		const slugs = (await t.db.select({ slug: consultation.slug }).from(consultation)).map((c) => c.slug);
		let read = 0;
		for (const slug of slugs) {
			const loaded = await loadDraftInput(t.db, slug, 'https://convene.example');
			if (!loaded) continue;
			read++;
			const blocks = numberBlocks(draftReport(loaded.input).blocks);
			const text = blocks.map((b) => (b.kind === 'annex' ? '' : b.text)).join('\n');
			const organizers = /organized by (.+?), took place/.exec(text)?.[1] ?? '';
			for (const name of loaded.input.organizers) expect(organizers, `${slug}: "${name}"`).toContain(/^[A-Z]{2,}$/.test(name) ? name : `the ${name}`);
			for (const b of blocks) {
				if (b.kind === 'paragraph' && / said that /.test(b.text)) expect(b.text.split(' said that ')[1], `${slug}: ${b.text}`).not.toMatch(/\b(our|we|my|I|us)\b/i);
				if (b.kind === 'paragraph') expect(b.text, slug).not.toMatch(/said that the Network (thanked|opened|closed|recalled|reminded)/);
				if (b.kind === 'list-item' && b.isRecommendation) expect(b.text, `${slug}: ${b.text}`).not.toMatch(/^(several |some |many )?participants (called|urged|recommended|proposed)/i);
			}
			expect(text, slug).not.toMatch(/men or of another gender/);
			expect(text, slug).not.toMatch(/organized by [A-Z][a-z]/);
			if (slug === 'local-and-regional-authorities') {
				expect(text).not.toMatch(/gathers parliamentarians/);
				expect(text).toMatch(/gathers local and regional authorities/);
			}
		}
		expect(read).toBeGreaterThanOrEqual(5);
	});
});
