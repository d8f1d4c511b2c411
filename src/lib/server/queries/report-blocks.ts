// A report version's blocks as stored (paragraph and footnote rows), read back into the domain's
// blocks: the one read that report versions, comments and the recommendations tracker share.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db';
import { footnote, paragraph } from '../db/schema';
import type { Block } from '../../domain/report/model';

/** The `section` of a list item that is a recommendation. */
export const RECOMMENDATION_SECTION = 'recommendation';

export async function readBlocks(db: Executor, versionId: string): Promise<{ id: string; block: Block }[]> {
	const rows = await db.select().from(paragraph).where(eq(paragraph.versionId, versionId)).orderBy(asc(paragraph.position));
	const notes = rows.length ? await db.select().from(footnote).where(inArray(footnote.paragraphId, rows.map((r) => r.id))).orderBy(asc(footnote.position)) : [];
	return rows.map((r) => {
		const footnotes = notes.filter((n) => n.paragraphId === r.id).map((n) => n.text);
		const block: Block =
			r.kind === 'heading'
				? { kind: 'heading', text: r.text, numeral: r.section }
				: r.kind === 'annex'
					? { kind: 'annex', cells: JSON.parse(r.text) as string[], isHeader: r.section === 'header' }
					: r.kind === 'list-item'
						? { kind: 'list-item', text: r.text, footnotes, ...(r.section === RECOMMENDATION_SECTION ? { isRecommendation: true } : {}) }
						: { kind: 'paragraph', text: r.text, footnotes };
		return { id: r.id, block };
	});
}
