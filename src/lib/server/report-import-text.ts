// The Word import's findings in the staff member's language: where a change or comment is, each
// tracked change, what was left out, and why a file was refused (the CLI words them in English).
import { m } from '$lib/paraglide/messages';
import { DOCX_LIMITS, type DocxRefusal, type Omitted, type Place, type TrackedChange } from './imports/read-docx';

export const where = (p: Place) =>
	p.kind === 'paragraph'
		? (p.isFootnote ? m.report_import_where_footnote : m.report_import_where_paragraph)({ label: p.label })
		: p.kind === 'heading'
			? m.report_import_where_heading({ label: p.label })
			: p.kind === 'annex'
				? m.report_import_where_annex()
				: m.report_import_where_title();

export const changeText = (c: TrackedChange) => {
	const author = c.author || m.report_import_someone();
	const params = { author, text: c.text, where: where(c.place) };
	return c.kind === 'insertion' ? m.report_import_tracked_insertion(params) : c.kind === 'deletion' ? m.report_import_tracked_deletion(params) : m.report_import_tracked_formatting(params);
};

export const OMITTED: Record<Omitted['kind'], (p: { count: number }) => string> = {
	'heading-footnotes': m.report_import_omitted_heading_footnotes,
	'table-footnotes': m.report_import_omitted_table_footnotes,
	'stray-footnotes': m.report_import_omitted_stray_footnotes,
	'text-boxes': m.report_import_omitted_text_boxes,
	endnotes: m.report_import_omitted_endnotes
};

/** A list cut at the reader's limit says how many more there are. */
export const withMore = (items: string[], total: number) => (total > items.length ? [...items, m.report_import_more({ count: total - items.length })] : items);

export function refusalText(r: DocxRefusal): string {
	switch (r.reason) {
		case 'too-large':
			return m.report_import_err_too_large({ limit: r.limitMb });
		case 'not-docx':
			return r.found === 'pdf' ? m.report_import_err_pdf() : m.report_import_err_not_docx();
		case 'legacy-doc':
			return m.report_import_err_legacy_doc();
		case 'encrypted':
			return m.report_import_err_encrypted();
		case 'zip':
			if (r.zip.problem === 'not-a-zip') return m.report_import_err_not_docx();
			if (r.zip.problem === 'corrupt') return m.report_import_err_damaged({ detail: r.zip.detail });
			// The limit that was broken: the whole file's, or one part's.
			return m.report_import_err_bomb({ limit: r.zip.problem === 'too-many-parts' ? DOCX_LIMITS.unzippedBytes / 1024 / 1024 : r.zip.limitMb });
		case 'malformed':
			return m.report_import_err_damaged({ detail: `${r.part}: ${r.detail}` });
		case 'no-paragraphs':
			return m.report_import_err_no_paragraphs();
		case 'too-many-blocks':
			return m.report_import_err_too_many_blocks({ limit: r.limit });
		case 'block-too-long':
			return m.report_import_err_block_too_long({ limit: r.limit, start: r.start });
		case 'too-many-footnotes':
			return m.report_import_err_too_many_footnotes({ limit: r.limit, start: r.start });
		case 'too-many-cells':
			return m.report_import_err_too_many_cells({ limit: r.limit });
		case 'too-much-text':
			return m.report_import_err_too_much_text({ limit: r.limit });
	}
}
