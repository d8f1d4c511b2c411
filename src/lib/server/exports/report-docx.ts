// A report as a Word document people edit: real headings (Heading 1 for sections, Title for the
// title), paragraphs in one Word numbered list (1., 2., … continuing across sections, so inserting a
// paragraph renumbers the rest), lettered lists restarting at A., real footnotes, and the annex as
// a table with a repeated header row. Recommendations have their own paragraph style, and the file
// names its version in a custom property: both survive Word and LibreOffice, so an edited copy can
// be read back (imports/read-docx.ts).
import { AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { numberBlocks, type ReportDocument } from '../../domain/report/model';
import { RECOMMENDATION_STYLE, VERSION_PROPERTY } from '../imports/read-docx';

export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
	const blocks = numberBlocks(doc.blocks);
	const footnotes: Record<string, { children: Paragraph[] }> = {};
	const children: (Paragraph | Table)[] = [new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }), new Paragraph({ children: [new TextRun({ text: doc.subtitle, italics: true })] }), ...(doc.edition ? [new Paragraph({ children: [new TextRun({ text: doc.edition, italics: true })] })] : [])];
	let listInstance = 0;
	let inList = false;
	let rows: TableRow[] = [];
	const flushTable = () => {
		if (!rows.length) return;
		children.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
		rows = [];
	};
	const runs = (text: string, notes: { number: number; text: string }[]) => {
		for (const n of notes) footnotes[String(n.number)] = { children: [new Paragraph(n.text)] };
		return [new TextRun(text), ...notes.map((n) => new FootnoteReferenceRun(n.number))];
	};
	for (const b of blocks) {
		if (b.kind !== 'annex') flushTable();
		if (b.kind !== 'list-item') inList = false;
		if (b.kind === 'heading') {
			children.push(new Paragraph({ text: b.numeral ? `${b.numeral}. ${b.text}` : b.text, heading: HeadingLevel.HEADING_1 }));
		} else if (b.kind === 'paragraph') {
			children.push(new Paragraph({ children: runs(b.text, b.footnotes), numbering: { reference: 'report-paragraphs', level: 0 } }));
		} else if (b.kind === 'list-item') {
			if (!inList) listInstance++;
			inList = true;
			const style = b.isRecommendation ? { style: RECOMMENDATION_STYLE } : {};
			children.push(new Paragraph({ ...style, children: runs(b.text, b.footnotes), numbering: { reference: 'report-letters', level: 0, instance: listInstance } }));
		} else {
			rows.push(
				new TableRow({
					...(b.isHeader ? { tableHeader: true } : {}), // a "false" value still reads as a header row in some readers
					children: b.cells.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: c, bold: b.isHeader })] })] }))
				})
			);
		}
	}
	flushTable();
	const document = new Document({
		title: doc.title,
		creator: 'Convene',
		customProperties: doc.versionId ? [{ name: VERSION_PROPERTY, value: doc.versionId }] : [],
		styles: { paragraphStyles: [{ id: RECOMMENDATION_STYLE, name: RECOMMENDATION_STYLE, basedOn: 'ListParagraph', quickFormat: true }] },
		numbering: {
			config: [
				{ reference: 'report-paragraphs', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 567, hanging: 567 } } } }] },
				{ reference: 'report-letters', levels: [{ level: 0, format: LevelFormat.UPPER_LETTER, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 1134, hanging: 567 } } } }] }
			]
		},
		footnotes,
		sections: [{ children }]
	});
	return Packer.toBuffer(document);
}
