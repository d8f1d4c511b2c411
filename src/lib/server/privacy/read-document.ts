// The text of a file to check: plain text and Markdown as they are, HTML and DOCX converted to
// text with a blank line between paragraphs (a passage, for the anonymity-set check).

import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { convert } from 'html-to-text';

export class UnreadableDocumentError extends Error {}

export function htmlToText(html: string): string {
	return convert(html, {
		wordwrap: false,
		selectors: [
			{ selector: 'a', options: { ignoreHref: true } },
			{ selector: 'img', format: 'skip' },
			{ selector: 'h1', options: { uppercase: false } },
			{ selector: 'h2', options: { uppercase: false } },
			{ selector: 'h3', options: { uppercase: false } },
			{ selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } }
		]
	});
}

export async function readDocument(file: string): Promise<string> {
	const extension = path.extname(file).toLowerCase();
	let data: Buffer;
	try {
		data = fs.readFileSync(file);
	} catch (error) {
		throw new UnreadableDocumentError(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
	}
	if (extension === '.docx') {
		try {
			return (await mammoth.extractRawText({ buffer: data })).value;
		} catch (error) {
			throw new UnreadableDocumentError(`${file}: not a readable DOCX file (${(error as Error).message})`);
		}
	}
	if (['.doc', '.pdf', '.odt', '.rtf'].includes(extension)) throw new UnreadableDocumentError(`${file}: ${extension} files cannot be read; save it as .docx, .html, .md or .txt`);
	const text = data.toString('utf8').replace(/^\uFEFF/, '');
	return extension === '.html' || extension === '.htm' ? htmlToText(text) : text;
}
