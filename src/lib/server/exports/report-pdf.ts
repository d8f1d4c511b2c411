// A report as PDF (pdfkit), for reading and printing: the same headings, numbers and letters as
// every other format, the annex as a ruled table, and the footnotes as numbered notes at the end.
// Names and words in any script the network writes in are shown: see pdf-fonts.ts.
import PDFDocument from 'pdfkit';
import { numberBlocks, type ReportDocument } from '../../domain/report/model';
import { ROLE_FONTS, runsOf, SCRIPT_FONTS, type Role } from './pdf-fonts';

export function renderPdf(doc: ReportDocument): Promise<Buffer> {
	const pdf = new PDFDocument({ size: 'A4', margins: { top: 64, bottom: 64, left: 64, right: 64 }, info: { Title: doc.title, Creator: 'Convene' }, bufferPages: true });
	for (const [role, file] of Object.entries(ROLE_FONTS)) pdf.registerFont(role, file);
	const registered = new Set<string>();
	/** Writes `text` in `role` at (x, y), each run of another script in a font that has it. */
	const write = (role: Role, text: string, x: number | undefined, y: number | undefined, options: PDFKit.Mixins.TextOptions) => {
		const runs = runsOf(text, role);
		if (runs.length <= 1) {
			pdf.font(role).text(text, x, y, options);
			return;
		}
		runs.forEach((run, i) => {
			const fallback = SCRIPT_FONTS.find((f) => f.name === run.font);
			if (fallback && !registered.has(fallback.name)) {
				pdf.registerFont(fallback.name, fallback.file);
				registered.add(fallback.name);
			}
			pdf.font(run.font);
			const continued = i < runs.length - 1;
			if (i === 0) pdf.text(run.text, x, y, { ...options, continued });
			else pdf.text(run.text, { continued });
		});
		pdf.font(role);
	};
	const chunks: Buffer[] = [];
	pdf.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));

	const left = pdf.page.margins.left;
	const width = pdf.page.width - left - pdf.page.margins.right;
	const bottom = () => pdf.page.height - pdf.page.margins.bottom;
	const hanging = (mark: string, text: string, indent: number) => {
		pdf.font('body').fontSize(10.5);
		const h = pdf.heightOfString(text, { width: width - indent });
		if (pdf.y + Math.min(h, 40) > bottom()) pdf.addPage();
		const y = pdf.y;
		pdf.text(mark, left + indent - 28, y, { width: 26 });
		write('body', text, left + indent, y, { width: width - indent, align: 'left' });
		pdf.moveDown(0.5);
	};

	pdf.fontSize(15);
	write('bold', doc.title, undefined, undefined, { width });
	pdf.moveDown(0.3);
	pdf.fontSize(10.5);
	write('italic', doc.subtitle, undefined, undefined, { width });
	if (doc.edition) write('italic', doc.edition, undefined, undefined, { width });
	pdf.moveDown(1);
	const blocks = numberBlocks(doc.blocks);
	const notes: { number: number; text: string }[] = [];
	const withRefs = (text: string, f: { number: number; text: string }[]) => {
		notes.push(...f);
		return f.length ? `${text} ${f.map((n) => `[${n.number}]`).join('')}` : text;
	};
	const columns = [0.14, 0.26, 0.28, 0.32].map((share) => share * width);
	for (const b of blocks) {
		if (b.kind === 'heading') {
			if (pdf.y + 60 > bottom()) pdf.addPage();
			pdf.moveDown(0.5);
			pdf.fontSize(12);
			write('bold', b.numeral ? `${b.numeral}. ${b.text}` : b.text, left, pdf.y, { width });
			pdf.moveDown(0.5);
		} else if (b.kind === 'paragraph') hanging(`${b.number}.`, withRefs(b.text, b.footnotes), 28);
		else if (b.kind === 'list-item') hanging(`${b.letter}.`, withRefs(b.text, b.footnotes), 56);
		else {
			pdf.font(b.isHeader ? 'bold' : 'body').fontSize(9);
			const heights = b.cells.map((c, i) => pdf.heightOfString(c || ' ', { width: columns[i] - 8 }));
			const h = Math.max(...heights) + 8;
			if (pdf.y + h > bottom()) pdf.addPage();
			const y = pdf.y;
			let x = left;
			b.cells.forEach((c, i) => {
				pdf.rect(x, y, columns[i], h).lineWidth(0.5).stroke('#666666');
				pdf.fillColor('black');
				write(b.isHeader ? 'bold' : 'body', c, x + 4, y + 4, { width: columns[i] - 8 });
				x += columns[i];
			});
			pdf.x = left;
			pdf.y = y + h;
		}
	}
	if (notes.length) {
		pdf.moveDown(1);
		if (pdf.y + 60 > bottom()) pdf.addPage();
		pdf.font('bold').fontSize(11).text('Notes', left, pdf.y, { width });
		pdf.moveDown(0.4);
		pdf.font('body').fontSize(9);
		for (const n of notes) {
			if (pdf.y + 24 > bottom()) pdf.addPage();
			const y = pdf.y;
			pdf.text(`[${n.number}]`, left, y, { width: 26 });
			write('body', n.text, left + 28, y, { width: width - 28 });
			pdf.moveDown(0.3);
		}
	}
	// Page numbers.
	const range = pdf.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		pdf.switchToPage(i);
		pdf.page.margins.bottom = 0; // writing in the margin must not start a new page
		pdf.font('body').fontSize(8.5).text(`${i + 1} / ${range.count}`, left, pdf.page.height - 40, { width, align: 'center', lineBreak: false });
	}
	pdf.end();
	return done;
}
