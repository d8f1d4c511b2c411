// What the public page of a published report shows (the latest version, or one by its number), from
// memory until the report changes: the text, its versions, and dates in words in the consultation's
// zone and the reader's language.
import type { Executor } from '../db';
import type { ReadCache } from '../read-cache';
import { cachedPublishedVersion, cachedPublishedVersions } from './cached';
import { renderHtmlBody } from '../../domain/report/render-text';
import { formatDate } from '../../domain/time';
import { versionNote } from '../../format-staff';

export async function reportPage(cache: ReadCache, db: Executor, slug: string, number: number | null, locale: string) {
	const v = await cachedPublishedVersion(cache, db, slug, number);
	if (!v) return null;
	const versions = await cachedPublishedVersions(cache, db, slug);
	return {
		slug,
		title: v.doc.title,
		subtitle: v.doc.subtitle,
		number: v.number,
		publishedAt: formatDate(v.publishedAt, v.timeZone, locale),
		note: versionNote(v.note),
		body: renderHtmlBody(v.doc),
		versions: versions.map((x) => ({ number: x.number, publishedAt: formatDate(x.publishedAt!, x.timeZone, locale), note: versionNote(x.note) }))
	};
}
