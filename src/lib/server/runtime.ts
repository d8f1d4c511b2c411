// The server's process-wide state: the open database and the auth instance. Initialized once by the
// `init` hook (hooks.server.ts); in dev the handle is kept on globalThis so that hot reloads reuse
// it instead of opening the data directory twice.
import type { BetterAuthPlugin } from 'better-auth';
import type { DatabaseHandle } from './db';
import { createAuth, resolveAuthSecret, type Auth } from './auth';
import { adminNotice, checkProductionEnv, startConvene } from './startup';
import { createMailer, smtpTransportFromEnv, type Mailer } from './mail';
import { signInLinkMessage } from './messages/sign-in-link';
import { Limits, limitsFromEnv } from './limits';
import { openQueue, type Queue } from './queue';
import { startWorker } from './jobs';
import { runInWorker } from './selection/in-worker';
import { startControlSocket } from './control-socket';
import { baseUrl, linksAt } from './links';
import { openReadCache, type ReadCache } from './read-cache';

interface Runtime {
	handle: DatabaseHandle;
	auth: Auth;
	mailer: Mailer;
	secret: string;
	limits: Limits;
	queue: Queue;
	readCache: ReadCache;
	stop: () => Promise<void>;
}

const KEY = Symbol.for('convene.runtime');
type Holder = { [KEY]?: Promise<Runtime> };
const holder = globalThis as Holder;

export { baseUrl };

export function initRuntime(plugins: BetterAuthPlugin[] = []): Promise<Runtime> {
	holder[KEY] ??= (async () => {
		const env = process.env;
		checkProductionEnv(env);
		const rules = limitsFromEnv(env); // a bad CONVENE_LIMITS stops the start with its reason
		// The demo is seeded only when asked for (`convene serve --demo`, which `npm start` passes).
		const report = await startConvene({ env, isDemoSeededWhenEmpty: env.CONVENE_DEMO === '1', log: (line) => console.log(line) });
		if (report.admin) console.log(adminNotice(report.admin, baseUrl()));
		const secret = await report.handle.exclusive(() => resolveAuthSecret(report.handle.db));
		const queue = await openQueue(report.handle);
		const mailer = createMailer(report.handle.db, env, queue);
		const auth = createAuth(report.handle.db, {
			secret,
			baseURL: baseUrl(),
			plugins,
			sendMagicLink: async (email, url, locale) => {
				await mailer.send(signInLinkMessage(email, url, locale));
			}
		});
		const limits = new Limits(report.handle.db, rules);
		// Background work (mail delivery, selection runs, reminders) is taken from the queue by a worker
		// in this process, unless the operator runs workers apart (`convene serve --no-worker`).
		const isWorker = env.CONVENE_WORKER !== '0';
		if (!isWorker && report.handle.driver === 'pglite') {
			await queue.stop();
			await report.handle.close();
			throw new Error('--no-worker needs PostgreSQL (DATABASE_URL): the embedded database is open in this process only, so no `convene worker` could take its jobs');
		}
		const stopWorker = isWorker ? await startWorker({ db: report.handle.db, queue, mailer, transport: smtpTransportFromEnv(env), runner: runInWorker, limits }) : async () => undefined;
		console.log(`Convene database: ${report.handle.driver} (${report.handle.location}); mail: ${mailer.transport === 'smtp' ? 'SMTP' : 'outbox (no SMTP_URL)'}; jobs: ${isWorker ? 'worked here' : 'left to `convene worker`'}`);
		// The embedded database is open here only: `convene backup` asks this process through a socket.
		const stopSocket = report.handle.driver === 'pglite' && report.handle.location !== 'memory' ? startControlSocket(report.handle.db, report.handle.location) : () => undefined;
		// What public pages read stays in memory until a write to its tables is notified.
		const reads = await openReadCache(report.handle);
		const stop = async () => {
			await reads.stop();
			stopSocket();
			await stopWorker();
			await queue.stop();
		};
		return { handle: report.handle, auth, mailer, secret, limits, queue, readCache: reads.cache, stop };
	})();
	return holder[KEY];
}

let current: Runtime | null = null;
export async function readyRuntime(plugins: BetterAuthPlugin[] = []): Promise<Runtime> {
	current = await initRuntime(plugins);
	return current;
}

function runtime(): Runtime {
	if (!current) throw new Error('Convene is not initialized (the init hook has not run)');
	return current;
}

export const getDb = () => runtime().handle.db;
export const getAuth = () => runtime().auth;
export const getMailer = () => runtime().mailer;
/** The addresses emails and calendar files link to, at this server's public origin. */
export const links = () => linksAt(baseUrl());
export const getAuthSecret = () => runtime().secret;
export const getLimits = () => runtime().limits;
export const getQueue = () => runtime().queue;
export const getReadCache = () => runtime().readCache;

export async function closeRuntime(): Promise<void> {
	const pending = holder[KEY];
	if (!pending) return;
	delete holder[KEY];
	current = null;
	const { handle, stop } = await pending;
	await stop().catch((error) => console.error(`Stopping the job queue: ${(error as Error).message}`));
	await handle.close();
}
