// What the public sees of reports: published versions only, as HTML, DOCX and Markdown, and the
// Atom feed. Every export is a published version, which passed the privacy gate when it was published.
import { and, desc, eq } from 'drizzle-orm';
import { Feed } from 'feed';
import type { Executor } from '../db';
import { report, reportVersion } from '../db/schema';
import { versionDocument } from './versions';

export async function publishedVersion(db: Executor, slug: string, number: number | null) {
	const [v] = await db
		.select({ id: reportVersion.id, number: reportVersion.number, publishedAt: reportVersion.publishedAt, note: reportVersion.note })
		.from(reportVersion)
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.where(and(eq(report.slug, slug), eq(reportVersion.state, 'published'), number === null ? undefined : eq(reportVersion.number, number)))
		.orderBy(desc(reportVersion.number))
		.limit(1);
	if (!v) return null;
	const doc = await versionDocument(db, v.id);
	return doc ? { ...v, publishedAt: v.publishedAt!, doc } : null;
}

export async function atomFeed(db: Executor, origin: string): Promise<string> {
	const rows = await db
		.select({ slug: report.slug, title: report.title, number: reportVersion.number, publishedAt: reportVersion.publishedAt, note: reportVersion.note })
		.from(reportVersion)
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.where(eq(reportVersion.state, 'published'))
		.orderBy(desc(reportVersion.publishedAt))
		.limit(50);
	const feed = new Feed({
		id: `${origin}/reports`,
		title: 'Convene: published consultation reports',
		link: `${origin}/reports`,
		language: 'en',
		updated: rows[0]?.publishedAt ?? new Date(0),
		generator: 'Convene',
		feedLinks: { atom: `${origin}/reports/feed.xml` },
		copyright: 'Published under the Chatham House Rule: no participant is named or described so as to be identified.'
	});
	for (const r of rows) {
		const link = `${origin}/reports/${r.slug}/v/${r.number}`;
		feed.addItem({ id: link, title: r.number > 1 ? `${r.title} (version ${r.number})` : r.title, link, date: r.publishedAt!, description: r.note ?? undefined });
	}
	return feed.atom1();
}
