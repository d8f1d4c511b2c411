import { describe, expect, it } from 'vitest';
import { renderPublished } from './report-formats';
import type { ReportDocument } from '../../domain/report/model';

const doc = (text: string): ReportDocument => ({ title: 'Summary report', subtitle: 'Bangkok', blocks: [{ kind: 'paragraph', text, footnotes: [] }] });

describe('the files of published versions', () => {
	it('are written once per document and format, and again when the text differs', async () => {
		const first = await renderPublished(doc('The consultation opened.'), 'pdf');
		expect(await renderPublished(doc('The consultation opened.'), 'pdf')).toBe(first); // the kept bytes, not a new layout
		const other = await renderPublished(doc('The consultation closed.'), 'pdf');
		expect(other).not.toBe(first);
		expect(new TextDecoder().decode(await renderPublished(doc('The consultation opened.'), 'md'))).toContain('The consultation opened.');
	});
});
