// Staff accounts (email + password) with better-auth. Accounts are created by the seed or by an
// admin, never by public sign-up. Stakeholder magic links come with the stakeholder network issue.
// This module must not import $app/* or $env/*: the CLI uses it too.
import { randomBytes } from 'node:crypto';
import { betterAuth, type BetterAuthPlugin } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { hashPassword } from 'better-auth/crypto';
import { magicLink } from 'better-auth/plugins';
import { eq } from 'drizzle-orm';
import type { Database, Executor } from './db';
import { appSetting, authAccount, authSession, authUser, authVerification } from './db/schema';
import type { UserRole } from '../domain/enums';

export interface AuthOptions {
	secret: string;
	baseURL?: string;
	plugins?: BetterAuthPlugin[];
	/** Delivers a stakeholder's sign-in link (the mailer's outbox or SMTP). */
	sendMagicLink?: (email: string, url: string, locale: string) => Promise<void>;
}

// Links are mailed to people on slow connections: give them time, but one use only.
const MAGIC_LINK_SECONDS = 30 * 60;

export function createAuth(db: Database, options: AuthOptions) {
	return betterAuth({
		secret: options.secret,
		baseURL: options.baseURL,
		database: drizzleAdapter(db, {
			provider: 'pg',
			schema: { user: authUser, session: authSession, account: authAccount, verification: authVerification }
		}),
		emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
		user: { additionalFields: { role: { type: 'string', defaultValue: 'stakeholder', input: false } } },
		session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
		// Behind the app's own origin check (SvelteKit's CSRF protection for form actions).
		advanced: { database: { generateId: () => randomBytes(16).toString('hex') } },
		plugins: [
			magicLink({
				expiresIn: MAGIC_LINK_SECONDS,
				disableSignUp: true,
				storeToken: 'hashed',
				sendMagicLink: async ({ email, url, metadata }) => {
					if (!options.sendMagicLink) throw new Error('No mailer is configured for sign-in links');
					await options.sendMagicLink(email, url, typeof metadata?.locale === 'string' ? metadata.locale : 'en');
				}
			}),
			// sveltekit-cookies must stay last (better-auth warns otherwise).
			...(options.plugins ?? [])
		]
	});
}

export type Auth = ReturnType<typeof createAuth>;

const SECRET_KEY = 'auth.secret';

/**
 * BETTER_AUTH_SECRET when set; otherwise a random secret generated once and kept in the database,
 * so that sessions survive restarts and all processes sharing one PostgreSQL agree on it.
 */
export async function resolveAuthSecret(db: Executor, env: NodeJS.ProcessEnv = process.env): Promise<string> {
	const fromEnv = env.BETTER_AUTH_SECRET?.trim();
	if (fromEnv) return fromEnv;
	await db
		.insert(appSetting)
		.values({ key: SECRET_KEY, value: randomBytes(32).toString('base64url') })
		.onConflictDoNothing();
	const [row] = await db.select().from(appSetting).where(eq(appSetting.key, SECRET_KEY));
	return row.value;
}

export interface NewStaffAccount {
	email: string;
	name: string;
	role: UserRole;
	password: string;
}

/** Creates a user with a password credential, as better-auth's sign-up would. */
export async function createStaffAccount(db: Executor, account: NewStaffAccount): Promise<string> {
	const id = randomBytes(16).toString('hex');
	const password = await hashPassword(account.password);
	await db.transaction(async (tx) => {
		await tx.insert(authUser).values({
			id,
			email: account.email.toLowerCase(),
			name: account.name,
			role: account.role,
			emailVerified: true
		});
		await tx.insert(authAccount).values({
			id: randomBytes(16).toString('hex'),
			accountId: id,
			providerId: 'credential',
			userId: id,
			password
		});
	});
	return id;
}
