// The Atom feed of published reports. Every entry is a published version, which passed the privacy
// gate when it was published (its title and note included).
import { Feed } from 'feed';

export interface FeedEntry {
	slug: string;
	title: string;
	number: number;
	publishedAt: Date | null;
	note: string | null;
}

export function atomFeed(rows: readonly FeedEntry[], origin: string): string {
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
