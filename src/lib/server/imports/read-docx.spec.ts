import { describe, expect, it } from 'vitest';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { renderDocx } from '../exports/report-docx';
import { DOCX_LIMITS, DocxRefusedError, readReportDocx, type DocxRefusal } from './read-docx';
import type { ReportDocument } from '../../domain/report/model';
import { editLikeWord, zipOf } from '../../../../tests/support/word-edits';

const VERSION = '3f2a0c5e-1b2c-4d3e-8f40-000000000001';
const REPORT: ReportDocument = {
	title: 'Summary report of the consultation with local authorities',
	subtitle: '21 October 2026 · Online',
	edition: 'Version 2 · Draft of 21 October 2026, not for citation',
	versionId: VERSION,
	blocks: [
		{ kind: 'heading', numeral: 'I', text: 'Background' },
		{ kind: 'paragraph', text: 'The consultation gathered local authorities from eleven countries.', footnotes: ['General Assembly resolution 73/195, annex.'] },
		{ kind: 'paragraph', text: 'Participants discussed access to services for migrants in cities.', footnotes: [] },
		{ kind: 'heading', numeral: 'II', text: 'Recommendations' },
		{ kind: 'paragraph', text: 'Participants made the following recommendations:', footnotes: [] },
		{ kind: 'list-item', text: 'Open municipal services to all migrants regardless of status.', footnotes: [], isRecommendation: true },
		{ kind: 'list-item', text: 'Fund city networks on migration.', footnotes: ['Ibid.'], isRecommendation: true },
		{ kind: 'list-item', text: 'Hold the next consultation in person.', footnotes: [] },
		{ kind: 'heading', numeral: null, text: 'Annex' },
		{ kind: 'annex', cells: ['Time', 'Item'], isHeader: true },
		{ kind: 'annex', cells: ['10:00', 'Opening | welcome'], isHeader: false }
	]
};

const docxOf = async (doc: ReportDocument = REPORT) => new Uint8Array(await renderDocx(doc));
async function refusalOf(file: Uint8Array, limits = DOCX_LIMITS): Promise<DocxRefusal> {
	const error = await readReportDocx(file, limits).then(
		() => null,
		(e: unknown) => e
	);
	if (!(error instanceof DocxRefusedError)) throw new Error(`expected a refusal, got ${String(error)}`);
	return error.refusal;
}

/** The DOCX Convene wrote, with its main part replaced (and other parts added). */
async function withDocument(xml: string, extra: Record<string, string> = {}) {
	const zip = await JSZip.loadAsync(await docxOf());
	zip.file('word/document.xml', xml);
	for (const [name, text] of Object.entries(extra)) zip.file(name, text);
	return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string, extra = '') => `<w:p>${extra}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const numbered = p('1. A numbered paragraph.');

describe('reading a report back from a DOCX', () => {
	it('reads back every block of the DOCX Convene wrote, and the version it came from', async () => {
		const read = await readReportDocx(await docxOf());
		expect(read.blocks).toEqual(REPORT.blocks);
		expect(read.versionId).toBe(VERSION);
		expect(read.trackedChanges).toEqual([]);
		expect(read.comments).toEqual([]);
	});

	it('reads a file edited as Word does: a changed paragraph, a new footnote, a deleted recommendation, tracked changes and a comment', async () => {
		const edited = await editLikeWord(await docxOf(), [
			{ replace: 'from eleven countries', with: 'from 12 countries' },
			{ addFootnoteTo: 'access to services', text: 'See A/HRC/50/31.' },
			{ deleteParagraph: 'Fund city networks on migration.' },
			{ trackedInsertion: ' and in rural districts', after: 'for migrants in cities', author: 'Reviewer A' },
			{ trackedDeletion: ' regardless of status', author: 'Reviewer B' },
			{ commentOn: 'Hold the next consultation', author: 'Reviewer A', text: 'Is this agreed?' }
		]);
		const read = await readReportDocx(edited);
		expect(read.versionId).toBe(VERSION);
		expect(read.blocks).toEqual([
			{ kind: 'heading', numeral: 'I', text: 'Background' },
			{ kind: 'paragraph', text: 'The consultation gathered local authorities from 12 countries.', footnotes: ['General Assembly resolution 73/195, annex.'] },
			{ kind: 'paragraph', text: 'Participants discussed access to services for migrants in cities. and in rural districts', footnotes: ['See A/HRC/50/31.'] },
			{ kind: 'heading', numeral: 'II', text: 'Recommendations' },
			{ kind: 'paragraph', text: 'Participants made the following recommendations:', footnotes: [] },
			{ kind: 'list-item', text: 'Open municipal services to all migrants.', footnotes: [], isRecommendation: true },
			{ kind: 'list-item', text: 'Hold the next consultation in person.', footnotes: [] },
			{ kind: 'heading', numeral: null, text: 'Annex' },
			{ kind: 'annex', cells: ['Time', 'Item'], isHeader: true },
			{ kind: 'annex', cells: ['10:00', 'Opening | welcome'], isHeader: false }
		]);
		expect(read.trackedChanges).toEqual([
			{ kind: 'insertion', author: 'Reviewer A', date: '2026-12-01T09:00:00Z', text: 'and in rural districts', place: { kind: 'paragraph', label: '2', isFootnote: false } },
			{ kind: 'deletion', author: 'Reviewer B', date: '2026-12-01T09:00:00Z', text: 'regardless of status', place: { kind: 'paragraph', label: '3 (A)', isFootnote: false } }
		]);
		expect(read.comments).toEqual([{ author: 'Reviewer A', date: '2026-12-01T09:00:00Z', text: 'Is this agreed?', place: { kind: 'paragraph', label: '3 (B)', isFootnote: false } }]);
	});

	it('accepts a deleted paragraph mark as Word shows it: the paragraph runs on into the next', async () => {
		const zip = await JSZip.loadAsync(await docxOf());
		const xml = await zip.file('word/document.xml')!.async('string');
		const marked = xml.replace(
			/(<w:p><w:pPr>(?:(?!<\/w:pPr>).)*?)(<\/w:pPr><w:r><w:t xml:space="preserve">The consultation gathered)/s,
			'$1<w:rPr><w:del w:id="5" w:author="Reviewer C" w:date="2026-12-01T09:00:00Z"/></w:rPr>$2'
		);
		expect(marked).not.toBe(xml);
		zip.file('word/document.xml', marked);
		const read = await readReportDocx(await zip.generateAsync({ type: 'uint8array' }));
		expect(read.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual([
			'The consultation gathered local authorities from eleven countries. Participants discussed access to services for migrants in cities.',
			'Participants made the following recommendations:'
		]);
		expect(read.blocks[1]).toMatchObject({ footnotes: ['General Assembly resolution 73/195, annex.'] });
		expect(read.trackedChanges).toMatchObject([{ kind: 'deletion', author: 'Reviewer C', text: '¶' }]);
	});

	it('reads typed numbers, letters and Roman numerals where Word numbering is missing, and numbers everything afresh', async () => {
		const typed = new Document({
			numbering: { config: [{ reference: 'n', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
			sections: [
				{
					children: [
						new Paragraph('Summary report'),
						new Paragraph('III. Background'),
						new Paragraph('7. A typed paragraph.'),
						new Paragraph({ text: 'A paragraph in Word numbering.', numbering: { reference: 'n', level: 0 } }),
						new Paragraph('A. A typed item.'),
						new Paragraph('B. Another typed item.'),
						new Paragraph('A paragraph someone left unnumbered.'),
						// A year, and initials, are not numbers or letters typed by the author.
						new Paragraph('2030. The Agenda was recalled.'),
						new Paragraph('M. Rahman opened the meeting.'),
						new Paragraph('IV. Conclusions')
					]
				}
			]
		});
		const read = await readReportDocx(new Uint8Array(await Packer.toBuffer(typed)));
		expect(read.versionId).toBeNull();
		expect(read.blocks).toEqual([
			{ kind: 'heading', numeral: 'I', text: 'Background' },
			{ kind: 'paragraph', text: 'A typed paragraph.', footnotes: [] },
			{ kind: 'paragraph', text: 'A paragraph in Word numbering.', footnotes: [] },
			{ kind: 'list-item', text: 'A typed item.', footnotes: [] },
			{ kind: 'list-item', text: 'Another typed item.', footnotes: [] },
			{ kind: 'paragraph', text: 'A paragraph someone left unnumbered.', footnotes: [] },
			{ kind: 'paragraph', text: '2030. The Agenda was recalled.', footnotes: [] },
			{ kind: 'paragraph', text: 'M. Rahman opened the meeting.', footnotes: [] },
			{ kind: 'heading', numeral: 'II', text: 'Conclusions' }
		]);
	});

	it('refuses what is not a DOCX, naming what it is', async () => {
		expect(await refusalOf(new TextEncoder().encode('Summary report\n1. A paragraph.'))).toEqual({ reason: 'not-docx', found: 'other' });
		expect(await refusalOf(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ'))).toEqual({ reason: 'not-docx', found: 'pdf' });
		expect(await refusalOf(await zipOf({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document-content/>' }))).toEqual({ reason: 'not-docx', found: 'opendocument' });
		expect(await refusalOf(await zipOf({ 'xl/workbook.xml': '<workbook/>' }))).toEqual({ reason: 'not-docx', found: 'spreadsheet' });
		expect(await refusalOf(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]))).toEqual({ reason: 'zip', zip: { problem: 'not-a-zip' } });
	});

	it('tells an old .doc from a password-protected file (both are OLE compound files)', async () => {
		const ole = (stream: string) => {
			const b = Buffer.alloc(4096);
			Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
			Buffer.from(stream, 'utf16le').copy(b, 1024);
			return new Uint8Array(b);
		};
		expect(await refusalOf(ole('WordDocument'))).toEqual({ reason: 'legacy-doc' });
		expect(await refusalOf(ole('EncryptedPackage'))).toEqual({ reason: 'encrypted' });
	});

	it('refuses a zip bomb by what it really unpacks to, after reading at most the limit', async () => {
		const normal = await JSZip.loadAsync(await docxOf());
		const zip = new JSZip();
		for (const [name, file] of Object.entries(normal.files)) if (!file.dir) zip.file(name, await file.async('uint8array'));
		zip.file('word/media/padding.bin', Buffer.alloc(40 * 1024 * 1024, 0), { compression: 'DEFLATE', compressionOptions: { level: 9 } });
		const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
		expect(bomb.byteLength).toBeLessThan(200 * 1024);
		expect(await refusalOf(bomb, { ...DOCX_LIMITS, unzippedBytes: 16 * 1024 * 1024 })).toEqual({ reason: 'zip', zip: { problem: 'unzips-too-large', limitMb: 16 } });
		expect(await refusalOf(bomb)).toEqual({ reason: 'zip', zip: { problem: 'part-too-large', part: 'word/media/padding.bin', limitMb: 32 } });
	});

	it('refuses a file with no numbered paragraph, and damaged or hostile XML, with the reason', async () => {
		const plain = new Document({ sections: [{ children: [new Paragraph('Dear colleagues,'), new Paragraph('Please find attached the report.')] }] });
		expect(await refusalOf(new Uint8Array(await Packer.toBuffer(plain)))).toEqual({ reason: 'no-paragraphs' });

		expect(await refusalOf(await withDocument(`<w:document ${W}><w:body><w:p>`))).toMatchObject({ reason: 'malformed', part: 'word/document.xml' });
		const laughs = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document ${W}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`;
		expect(await refusalOf(await withDocument(laughs))).toMatchObject({ reason: 'malformed', detail: 'a DOCTYPE is not allowed in a Word file' });
		const deep = `<w:document ${W}><w:body>${'<w:sdt><w:sdtContent>'.repeat(200_000)}${'</w:sdtContent></w:sdt>'.repeat(200_000)}</w:body></w:document>`;
		expect(await refusalOf(await withDocument(deep))).toMatchObject({ reason: 'malformed', detail: 'nested deeper than 128 levels' });
		const long = await docxOf({ ...REPORT, blocks: [{ kind: 'paragraph', text: 'x'.repeat(DOCX_LIMITS.blockLength + 1), footnotes: [] }] });
		expect(await refusalOf(long)).toMatchObject({ reason: 'block-too-long', limit: DOCX_LIMITS.blockLength });
		expect(await refusalOf(new Uint8Array(DOCX_LIMITS.bytes + 1))).toEqual({ reason: 'too-large', limitMb: 20 });
	});
});

/**
 * A small zip whose ZIP64 end record claims `claim` entries behind ten empty directory records; with
 * `fakeInComment`, the end record's comment holds a second end record claiming one entry.
 */
function zip64Claim(claim: bigint, fakeInComment = false): Uint8Array {
	const rec = Buffer.alloc(46);
	rec.writeUInt32LE(0x02014b50, 0);
	const dir = Buffer.concat(Array.from({ length: 10 }, () => rec));
	const z64 = Buffer.alloc(56);
	z64.writeUInt32LE(0x06064b50, 0);
	z64.writeBigUInt64LE(claim, 24);
	z64.writeBigUInt64LE(claim, 32);
	const locator = Buffer.alloc(20);
	locator.writeUInt32LE(0x07064b50, 0);
	locator.writeBigUInt64LE(BigInt(4 + dir.length), 8);
	const fake = Buffer.alloc(fakeInComment ? 22 : 0);
	if (fakeInComment) {
		fake.writeUInt32LE(0x06054b50, 0);
		fake.writeUInt16LE(1, 10);
	}
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(0xffff, 10);
	end.writeUInt32LE(0xffffffff, 12);
	end.writeUInt32LE(0xffffffff, 16);
	end.writeUInt16LE(fake.length, 20);
	return new Uint8Array(Buffer.concat([Buffer.from('PK\x03\x04'), dir, z64, locator, end, fake]));
}

describe('hostile files found by a review, refused quickly and in little memory', () => {
	it('refuses a 734-byte zip whose end record claims 100 million entries, before any zip library reads it', async () => {
		const started = performance.now();
		expect(await refusalOf(zip64Claim(100_000_000n))).toEqual({ reason: 'zip', zip: { problem: 'too-many-parts', limit: 1000 } });
		expect(performance.now() - started).toBeLessThan(500);
	});

	it('reads the largest claim of every end record, so that a fake one in the zip comment hides nothing', async () => {
		expect(await refusalOf(zip64Claim(100_000_000n, true))).toEqual({ reason: 'zip', zip: { problem: 'too-many-parts', limit: 1000 } });
	});

	it('measures a tag whole, quoted values included: ">" inside an attribute does not end it', async () => {
		const attributes = Array.from({ length: 20_000 }, (_, i) => `a${i}=">"`).join(' ');
		expect(await refusalOf(await withDocument(`<w:document ${W}><w:body><w:p ${attributes}/></w:body></w:document>`))).toMatchObject({ reason: 'malformed', detail: 'a tag longer than 65,536 characters' });
	});

	it('reads a run of 60,000 empty paragraphs with deleted marks in linear time', async () => {
		const empty = '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="x"/></w:rPr></w:pPr></w:p>';
		const started = performance.now();
		const read = await readReportDocx(await withDocument(`<w:document ${W}><w:body>${numbered}${empty.repeat(60_000)}</w:body></w:document>`));
		expect(performance.now() - started).toBeLessThan(4000);
		expect(read.trackedChangeCount).toBe(60_000);
		expect(read.trackedChanges).toHaveLength(1000);
	});

	it('refuses a long text wrapped in 120 nested tracked insertions as soon as it passes the paragraph limit', async () => {
		const long = 'a '.repeat(1_000_000);
		const file = await withDocument(`<w:document ${W}><w:body>${numbered}<w:p>${'<w:ins w:id="1" w:author="x">'.repeat(120)}<w:r><w:t>${long}</w:t></w:r>${'</w:ins>'.repeat(120)}</w:p></w:body></w:document>`);
		const started = performance.now();
		expect(await refusalOf(file)).toMatchObject({ reason: 'block-too-long', limit: 20_000 });
		expect(performance.now() - started).toBeLessThan(3000);
	});

	it('refuses paragraphs that run on through deleted paragraph marks past the paragraph limit, and a tag with a million attributes', async () => {
		const marked = p('a', '<w:pPr><w:rPr><w:del w:id="1" w:author="x"/></w:rPr></w:pPr>');
		expect(await refusalOf(await withDocument(`<w:document ${W}><w:body>${numbered}${marked.repeat(15_000)}</w:body></w:document>`))).toMatchObject({ reason: 'block-too-long' });
		const attributes = Array.from({ length: 1_000_000 }, (_, i) => `a${i}="1"`).join(' ');
		expect(await refusalOf(await withDocument(`<w:document ${W}><w:body><w:p ${attributes}/></w:body></w:document>`))).toMatchObject({ reason: 'malformed', detail: 'a tag longer than 65,536 characters' });
	});

	it('counts the elements of all parts together, and rows of the annex table as blocks', async () => {
		const many = `<w:document ${W}><w:body>${numbered}${'<w:p/>'.repeat(250_000)}</w:body></w:document>`;
		const notes = `<w:footnotes ${W}>${'<w:footnote w:id="9"><w:p/></w:footnote>'.repeat(80_000)}</w:footnotes>`;
		expect(await refusalOf(await withDocument(many, { 'word/footnotes.xml': notes }))).toMatchObject({ reason: 'malformed', detail: 'more than 400,000 elements in the file' });
		const row = '<w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>';
		expect(await refusalOf(await withDocument(`<w:document ${W}><w:body>${numbered}<w:tbl>${row.repeat(5001)}</w:tbl></w:body></w:document>`))).toEqual({ reason: 'too-many-blocks', limit: 5000 });
	});
});

describe('what Word and its variants write, read as Word shows it', () => {
	it('reads the main part wherever the package’s relationships put it (Word for the web writes document2.xml)', async () => {
		const zip = await JSZip.loadAsync(await docxOf());
		const main = await zip.file('word/document.xml')!.async('string');
		zip.remove('word/document.xml');
		zip.file('word/document2.xml', main);
		const rels = await zip.file('_rels/.rels')!.async('string');
		zip.file('_rels/.rels', rels.replace('word/document.xml', 'word/document2.xml'));
		const partRels = await zip.file('word/_rels/document.xml.rels')!.async('string');
		zip.remove('word/_rels/document.xml.rels');
		zip.file('word/_rels/document2.xml.rels', partRels);
		const read = await readReportDocx(await zip.generateAsync({ type: 'uint8array' }));
		expect(read.blocks).toEqual(REPORT.blocks);
		expect(read.versionId).toBe(VERSION);
	});

	it('reads a typed lettered list without full stops as a list, leaves out text hidden by a style, and places changes and comments where they are', async () => {
		const styles = `<w:styles ${W}><w:style w:type="character" w:styleId="Secret"><w:name w:val="Secret"/><w:rPr><w:vanish/></w:rPr></w:style></w:styles>`;
		const run = (t: string, rPr = '') => `<w:r>${rPr}<w:t xml:space="preserve">${t}</w:t></w:r>`;
		const body = [
			p('1. Three themes were discussed:'),
			p('A. Housing'),
			p('B. Health'),
			p('C. Education'),
			p('D. Transport'),
			`<w:p>${run('2. Participants welcomed the plan.')}${run(' A note to self.', '<w:rPr><w:rStyle w:val="Secret"/></w:rPr>')}<w:del w:id="3" w:author="R"><w:r><w:delText> removed words</w:delText></w:r><w:r><w:commentReference w:id="5"/></w:r></w:del></w:p>`,
			'<w:tbl><w:tr><w:trPr><w:del w:id="4" w:author="R"/></w:trPr><w:tc><w:p><w:r><w:t>Old row</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Kept row</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
		].join('');
		const comments = `<w:comments ${W}><w:comment w:id="5" w:author="C"><w:p><w:r><w:t>Why delete this?</w:t></w:r></w:p></w:comment></w:comments>`;
		const read = await readReportDocx(await withDocument(`<w:document ${W}><w:body>${body}</w:body></w:document>`, { 'word/styles.xml': styles, 'word/comments.xml': comments }));
		expect(read.blocks).toEqual([
			{ kind: 'paragraph', text: 'Three themes were discussed:', footnotes: [] },
			...['Housing', 'Health', 'Education', 'Transport'].map((text) => ({ kind: 'list-item', text, footnotes: [] })),
			{ kind: 'paragraph', text: 'Participants welcomed the plan.', footnotes: [] },
			{ kind: 'annex', cells: ['Kept row'], isHeader: false }
		]);
		expect(read.trackedChanges.map((c) => [c.kind, c.text, c.place.kind, c.place.label])).toEqual([
			['deletion', 'removed words', 'paragraph', '2'],
			['deletion', 'Old row', 'annex', '']
		]);
		expect(read.comments.map((c) => [c.text, c.place.label])).toEqual([['Why delete this?', '2']]);
	});

	it('leaves out hidden text and rows deleted as tracked changes, lists inserted paragraphs and rows, and counts what a version cannot hold', async () => {
		const zip = await JSZip.loadAsync(await docxOf());
		let xml = await zip.file('word/document.xml')!.async('string');
		xml = xml.replace('<w:t xml:space="preserve">The consultation gathered', '<w:t xml:space="preserve">The consultation gathered</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> SECRET DRAFTING NOTE</w:t></w:r><w:r><w:t xml:space="preserve">');
		xml = xml.replace(/<w:tr><w:tc>((?:(?!<\/w:tr>).)*?)10:00/s, '<w:tr><w:trPr><w:del w:id="7" w:author="Reviewer D" w:date="2026-12-01T09:00:00Z"/></w:trPr><w:tc>$110:00');
		xml = xml.replace(/(<w:p><w:pPr><w:pStyle w:val="Heading1"\/><\/w:pPr><w:r><w:t xml:space="preserve">I\. Background<\/w:t><\/w:r>)/, '$1<w:r><w:footnoteReference w:id="1"/></w:r>');
		expect(xml).toContain('<w:vanish/></w:rPr><w:t xml:space="preserve"> SECRET DRAFTING NOTE');
		zip.file('word/document.xml', xml);
		zip.file('word/endnotes.xml', `<w:endnotes ${W}><w:endnote w:type="separator" w:id="-1"><w:p/></w:endnote><w:endnote w:id="1"><w:p><w:r><w:t>An endnote.</w:t></w:r></w:p></w:endnote></w:endnotes>`);
		const read = await readReportDocx(await zip.generateAsync({ type: 'uint8array' }));
		expect(read.blocks[1]).toMatchObject({ kind: 'paragraph', text: 'The consultation gathered local authorities from eleven countries.' });
		expect(read.blocks.filter((b) => b.kind === 'annex')).toEqual([{ kind: 'annex', cells: ['Time', 'Item'], isHeader: true }]);
		expect(read.trackedChanges).toMatchObject([{ kind: 'deletion', author: 'Reviewer D', text: '10:00 | Opening | welcome', place: { kind: 'annex' } }]);
		expect(read.omitted).toEqual([
			{ kind: 'heading-footnotes', count: 1 },
			{ kind: 'endnotes', count: 1 }
		]);
	});
});
