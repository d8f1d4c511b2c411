import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, lockDataDir, lockSocketPath } from './lock';

const dirs: string[] = [];
const children: ChildProcess[] = [];
const tempDir = () => {
	const d = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-lock-'));
	dirs.push(d);
	return d;
};
afterEach(() => {
	for (const c of children.splice(0)) c.kill('SIGKILL');
	for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Another process holding the lock through the real code. */
async function holder(dir: string): Promise<ChildProcess> {
	const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('tests/support/hold-lock.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
	children.push(child);
	await new Promise<void>((resolve, reject) => {
		child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve());
		child.once('exit', (code) => reject(new Error(`the holder exited with ${code}`)));
	});
	return child;
}

/** A holder killed with SIGKILL: its lock file and its socket are left behind. */
async function deadHolder(dir: string): Promise<void> {
	const child = await holder(dir);
	child.kill('SIGKILL');
	await new Promise((resolve) => child.once('exit', resolve));
}

describe('data directory lock', () => {
	it('refuses a second lock while a live process holds it, naming its pid, after waiting briefly', async () => {
		const dir = tempDir();
		const child = await holder(dir);
		const started = Date.now();
		await expect(lockDataDir(dir, { waitMs: 500 })).rejects.toThrow(DataDirLockedError);
		expect(Date.now() - started).toBeGreaterThanOrEqual(500);
		await expect(lockDataDir(dir, { waitMs: 0 })).rejects.toThrow(`pid ${child.pid}`);
	}, 30_000);

	it('is taken at once after its holder is killed with SIGKILL', async () => {
		const dir = tempDir();
		await deadHolder(dir);
		const started = Date.now();
		const lock = await lockDataDir(dir, { waitMs: 0 });
		expect(Date.now() - started).toBeLessThan(500);
		expect(fs.readFileSync(lock.file, 'utf8')).toBe(String(process.pid));
		lock.release();
	}, 30_000);

	it('waits for a holder that is stopping instead of failing', async () => {
		const dir = tempDir();
		const child = await holder(dir);
		setTimeout(() => child.kill('SIGTERM'), 300);
		const lock = await lockDataDir(dir, { waitMs: 5_000 });
		expect(fs.readFileSync(lock.file, 'utf8')).toBe(String(process.pid));
		lock.release();
	}, 30_000);

	it('takes over a lock whose pid is alive but belongs to another process (PID 1 in a container)', async () => {
		const dir = tempDir();
		// The dead holder's socket is left behind; its pid now belongs to a live process (here: init).
		await deadHolder(dir);
		fs.writeFileSync(path.join(dir, LOCK_FILE), '1');
		const written = new Date(fs.lstatSync(lockSocketPath(dir)).mtimeMs - 1_000); // just before its socket, as a holder does
		fs.utimesSync(path.join(dir, LOCK_FILE), written, written);
		const lock = await lockDataDir(dir, { waitMs: 0 });
		expect(fs.readFileSync(lock.file, 'utf8')).toBe(String(process.pid));
		lock.release();
		// Without a socket at all (a lock written by an older Convene), an old file with a live pid is stale too.
		fs.writeFileSync(path.join(dir, LOCK_FILE), '1');
		fs.rmSync(lockSocketPath(dir), { force: true });
		const old = new Date(Date.now() - 60_000);
		fs.utimesSync(path.join(dir, LOCK_FILE), old, old);
		const again = await lockDataDir(dir, { waitMs: 0 });
		expect(fs.readFileSync(again.file, 'utf8')).toBe(String(process.pid));
		again.release();
	}, 30_000);

	it('does not take a lock whose new holder has not yet replaced the socket a dead holder left', async () => {
		const dir = tempDir();
		await deadHolder(dir);
		// A live process has just written the lock file and is about to listen: the old socket refuses.
		const starting = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
		children.push(starting);
		fs.writeFileSync(path.join(dir, LOCK_FILE), String(starting.pid));
		await expect(lockDataDir(dir, { waitMs: 300 })).rejects.toThrow(`pid ${starting.pid}`);
	}, 30_000);

	it('refuses to lock the same directory twice in one process', async () => {
		const dir = tempDir();
		const lock = await lockDataDir(dir);
		await expect(lockDataDir(dir, { waitMs: 0 })).rejects.toThrow(DataDirLockedError);
		lock.release();
	});

	it('removes the lock file on release, so the next process can open the directory', async () => {
		const dir = tempDir();
		(await lockDataDir(dir)).release();
		expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
		const again = await lockDataDir(dir);
		expect(fs.existsSync(again.file)).toBe(true);
		again.release();
	});
});
