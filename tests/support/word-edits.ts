// Edits a DOCX the way Word saves them: text rewritten inside a paragraph's runs, a footnote added
// (footnotes.xml and its reference run), a paragraph deleted, tracked insertions and deletions
// (w:ins / w:del with author and date), a comment anchored on a paragraph (comments.xml, its
// relationship and content type). For the import's tests; every edit names the text it works on
// and fails loudly when that text is not there.
import JSZip from 'jszip';
import type { Block } from '../../src/lib/domain/report/model';

export type WordEdit =
	| { replace: string; with: string }
	| { addFootnoteTo: string; text: string }
	| { deleteParagraph: string }
	| { trackedInsertion: string; after: string; author: string }
	| { trackedDeletion: string; author: string }
	| { commentOn: string; author: string; text: string };

// As the docx library (and Word) write text: the five XML entities.
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const PARAGRAPH = /<w:p>(?:(?!<\/w:p>).)*<\/w:p>/gs;

function paragraphWith(xml: string, text: string): { start: number; end: number; xml: string } {
	for (const m of xml.matchAll(PARAGRAPH)) if (m[0].includes(escape(text))) return { start: m.index, end: m.index + m[0].length, xml: m[0] };
	throw new Error(`no paragraph holds "${text}"`);
}

function inParagraph(xml: string, text: string, change: (p: string) => string): string {
	const p = paragraphWith(xml, text);
	return xml.slice(0, p.start) + change(p.xml) + xml.slice(p.end);
}

const DATE = '2026-12-01T09:00:00Z';

export async function editLikeWord(file: Uint8Array, edits: readonly WordEdit[]): Promise<Uint8Array> {
	const zip = await JSZip.loadAsync(file);
	let doc = await zip.file('word/document.xml')!.async('string');
	let notes = await zip.file('word/footnotes.xml')!.async('string');
	let changeId = 900;
	for (const e of edits) {
		if ('replace' in e) {
			if (!doc.includes(escape(e.replace))) throw new Error(`no text "${e.replace}"`);
			doc = doc.replace(escape(e.replace), escape(e.with));
		} else if ('addFootnoteTo' in e) {
			const ids = [...notes.matchAll(/<w:footnote [^>]*w:id="(-?\d+)"/g)].map((m) => Number(m[1]));
			const id = Math.max(0, ...ids) + 1;
			notes = notes.replace(
				'</w:footnotes>',
				`<w:footnote w:id="${id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> ${escape(e.text)}</w:t></w:r></w:p></w:footnote></w:footnotes>`
			);
			doc = inParagraph(doc, e.addFootnoteTo, (p) => p.replace(/<\/w:p>$/, `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r></w:p>`));
		} else if ('deleteParagraph' in e) {
			const p = paragraphWith(doc, e.deleteParagraph);
			doc = doc.slice(0, p.start) + doc.slice(p.end);
		} else if ('trackedInsertion' in e) {
			doc = inParagraph(doc, e.after, (p) =>
				p.replace(/<\/w:p>$/, `<w:ins w:id="${changeId++}" w:author="${escape(e.author)}" w:date="${DATE}"><w:r><w:t xml:space="preserve">${escape(e.trackedInsertion)}</w:t></w:r></w:ins></w:p>`)
			);
		} else if ('trackedDeletion' in e) {
			// The run is split where the deletion starts and ends, as Word does.
			doc = inParagraph(doc, e.trackedDeletion, (p) => {
				const run = /<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t xml:space="preserve">((?:(?!<\/w:t>).)*)<\/w:t><\/w:r>/s;
				const found = [...p.matchAll(new RegExp(run, 'gs'))].find((m) => m[2].includes(escape(e.trackedDeletion)));
				if (!found) throw new Error(`"${e.trackedDeletion}" is not within one run`);
				const [before, after] = found[2].split(escape(e.trackedDeletion));
				const rPr = found[1] ?? '';
				const plain = (t: string) => (t ? `<w:r>${rPr}<w:t xml:space="preserve">${t}</w:t></w:r>` : '');
				const deleted = `<w:del w:id="${changeId++}" w:author="${escape(e.author)}" w:date="${DATE}"><w:r>${rPr}<w:delText xml:space="preserve">${escape(e.trackedDeletion)}</w:delText></w:r></w:del>`;
				return p.replace(found[0], plain(before) + deleted + plain(after));
			});
		} else {
			const id = changeId++;
			doc = inParagraph(doc, e.commentOn, (p) =>
				p.replace(/^<w:p>((?:<w:pPr>(?:(?!<\/w:pPr>).)*<\/w:pPr>)?)/s, `<w:p>$1<w:commentRangeStart w:id="${id}"/>`).replace(/<\/w:p>$/, `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r></w:p>`)
			);
			const existing = zip.file('word/comments.xml') ? await zip.file('word/comments.xml')!.async('string') : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"></w:comments>`;
			zip.file('word/comments.xml', existing.replace('</w:comments>', `<w:comment w:id="${id}" w:author="${escape(e.author)}" w:date="${DATE}" w:initials="R"><w:p><w:r><w:t xml:space="preserve">${escape(e.text)}</w:t></w:r></w:p></w:comment></w:comments>`));
			const types = await zip.file('[Content_Types].xml')!.async('string');
			if (!types.includes('/word/comments.xml'))
				zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>'));
			const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
			if (!rels.includes('comments.xml'))
				zip.file('word/_rels/document.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>'));
		}
	}
	const numbered = renumberFootnotes(notes, doc);
	zip.file('word/document.xml', numbered.doc);
	zip.file('word/footnotes.xml', numbered.notes);
	return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * Footnotes numbered 1, 2, … in the order their references appear, and written in that order, as
 * Word saves them (LibreOffice reads a footnote by its position, so anything else mismatches there).
 */
function renumberFootnotes(notes: string, doc: string): { notes: string; doc: string } {
	const all = [...notes.matchAll(/<w:footnote [^>]*w:id="(-?\d+)"[^>]*>(?:(?!<\/w:footnote>).)*<\/w:footnote>/gs)];
	const order = [...doc.matchAll(/<w:footnoteReference w:id="(-?\d+)"\/>/g)].map((m) => m[1]);
	const newId = new Map(order.map((id, i) => [id, String(i + 1)]));
	const byId = new Map(all.map((m) => [m[1], m[0]]));
	const separators = all.filter((m) => !newId.has(m[1])).map((m) => m[0]);
	const renumbered = order.map((id) => (byId.get(id) ?? '').replace(/w:id="-?\d+"/, `w:id="${newId.get(id)}"`));
	const start = all[0].index;
	const end = all[all.length - 1].index + all[all.length - 1][0].length;
	return {
		notes: notes.slice(0, start) + separators.join('') + renumbered.join('') + notes.slice(end),
		doc: doc.replace(/<w:footnoteReference w:id="(-?\d+)"\/>/g, (_, id: string) => `<w:footnoteReference w:id="${newId.get(id)}"/>`)
	};
}

/** A zip holding `parts`, for files that are not quite a DOCX. */
export async function zipOf(parts: Record<string, string | Uint8Array>, options: { level?: number } = {}): Promise<Uint8Array> {
	const zip = new JSZip();
	for (const [name, data] of Object.entries(parts)) zip.file(name, data);
	return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: options.level ?? 6 } });
}

const blockText = (b: Block) => (b.kind === 'annex' ? b.cells.join(' ') : b.text);

/** Four words of block `i` found nowhere else in the report: enough to find it, short enough to sit in one run. */
export function uniquePiece(blocks: readonly Block[], i: number): string {
	const all = blocks.map((b) => (b.kind === 'annex' || b.kind === 'heading' ? blockText(b) : [b.text, ...b.footnotes].join(' '))).join('\n');
	const words = blockText(blocks[i]).split(' ');
	for (let k = 0; k + 4 <= words.length; k++) {
		const p = words.slice(k, k + 4).join(' ');
		if (all.split(p).length === 2) return p;
	}
	throw new Error(`block ${i} has no four words of its own`);
}
