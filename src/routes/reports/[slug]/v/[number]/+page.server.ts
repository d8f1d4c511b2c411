import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { publishedVersion } from '$lib/server/queries/report-versions';
import { publishedVersions } from '$lib/server/queries/report-versions';
import { renderHtmlBody } from '$lib/domain/report/render-text';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const number = Number(params.number);
	if (!Number.isInteger(number) || number < 1) error(404);
	const db = getDb();
	const v = await publishedVersion(db, params.slug, number);
	if (!v) error(404, 'No published version has this number.');
	setHeaders({ 'cache-control': 'public, max-age=3600' }); // a published version never changes
	const versions = await publishedVersions(db, params.slug);
	return { slug: params.slug, title: v.doc.title, subtitle: v.doc.subtitle, number: v.number, publishedAt: v.publishedAt.toISOString().slice(0, 10), note: v.note, body: renderHtmlBody(v.doc), versions: versions.map((x) => ({ number: x.number, publishedAt: x.publishedAt!.toISOString().slice(0, 10), note: x.note })) };
};
