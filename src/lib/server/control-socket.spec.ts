import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from './db';
import { askServerForBackup, controlSocketPath, startControlSocket } from './control-socket';

describe('the backup socket of a server on the embedded database', () => {
	it('lives in a directory only the operator may enter, and answers an unknown request with a refusal', async () => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-sock-'));
		const stop = startControlSocket({} as Database, dataDir);
		try {
			await vi.waitFor(() => expect(fs.existsSync(controlSocketPath(dataDir))).toBe(true));
			expect((fs.statSync(path.dirname(controlSocketPath(dataDir))).mode & 0o777).toString(8)).toBe('700');
			await expect(askServerForBackup(dataDir, 'relative/path.sql')).rejects.toThrow('unknown request');
		} finally {
			stop();
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
		expect(fs.existsSync(controlSocketPath(dataDir))).toBe(false);
	});

	it('is left out, with one line saying why, when the data directory’s path is too long for a socket (the server still starts)', () => {
		const dataDir = path.join(os.tmpdir(), 'x'.repeat(120));
		const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		try {
			const stop = startControlSocket({} as Database, dataDir);
			stop();
			expect(error).toHaveBeenCalledWith(expect.stringContaining('is too long for the backup socket'));
			expect(fs.existsSync(dataDir)).toBe(false);
		} finally {
			error.mockRestore();
		}
	});
});
