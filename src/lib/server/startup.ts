// What happens when Convene starts, for the server and the CLI alike: open the database (PGlite or
// PostgreSQL), apply migrations, load reference data, and on an empty database seed the demo and
// create the first admin account.
import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { databaseConfigFromEnv, migrateDatabase, openDatabase, type DatabaseHandle } from './db';
import { authUser, consultation, consultationStaff } from './db/schema';
import { loadReferenceData } from './reference/load-reference';
import { isDatabaseEmpty, seedDemo, type DemoSummary } from './demo/seed-demo';
import { createStaffAccount } from './auth';

export const DEMO_ADMIN_EMAIL = 'admin@convene.example';

export interface StartupReport {
	handle: DatabaseHandle;
	demo: DemoSummary | null;
	admin: NewAdmin | null;
}

/** The first admin account; the password is printed only when Convene generated it. */
export interface NewAdmin {
	email: string;
	password: string;
	isPasswordFromEnv: boolean;
	hasDemoStaff: boolean;
}

export interface StartupOptions {
	env?: NodeJS.ProcessEnv;
	now?: Date;
	/** Seed the demo when the database is empty (`convene serve --demo`, `npm start`); never by default. */
	isDemoSeededWhenEmpty?: boolean;
	log?: (line: string) => void;
}

/** Several processes starting at once on one PostgreSQL do this one after another (handle.exclusive). */
export function prepareDatabase(handle: DatabaseHandle, options: StartupOptions = {}): Promise<Omit<StartupReport, 'handle'>> {
	return handle.exclusive(() => prepareExclusively(handle, options));
}

async function prepareExclusively(handle: DatabaseHandle, options: StartupOptions): Promise<Omit<StartupReport, 'handle'>> {
	const env = options.env ?? process.env;
	const log = options.log ?? (() => undefined);
	await migrateDatabase(handle);
	await loadReferenceData(handle.db);
	const now = options.now ?? new Date();
	let demo: DemoSummary | null = null;
	if ((options.isDemoSeededWhenEmpty ?? false) && (await isDatabaseEmpty(handle.db))) {
		demo = await seedDemo(handle.db, now);
		log(`Seeded the demo: ${demo.people} people in ${demo.organizations} organizations from ${demo.countries} countries, ${demo.consultations} consultations.`);
	}
	const created = await ensureAdmin(handle, env);
	if (demo && created) await createDemoStaff(handle, created.password, now);
	return { demo, admin: created ? { ...created, hasDemoStaff: !!demo } : null };
}

export const DEMO_STAFF = [
	{ email: 'organizer@convene.example', name: 'Demo organizer', role: 'organizer' as const },
	{ email: 'rapporteur@convene.example', name: 'Demo rapporteur', role: 'rapporteur' as const }
];

/**
 * Demo staff sharing the first admin's password: an organizer of every demo consultation and a
 * rapporteur of the past ones, so that per-consultation roles have something to show.
 */
async function createDemoStaff(handle: DatabaseHandle, password: string, now: Date): Promise<void> {
	const consultations = await handle.db.select({ id: consultation.id, endsAt: consultation.endsAt }).from(consultation);
	for (const staff of DEMO_STAFF) {
		const userId = await createStaffAccount(handle.db, { ...staff, password });
		const assigned = staff.role === 'organizer' ? consultations : consultations.filter((c) => c.endsAt < now);
		if (assigned.length) {
			await handle.db.insert(consultationStaff).values(assigned.map((c) => ({ consultationId: c.id, userId, role: staff.role })));
		}
	}
}

/** Creates the first admin when there is none; the password comes from CONVENE_ADMIN_PASSWORD or is generated. */
export async function ensureAdmin(handle: DatabaseHandle, env: NodeJS.ProcessEnv = process.env) {
	const [{ n }] = await handle.db.select({ n: count() }).from(authUser).where(eq(authUser.role, 'admin'));
	if (n > 0) return null;
	const email = env.CONVENE_ADMIN_EMAIL?.trim() || DEMO_ADMIN_EMAIL;
	const fromEnv = env.CONVENE_ADMIN_PASSWORD?.trim();
	const password = fromEnv || randomBytes(9).toString('base64url');
	await createStaffAccount(handle.db, { email, name: 'Secretariat administrator', role: 'admin', password });
	return { email, password, isPasswordFromEnv: !!fromEnv };
}

export async function startConvene(options: StartupOptions = {}): Promise<StartupReport> {
	const handle = await openDatabase(databaseConfigFromEnv(options.env ?? process.env));
	try {
		return { handle, ...(await prepareDatabase(handle, options)) };
	} catch (error) {
		await handle.close();
		throw error;
	}
}

/** What the first start prints: a password set in the environment is never printed (logs are read by others). */
export function adminNotice(admin: NewAdmin, baseUrl: string): string {
	return [
		'',
		'  A staff administrator account was created:',
		`    sign in at ${baseUrl}/staff/sign-in`,
		`    email:     ${admin.email}`,
		admin.isPasswordFromEnv ? '    password:  the one set in CONVENE_ADMIN_PASSWORD' : `    password:  ${admin.password}`,
		...(admin.hasDemoStaff ? [`  Demo staff with the same password: ${DEMO_STAFF.map((s) => `${s.email} (${s.role})`).join(', ')}.`] : []),
		...(admin.isPasswordFromEnv ? [] : ['  Keep the password; it is shown only once (set CONVENE_ADMIN_PASSWORD to choose it).']),
		''
	].join('\n');
}

/** Refuses to start a production server that would sign its sessions with a secret kept in the database, or seed the demo. */
export function checkProductionEnv(env: NodeJS.ProcessEnv): void {
	if (env.NODE_ENV === 'production' && !env.BETTER_AUTH_SECRET?.trim()) {
		throw new Error('BETTER_AUTH_SECRET must be set when NODE_ENV=production (a random string of 32 characters or more, the same for every Convene process).');
	}
	if (env.NODE_ENV === 'production' && env.CONVENE_DEMO === '1') throw new Error('--demo seeds fictional people and demo staff accounts that share the admin password: not with NODE_ENV=production.');
}
