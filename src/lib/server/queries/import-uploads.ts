import { and, eq, lt } from 'drizzle-orm';
import type { Executor } from '../db';
import { importUpload } from '../db/schema';
import { isUuid } from '../../domain/ids';

const DAY = 86_400_000;

export async function saveImportUpload(db: Executor, userId: string | null, fileName: string, rows: string[][], now: Date): Promise<string> {
	await db.delete(importUpload).where(lt(importUpload.createdAt, new Date(now.getTime() - DAY)));
	const [row] = await db.insert(importUpload).values({ createdByUserId: userId, fileName, rows }).returning({ id: importUpload.id });
	return row.id;
}

/** An upload is only ever read back by the person who made it. */
export async function getImportUpload(db: Executor, id: string, userId: string | null) {
	if (!isUuid(id)) return null;
	const [row] = await db
		.select()
		.from(importUpload)
		.where(and(eq(importUpload.id, id), userId ? eq(importUpload.createdByUserId, userId) : undefined));
	return row ?? null;
}

export async function deleteImportUpload(db: Executor, id: string): Promise<void> {
	await db.delete(importUpload).where(eq(importUpload.id, id));
}
