// PGlite has no lock between processes: two processes opening the same data directory would
// corrupt it. This lock makes the second one stop with a clear message instead.
//
// The lock file (created with O_EXCL) names the holder's pid, for the message; whether the holder
// is alive is asked of a Unix socket it listens on beside the file. The kernel closes that socket
// the moment its process dies (kill -9 included), so a lock left by a dead process is taken over at
// once — even when a new process got the same pid, as every container's PID 1 does. A holder that is
// alive but stopping is waited for briefly before giving up.
import fs from 'node:fs';
import net from 'node:net';
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

export interface DataDirLock {
	readonly file: string;
	release(): void;
}

export const LOCK_FILE = 'convene.lock';
/** Unix socket paths stop at 107 bytes; a longer data directory falls back to the pid alone. */
const MAX_SOCKET_PATH = 100;
/** Between writing the file and listening on the socket a holder needs milliseconds; this is generous. */
const STARTING_GRACE_MS = 5_000;

const heldHere = new Set<string>();

export function lockSocketPath(dataDir: string): string {
	return path.join(dataDir, 'control', 'lock.sock');
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

/** Whether something listens on the socket: only "refused" or "gone" mean no; anything else (a directory we may not enter, a slow answer) is taken as yes. */
function answers(socketPath: string): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect(socketPath);
		const done = (alive: boolean) => {
			socket.destroy();
			resolve(alive);
		};
		socket.once('connect', () => done(true));
		socket.once('error', (error: NodeJS.ErrnoException) => done(error.code !== 'ECONNREFUSED' && error.code !== 'ENOENT'));
		socket.setTimeout(1_000, () => done(true));
	});
}

/** Whether the process named in the lock file still holds it. */
async function isHeld(file: string, socketPath: string, ownerPid: number): Promise<boolean> {
	const lockMade = fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
	const socketMade = Buffer.byteLength(socketPath) <= MAX_SOCKET_PATH ? fs.lstatSync(socketPath, { throwIfNoEntry: false })?.mtimeMs : undefined;
	// The socket speaks for this lock only if its holder made it after writing the file; an older
	// socket is a dead holder's leftover, and the new holder may not have replaced it yet.
	if (socketMade !== undefined && socketMade >= lockMade) return answers(socketPath);
	// No socket of this lock (yet): a holder that is just starting, or one too old to have one, or a path too long.
	if (!Number.isInteger(ownerPid) || ownerPid === process.pid || !isProcessAlive(ownerPid)) return false;
	const age = Date.now() - lockMade;
	return Buffer.byteLength(socketPath) > MAX_SOCKET_PATH || age < STARTING_GRACE_MS;
}

function readLock(file: string): { pid: number; ino: number } | null {
	try {
		return { pid: Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10), ino: fs.statSync(file).ino };
	} catch {
		return null;
	}
}

function listen(socketPath: string): Promise<net.Server | null> {
	if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH) return Promise.resolve(null);
	fs.mkdirSync(path.dirname(socketPath), { recursive: true, mode: 0o700 });
	fs.rmSync(socketPath, { force: true }); // left by a holder that died
	return new Promise((resolve, reject) => {
		const server = net.createServer((socket) => socket.destroy());
		server.once('error', reject);
		server.listen(socketPath, () => {
			server.unref(); // the lock never keeps the process alive by itself
			resolve(server);
		});
	});
}

/**
 * Takes the data directory's lock, waiting up to `waitMs` for a holder that is stopping. Throws
 * DataDirLockedError when another live process holds it.
 */
export async function lockDataDir(dataDir: string, options: { waitMs?: number } = {}): Promise<DataDirLock> {
	fs.mkdirSync(dataDir, { recursive: true });
	const file = path.join(dataDir, LOCK_FILE);
	const socketPath = lockSocketPath(dataDir);
	const key = path.resolve(dataDir);
	if (heldHere.has(key)) throw new DataDirLockedError(dataDir, process.pid);
	const deadline = Date.now() + (options.waitMs ?? 3_000);
	for (;;) {
		try {
			fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const seen = readLock(file);
			if (!seen) continue; // removed meanwhile: try again
			if (!(await isHeld(file, socketPath, seen.pid))) {
				// Stale: its holder is gone. Removed only if it is still the file judged stale (another
				// process may have taken it over meanwhile and written its own).
				const now = readLock(file);
				if (now && now.ino === seen.ino && now.pid === seen.pid) fs.rmSync(file, { force: true });
				continue;
			}
			const ownerPid = seen.pid;
			if (Date.now() >= deadline) throw new DataDirLockedError(dataDir, ownerPid);
			await new Promise((resolve) => setTimeout(resolve, 100));
			continue;
		}
		heldHere.add(key);
		let server: net.Server | null = null;
		try {
			server = await listen(socketPath);
		} catch (error) {
			heldHere.delete(key);
			fs.rmSync(file, { force: true });
			throw error;
		}
		let released = false;
		return {
			file,
			release() {
				if (released) return;
				released = true;
				heldHere.delete(key);
				server?.close();
				try {
					if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
				} catch {
					// already gone: nothing to release
				}
			}
		};
	}
}
