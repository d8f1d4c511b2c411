// Reads of what the public sent in, for moderators.
import { eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { writtenInputAttachment } from '../db/schema';

/** An attachment of a written input, with its content; null when there is none. */
export async function getWrittenInputAttachment(db: Executor, id: string) {
	const [a] = await db.select().from(writtenInputAttachment).where(eq(writtenInputAttachment.id, id));
	return a ?? null;
}
