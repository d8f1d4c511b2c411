// Starts a throwaway PostgreSQL cluster (initdb + pg_ctl) in a temporary directory on a free
// loopback port, for the test run only, and stops and removes it afterwards.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import pg from 'pg';
import path from 'node:path';

function findBinary(name: string): string {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		const candidate = path.join(dir, name);
		if (dir && fs.existsSync(candidate)) return candidate;
	}
	const root = '/usr/lib/postgresql';
	if (fs.existsSync(root)) {
		const versions = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a));
		for (const v of versions) {
			const candidate = path.join(root, v, 'bin', name);
			if (fs.existsSync(candidate)) return candidate;
		}
	}
	throw new Error(`PostgreSQL's ${name} was not found (install the postgresql package)`);
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

export interface PostgresCluster {
	url: string; // superuser URL to the 'postgres' database
	stop(): void;
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
	const initdb = findBinary('initdb');
	const pgCtl = findBinary('pg_ctl');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-pg-'));
	const dataDir = path.join(dir, 'data');
	const logFile = path.join(dir, 'server.log');
	// initdb refuses to run as root: run the cluster as the postgres user then.
	const isRoot = process.getuid?.() === 0;
	if (isRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
	fs.chmodSync(dir, 0o700);
	const run = (cmd: string, args: string[]) => {
		const result = isRoot
			? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', [cmd, ...args].map(shellQuote).join(' ')], { encoding: 'utf8' })
			: spawnSync(cmd, args, { encoding: 'utf8' });
		if (result.status !== 0) {
			const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
			throw new Error(`${path.basename(cmd)} failed: ${result.stderr || result.stdout}\n${log}`);
		}
	};
	run(initdb, ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
	const port = await freePort();
	run(pgCtl, [
		'-D',
		dataDir,
		'-l',
		logFile,
		'-w',
		'-o',
		`-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
		'start'
	]);
	let stopped = false;
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		stop() {
			if (stopped) return;
			stopped = true;
			try {
				run(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
			} finally {
				fs.rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}

function shellQuote(s: string): string {
	return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A throwaway cluster holding one new database `name`: `fn` gets its URL; the cluster stops afterwards. */
export async function withThrowawayDatabase<T>(name: string, fn: (url: string) => Promise<T>): Promise<T> {
	const cluster = await startPostgresCluster();
	try {
		const admin = new pg.Client({ connectionString: cluster.url });
		await admin.connect();
		await admin.query(`create database ${name}`);
		await admin.end();
		return await fn(cluster.url.replace(/\/postgres$/, `/${name}`));
	} finally {
		cluster.stop();
	}
}
