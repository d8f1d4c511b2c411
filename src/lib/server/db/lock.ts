// PGlite has no lock between processes: two processes opening the same data directory would
// corrupt it. This lock file (created with O_EXCL, holding the owner's pid) makes the second one
// stop with a clear message instead. A lock left by a killed process is detected and taken over.
import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
	constructor(
		readonly dataDir: string,
		readonly ownerPid: number
	) {
		super(
			`The data directory ${dataDir} is in use by another Convene process (pid ${ownerPid}). ` +
				`Stop it first, or point CONVENE_DATA_DIR at another directory.`
		);
	}
}

function isProcessAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export interface DataDirLock {
	readonly file: string;
	release(): void;
}

export function lockDataDir(dataDir: string): DataDirLock {
	fs.mkdirSync(dataDir, { recursive: true });
	const file = path.join(dataDir, 'convene.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
			let released = false;
			return {
				file,
				release() {
					if (released) return;
					released = true;
					try {
						if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
					} catch {
						// already gone: nothing to release
					}
				}
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const ownerPid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
			if (Number.isInteger(ownerPid) && ownerPid !== process.pid && isProcessAlive(ownerPid)) {
				throw new DataDirLockedError(dataDir, ownerPid);
			}
			if (ownerPid === process.pid) throw new DataDirLockedError(dataDir, ownerPid);
			fs.unlinkSync(file); // stale: its owner is gone
		}
	}
	throw new Error(`Could not lock ${dataDir}`);
}
