// A report as Markdown and as HTML. Paragraph numbers, list letters and footnote numbers come from
// numberBlocks, so every format shows the same ones.

import { numberBlocks, type NumberedBlock, type ReportDocument } from './model';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeMarkdown = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/^(\d+)\. /, '$1\\. ');

function footnotesOf(blocks: NumberedBlock[]) {
	return blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'list-item' ? b.footnotes : []));
}

export function renderMarkdown(doc: ReportDocument): string {
	const blocks = numberBlocks(doc.blocks);
	const out: string[] = [`# ${escapeMarkdown(doc.title)}`, '', `*${escapeMarkdown(doc.subtitle)}*`, '', ...(doc.edition ? [`*${escapeMarkdown(doc.edition)}*`, ''] : [])];
	let table = false;
	for (const b of blocks) {
		const refs = (f: { number: number }[]) => f.map((n) => `[^${n.number}]`).join('');
		if (b.kind !== 'annex' && table) {
			out.push('');
			table = false;
		}
		if (b.kind === 'heading') out.push(`## ${b.numeral ? `${b.numeral}. ` : ''}${escapeMarkdown(b.text)}`, '');
		else if (b.kind === 'paragraph') out.push(`${b.number}\\. ${escapeMarkdown(b.text)}${refs(b.footnotes)}`, '');
		else if (b.kind === 'list-item') out.push(`    ${b.letter}\\. ${escapeMarkdown(b.text)}${refs(b.footnotes)}`, '');
		else {
			out.push(`| ${b.cells.map((c) => escapeMarkdown(c) || ' ').join(' | ')} |`);
			if (b.isHeader) out.push(`|${b.cells.map(() => ' --- ').join('|')}|`);
			table = true;
		}
	}
	if (table) out.push('');
	for (const f of footnotesOf(blocks)) out.push(`[^${f.number}]: ${escapeMarkdown(f.text)}`);
	return `${out.join('\n').trimEnd()}\n`;
}

/** The report's body as HTML (headings from h2; the page supplies the h1 and the styles). */
export function renderHtmlBody(doc: ReportDocument): string {
	const blocks = numberBlocks(doc.blocks);
	const out: string[] = [];
	let list = false;
	let table = false;
	const refs = (f: { number: number }[]) => f.map((n) => `<sup><a href="#fn${n.number}" id="fnref${n.number}" aria-label="Footnote ${n.number}">${n.number}</a></sup>`).join('');
	for (const b of blocks) {
		if (b.kind !== 'list-item' && list) {
			out.push('</ol>');
			list = false;
		}
		if (b.kind !== 'annex' && table) {
			out.push('</tbody></table></div>');
			table = false;
		}
		if (b.kind === 'heading') out.push(`<h2>${b.numeral ? `${b.numeral}. ` : ''}${escapeHtml(b.text)}</h2>`);
		else if (b.kind === 'paragraph') out.push(`<p class="numbered" id="para-${b.number}"><span class="number">${b.number}.</span> ${escapeHtml(b.text)}${refs(b.footnotes)}</p>`);
		else if (b.kind === 'list-item') {
			if (!list) {
				out.push('<ol class="lettered" type="A">');
				list = true;
			}
			out.push(`<li>${escapeHtml(b.text)}${refs(b.footnotes)}</li>`);
		} else {
			if (!table) {
				// A wide table scrolls in its own box on a small screen, not the whole page (focusable, so
				// that a keyboard can scroll it too).
				out.push('<div class="table-scroll" role="region" aria-label="Annex table" tabindex="0" data-scrolls><table class="annex">');
				table = true;
			}
			if (b.isHeader) out.push(`<thead><tr>${b.cells.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>`);
			else out.push(`<tr>${b.cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`);
		}
	}
	if (list) out.push('</ol>');
	if (table) out.push('</tbody></table></div>');
	const notes = footnotesOf(blocks);
	if (notes.length) {
		out.push('<section class="footnotes" aria-label="Footnotes"><ol>');
		for (const f of notes) out.push(`<li id="fn${f.number}" value="${f.number}">${escapeHtml(f.text)} <a href="#fnref${f.number}" aria-label="Back to the text">↩</a></li>`);
		out.push('</ol></section>');
	}
	return out.join('\n');
}

/** A standalone HTML file (the CLI's --format html), with a print stylesheet. */
export function renderHtmlDocument(doc: ReportDocument, lang = 'en'): string {
	return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>
body { font-family: Georgia, 'Times New Roman', serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
.number { display: inline-block; min-width: 2rem; }
table.annex { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
table.annex th, table.annex td { border: 1px solid #999; padding: 0.3rem; vertical-align: top; text-align: left; }
.footnotes { border-top: 1px solid #999; margin-top: 2rem; font-size: 0.9rem; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(doc.title)}</h1>
<p><em>${escapeHtml(doc.subtitle)}</em></p>
${doc.edition ? `<p><em>${escapeHtml(doc.edition)}</em></p>
` : ''}${renderHtmlBody(doc)}
</main>
</body>
</html>
`;
}
