import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { publishedVersion } from '$lib/server/queries/report-versions';
import { renderMarkdown } from '$lib/domain/report/render-text';
import { renderDocx } from '$lib/server/exports/report-docx';
import { renderPdf } from '$lib/server/exports/report-pdf';

const TYPES: Record<string, string> = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	md: 'text/markdown; charset=utf-8',
	pdf: 'application/pdf'
};

export const GET: RequestHandler = async ({ params }) => {
	const number = Number(params.number);
	if (!TYPES[params.format] || !Number.isInteger(number)) error(404);
	const v = await publishedVersion(getDb(), params.slug, number);
	if (!v) error(404);
	const body = params.format === 'docx' ? new Uint8Array(await renderDocx(v.doc)) : params.format === 'pdf' ? new Uint8Array(await renderPdf(v.doc)) : renderMarkdown(v.doc);
	return new Response(body, {
		headers: {
			'content-type': TYPES[params.format],
			'content-disposition': `attachment; filename="${params.slug}-v${v.number}.${params.format}"`,
			'cache-control': 'public, max-age=3600'
		}
	});
};
