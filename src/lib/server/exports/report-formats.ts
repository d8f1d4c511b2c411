// A report document in each format it leaves Convene in: the one switch the download route and the
// CLI both use, so that a format added here is offered by both.
import { createHash } from 'node:crypto';
import type { ReportDocument } from '../../domain/report/model';
import { renderHtmlDocument, renderMarkdown } from '../../domain/report/render-text';
import { renderDocx } from './report-docx';
import { renderPdf } from './report-pdf';

export const REPORT_FORMATS = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	pdf: 'application/pdf',
	md: 'text/markdown; charset=utf-8',
	html: 'text/html; charset=utf-8'
} as const;
export type ReportFormat = keyof typeof REPORT_FORMATS;

export const isReportFormat = (value: string): value is ReportFormat => Object.hasOwn(REPORT_FORMATS, value);

export async function renderReport(doc: ReportDocument, format: ReportFormat): Promise<Uint8Array<ArrayBuffer>> {
	switch (format) {
		case 'docx':
			return new Uint8Array(await renderDocx(doc));
		case 'pdf':
			return new Uint8Array(await renderPdf(doc));
		case 'md':
			return new TextEncoder().encode(renderMarkdown(doc));
		case 'html':
			return new TextEncoder().encode(renderHtmlDocument(doc));
	}
}

/**
 * The files of published versions, kept once written: a published version never changes, and a
 * PDF takes a quarter of a second or more of the server's time to lay out. Keyed by a hash of the
 * document itself (a different text is a different file), newest kept, 32 MB at most.
 */
const rendered = new Map<string, Uint8Array<ArrayBuffer>>();
let renderedBytes = 0;
const MAX_RENDERED_BYTES = 32 * 1024 * 1024;

export async function renderPublished(doc: ReportDocument, format: ReportFormat): Promise<Uint8Array<ArrayBuffer>> {
	const key = `${format}:${createHash('sha256').update(JSON.stringify(doc)).digest('base64url')}`;
	const kept = rendered.get(key);
	if (kept) {
		rendered.delete(key); // most recently used last
		rendered.set(key, kept);
		return kept;
	}
	const file = await renderReport(doc, format);
	if (file.byteLength > MAX_RENDERED_BYTES / 4) return file;
	rendered.set(key, file);
	renderedBytes += file.byteLength;
	for (const [k, v] of rendered) {
		if (renderedBytes <= MAX_RENDERED_BYTES) break;
		rendered.delete(k);
		renderedBytes -= v.byteLength;
	}
	return file;
}
