import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb, getReadCache } from '$lib/server/runtime';
import { cachedPublishedVersion, cachedPublishedVersions } from '$lib/server/queries/cached';
import { renderHtmlBody } from '$lib/domain/report/render-text';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const db = getDb();
	const v = await cachedPublishedVersion(getReadCache(), db, params.slug, null);
	if (!v) error(404, 'No published report has this address.');
	setHeaders({ 'cache-control': 'public, max-age=300' });
	const versions = await cachedPublishedVersions(getReadCache(), db, params.slug);
	return { slug: params.slug, title: v.doc.title, subtitle: v.doc.subtitle, number: v.number, publishedAt: v.publishedAt.toISOString().slice(0, 10), note: v.note, body: renderHtmlBody(v.doc), versions: versions.map((x) => ({ number: x.number, publishedAt: x.publishedAt!.toISOString().slice(0, 10), note: x.note })) };
};
