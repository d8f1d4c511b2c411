// Fault scenarios against real Convene processes (the production build), shared by the bounded
// fault suite (tests/e2e/operator-survives-faults.e2e.ts) and the longer benchmark (bench/faults.ts):
// kill -9 in the middle of a burst of registrations, two processes on one PostgreSQL taking
// colleagues' registrations at once, and a client that sends its body a byte a second.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { and, eq, inArray, isNull, like, ne } from 'drizzle-orm';
import { openDatabase, type DatabaseConfig } from '../../src/lib/server/db';
import { consultation, organization, person, registration } from '../../src/lib/server/db/schema';
import { freePort } from './postgres-cluster';

export const FAULT_CONSULTATION = 'voluntary-regular-safe-orderly';

export interface Server {
	url: string;
	process: ChildProcess;
	output: () => string;
}

/** Starts `convene serve` (with the demo when the database is empty) and waits until it listens. */
export async function startServer(env: Record<string, string>, port?: number): Promise<Server> {
	const p = port ?? (await freePort());
	const child = spawn(process.execPath, ['bin/convene.js', 'serve', '--demo', '--port', String(p)], {
		env: { ...process.env, HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${p}`, CONVENE_ADMIN_PASSWORD: 'faults-password-123', CONVENE_LIMITS: 'off', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	return { url: `http://127.0.0.1:${p}`, process: child, output: await startedWhen(child, 'Listening on', 'the server') };
}

/** `convene worker` on the database of `env`: resolves once it takes jobs. */
export async function startJobWorker(env: Record<string, string>): Promise<Server> {
	const child = spawn(process.execPath, ['bin/convene.js', 'worker'], { env: { ...process.env, CONVENE_ADMIN_PASSWORD: 'faults-password-123', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	return { url: '', process: child, output: await startedWhen(child, 'taking jobs', 'the worker') };
}

/** Waits until the process prints `marker` (90 s at most); returns what it printed so far and since. */
async function startedWhen(child: ChildProcess, marker: string, what: string): Promise<() => string> {
	let out = '';
	child.stdout!.on('data', (d) => (out += d));
	child.stderr!.on('data', (d) => (out += d));
	const deadline = Date.now() + 90_000;
	while (!out.includes(marker)) {
		if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${what} did not start: ${out}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	return () => out;
}

export async function stop(server: Server, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
	if (server.process.exitCode !== null || server.process.signalCode !== null) return;
	const exited = new Promise((r) => server.process.once('exit', r));
	server.process.kill(signal);
	await exited;
}

export interface Registrant {
	email: string;
	organizationId?: string;
	newOrganizationName?: string;
}

/** Posts a registration as the form without JavaScript does; the HTTP status (0 when the connection failed). */
export async function register(url: string, r: Registrant, key: string): Promise<number> {
	const body = new URLSearchParams({
		name: 'Fault Registrant',
		email: r.email,
		...(r.organizationId ? { organizationId: r.organizationId } : { newOrganizationName: r.newOrganizationName ?? 'Fault Organization' }),
		categoryId: 'civil-society',
		countryCode: 'TH',
		consentToProcessing: 'on',
		idempotencyKey: key
	});
	try {
		const response = await fetch(`${url}/consultations/${FAULT_CONSULTATION}/register?/register`, {
			method: 'POST',
			body,
			redirect: 'manual',
			headers: { origin: url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			signal: AbortSignal.timeout(30_000)
		});
		await response.arrayBuffer();
		return response.status;
	} catch {
		return 0;
	}
}

export interface BurstFigures {
	sent: number;
	acknowledged: number;
	lost: number;
	halfWritten: number;
	fiveHundreds: number;
	restartMs: number;
}

/**
 * Registrations `count` at `concurrency` in flight; the server is killed with SIGKILL once `killAfter`
 * are acknowledged, restarted on the same database, and stopped; then every acknowledged registration
 * must be there, and no person or new organization of the burst may exist without its registration.
 */
export async function killDuringBurst(config: DatabaseConfig, env: Record<string, string>, count: number, concurrency: number, killAfter: number): Promise<BurstFigures> {
	const run = `k${Date.now().toString(36)}`;
	const server = await startServer(env);
	const acknowledged: string[] = [];
	let fiveHundreds = 0;
	let next = 0;
	let killed: Promise<void> | null = null;
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < count) {
				const i = next++;
				const email = `fault-${run}-${i}@example.org`;
				const status = await register(server.url, { email, newOrganizationName: `Fault Organization ${run} ${i}` }, `fault_${run}_${i}_0000000000`);
				if (status === 303) acknowledged.push(email);
				if (status >= 500) fiveHundreds++;
				if (acknowledged.length >= killAfter && !killed) killed = stop(server, 'SIGKILL');
			}
		})
	);
	await (killed ?? stop(server, 'SIGKILL'));
	const started = Date.now();
	const again = await startServer(env); // over the lock the killed process left
	const restartMs = Date.now() - started;
	await stop(again);
	const handle = await openDatabase(config);
	try {
		const people = await handle.db.select({ id: person.id, email: person.email }).from(person).where(like(person.email, `fault-${run}-%`));
		const registered = await handle.db
			.select({ email: person.email })
			.from(registration)
			.innerJoin(person, eq(person.id, registration.personId))
			.where(like(person.email, `fault-${run}-%`));
		const withRegistration = new Set(registered.map((r) => r.email));
		const orphanOrganizations = await handle.db
			.select({ id: organization.id })
			.from(organization)
			.leftJoin(person, eq(person.organizationId, organization.id))
			.where(and(like(organization.name, `Fault Organization ${run} %`), isNull(person.id)));
		return {
			sent: next,
			acknowledged: acknowledged.length,
			lost: acknowledged.filter((e) => !withRegistration.has(e)).length,
			halfWritten: people.filter((p) => !withRegistration.has(p.email)).length + orphanOrganizations.length,
			fiveHundreds,
			restartMs
		};
	} finally {
		await handle.close();
	}
}

export interface ColleagueFigures {
	organizations: number;
	sent: number;
	acknowledged: number;
	refused: number;
	lost: number;
	violations: number;
	fiveHundreds: number;
	/** The addresses whose registration was acknowledged (each is owed one confirmation). */
	acknowledgedEmails: string[];
}

/**
 * Two colleagues from each of `organizations` organizations register at once, one through each of
 * the `servers` (sharing one PostgreSQL): at most one active registration per organization.
 */
export async function colleaguesAtOnce(url: string, servers: Server[], organizations: number): Promise<ColleagueFigures> {
	const run = `c${Date.now().toString(36)}`;
	const handle = await openDatabase({ driver: 'postgres', url });
	try {
		const [c] = await handle.db.select().from(consultation).where(eq(consultation.slug, FAULT_CONSULTATION));
		// Organizations with nobody registered yet.
		const taken = (await handle.db.select({ organizationId: person.organizationId }).from(registration).innerJoin(person, eq(person.id, registration.personId)).where(and(eq(registration.consultationId, c.id), ne(registration.status, 'withdrawn')))).map((r) => r.organizationId);
		const free = (await handle.db.select({ id: organization.id }).from(organization).where(isNull(organization.mergedIntoId))).map((o) => o.id).filter((id) => !taken.includes(id)).slice(0, organizations);
		const attempts = free.flatMap((organizationId, o) => [0, 1].map((colleague) => ({ organizationId, email: `colleague-${run}-${o}-${colleague}@example.org`, server: servers[colleague % servers.length] })));
		const statuses = await Promise.all(attempts.map((a, i) => register(a.server.url, a, `coll_${run}_${i}_0000000000`)));
		const acknowledged = attempts.filter((_, i) => statuses[i] === 303);
		const active = await handle.db
			.select({ email: person.email, organizationId: person.organizationId })
			.from(registration)
			.innerJoin(person, eq(person.id, registration.personId))
			.where(and(eq(registration.consultationId, c.id), ne(registration.status, 'withdrawn'), inArray(person.organizationId, free)));
		const perOrganization = new Map<string, number>();
		for (const a of active) perOrganization.set(a.organizationId!, (perOrganization.get(a.organizationId!) ?? 0) + 1);
		const stored = new Set(active.map((a) => a.email));
		return {
			organizations: free.length,
			sent: attempts.length,
			acknowledged: acknowledged.length,
			refused: statuses.filter((s) => s >= 400 && s < 500).length + statuses.filter((s) => s === 200).length,
			lost: acknowledged.filter((a) => !stored.has(a.email)).length,
			violations: [...perOrganization.values()].filter((n) => n > 1).length,
			fiveHundreds: statuses.filter((s) => s >= 500 || s === 0).length,
			acknowledgedEmails: acknowledged.map((a) => a.email)
		};
	} finally {
		await handle.close();
	}
}

/**
 * One client sends a form body a byte a second; meanwhile `requests` ordinary page requests are
 * timed. Returns their slowest time in ms.
 */
export async function slowClient(url: string, requests: number): Promise<{ slowestMs: number; slowClientOpen: boolean }> {
	const { hostname, port } = new URL(url);
	const socket = net.connect(Number(port), hostname);
	await new Promise((r) => socket.once('connect', r));
	const body = 'name=' + 'x'.repeat(200);
	socket.write(`POST /practices/new HTTP/1.1\r\nHost: ${hostname}:${port}\r\nOrigin: ${url}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n`);
	let sent = 0;
	const drip = setInterval(() => {
		if (sent < body.length && !socket.destroyed) socket.write(body[sent++]);
	}, 1000);
	let slowest = 0;
	try {
		for (let i = 0; i < requests; i++) {
			const started = performance.now();
			const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(10_000) });
			await response.text();
			slowest = Math.max(slowest, performance.now() - started);
			await new Promise((r) => setTimeout(r, 200));
		}
		return { slowestMs: Math.round(slowest), slowClientOpen: !socket.destroyed };
	} finally {
		clearInterval(drip);
		socket.destroy();
	}
}
