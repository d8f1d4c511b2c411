// A report document in each format it leaves Convene in: the one switch the download route and the
// CLI both use, so that a format added here is offered by both.
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
