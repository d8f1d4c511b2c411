import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock';

const dirs: string[] = [];
const tempDir = () => {
	const d = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-lock-'));
	dirs.push(d);
	return d;
};
afterEach(() => {
	for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('data directory lock', () => {
	it('refuses a second lock while a live process holds it, naming its pid', async () => {
		const dir = tempDir();
		// Another live process owns the lock.
		const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
		try {
			fs.writeFileSync(path.join(dir, 'convene.lock'), String(child.pid));
			expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
			expect(() => lockDataDir(dir)).toThrow(`pid ${child.pid}`);
		} finally {
			child.kill();
		}
	});

	it('refuses to lock the same directory twice in one process', () => {
		const dir = tempDir();
		const lock = lockDataDir(dir);
		expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
		lock.release();
	});

	it('takes over a lock left by a process that no longer exists', async () => {
		const dir = tempDir();
		const child = spawn(process.execPath, ['-e', '0']);
		await new Promise((resolve) => child.on('exit', resolve));
		fs.writeFileSync(path.join(dir, 'convene.lock'), String(child.pid));
		const lock = lockDataDir(dir);
		expect(fs.readFileSync(lock.file, 'utf8')).toBe(String(process.pid));
		lock.release();
	});

	it('removes the lock file on release, so the next process can open the directory', () => {
		const dir = tempDir();
		lockDataDir(dir).release();
		expect(fs.existsSync(path.join(dir, 'convene.lock'))).toBe(false);
		const again = lockDataDir(dir);
		expect(fs.existsSync(again.file)).toBe(true);
		again.release();
	});
});
