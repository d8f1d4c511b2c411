import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { publishedVersion } from '$lib/server/queries/report-versions';
import { REPORT_FORMATS, renderPublished, type ReportFormat } from '$lib/server/exports/report-formats';

// The page itself is the HTML; these are the files a published version is offered as.
const DOWNLOADS: readonly string[] = ['docx', 'md', 'pdf'] satisfies ReportFormat[];

export const GET: RequestHandler = async ({ params }) => {
	const number = Number(params.number);
	if (!DOWNLOADS.includes(params.format) || !Number.isInteger(number)) error(404);
	const format = params.format as ReportFormat;
	const v = await publishedVersion(getDb(), params.slug, number);
	if (!v) error(404);
	return new Response(await renderPublished(v.doc, format), {
		headers: {
			'content-type': REPORT_FORMATS[format],
			'content-disposition': `attachment; filename="${params.slug}-v${v.number}.${format}"`,
			'cache-control': 'public, max-age=3600'
		}
	});
};
