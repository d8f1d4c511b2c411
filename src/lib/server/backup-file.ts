// A backup written to a file: first to FILE.partial, then renamed, so that a backup cut short
// (a full disk, a killed process) never leaves a file that looks complete.
import fs from 'node:fs';
import type { Database } from './db';
import { writeBackup, type BackupSummary } from './backup';

export async function writeBackupFile(db: Database, out: string): Promise<BackupSummary> {
	const partial = `${out}.partial`;
	// Created anew ('wx'): a leftover or a link planted at that name is removed, never written through.
	await fs.promises.rm(partial, { force: true });
	const file = await fs.promises.open(partial, 'wx', 0o600);
	try {
		const summary = await writeBackup(db, async (chunk) => {
			await file.write(chunk);
		});
		await file.sync();
		await file.close();
		await fs.promises.rename(partial, out);
		return summary;
	} catch (error) {
		await file.close().catch(() => undefined);
		await fs.promises.rm(partial, { force: true });
		throw error;
	}
}
