// The embedded database can be open in one process only: while the server runs, `convene backup`
// asks it through a Unix socket in the data directory (readable by the operator's account only)
// to write the backup. One JSON line each way: {"command":"backup","out":PATH} → {"ok":true,…}.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Database } from './db';
import { writeBackupFile } from './backup-file';

export const SOCKET_NAME = 'convene.sock';
const MAX_REQUEST = 4096;
/** Unix socket paths stop at 107 bytes (and Node shortens a longer one silently). */
const MAX_SOCKET_PATH = 100;

/** The socket lives in a directory only the operator's account may enter: nobody else can connect. */
export function controlSocketPath(dataDir: string): string {
	return path.join(dataDir, 'control', SOCKET_NAME);
}

export function startControlSocket(db: Database, dataDir: string): () => void {
	const where = controlSocketPath(dataDir);
	if (Buffer.byteLength(where) > MAX_SOCKET_PATH) {
		console.error(`The data directory's path is too long for the backup socket (${where}): \`convene backup\` needs the server stopped, or a shorter CONVENE_DATA_DIR.`);
		return () => undefined;
	}
	fs.mkdirSync(path.dirname(where), { recursive: true, mode: 0o700 });
	fs.chmodSync(path.dirname(where), 0o700);
	fs.rmSync(where, { force: true }); // left by a process that was killed
	const server = net.createServer((socket) => {
		let input = '';
		socket.setEncoding('utf8');
		socket.setTimeout(10_000, () => socket.destroy());
		socket.on('data', (chunk: string) => {
			input += chunk;
			if (input.length > MAX_REQUEST) return socket.destroy();
			const end = input.indexOf('\n');
			if (end === -1) return;
			socket.removeAllListeners('data');
			socket.setTimeout(0);
			void answer(input.slice(0, end)).then((reply) => socket.end(`${JSON.stringify(reply)}\n`));
		});
		socket.on('error', () => undefined);
	});
	const answer = async (line: string): Promise<Record<string, unknown>> => {
		try {
			const request = JSON.parse(line) as { command?: string; out?: string };
			if (request.command !== 'backup' || typeof request.out !== 'string' || !path.isAbsolute(request.out)) return { ok: false, error: 'unknown request' };
			return { ok: true, ...(await writeBackupFile(db, request.out)) };
		} catch (error) {
			return { ok: false, error: (error as Error).message };
		}
	};
	server.on('error', (error) => console.error(`The backup socket ${where} could not open: ${error.message}`));
	server.listen(where, () => {
		try {
			fs.chmodSync(where, 0o600);
		} catch {
			// the directory (0700) already keeps others out
		}
	});
	server.unref();
	return () => {
		server.close();
		fs.rmSync(where, { force: true });
	};
}

/** Asks the server that holds `dataDir` to write a backup to `out`. */
export function askServerForBackup(dataDir: string, out: string, timeoutMs = 10 * 60_000): Promise<{ tables: number; rows: number; schema: string }> {
	return new Promise((resolve, reject) => {
		const socket = net.createConnection(controlSocketPath(dataDir));
		let reply = '';
		socket.setEncoding('utf8');
		socket.setTimeout(timeoutMs, () => socket.destroy(new Error('the server did not answer in time')));
		socket.on('connect', () => socket.write(`${JSON.stringify({ command: 'backup', out })}\n`));
		socket.on('data', (chunk: string) => (reply += chunk));
		socket.on('error', (error) => reject(new Error(`the running server could not be asked (${error.message})`)));
		socket.on('end', () => {
			try {
				const answer = JSON.parse(reply) as { ok: boolean; error?: string; tables: number; rows: number; schema: string };
				if (answer.ok) resolve(answer);
				else reject(new Error(answer.error ?? 'the server refused'));
			} catch {
				reject(new Error('the running server gave no answer'));
			}
		});
	});
}
