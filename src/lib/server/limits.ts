// Abuse limits for a server on the open internet: password guessing (per account and per client),
// sign-in link requests (per address and per client) and every anonymous form (per client). The
// counters live in the database (rate-limiter-flexible's RateLimiterDrizzle on the `rate_limit`
// table), so that several Convene processes on one PostgreSQL share them, and the embedded
// database keeps them across restarts; if the database cannot answer, an in-memory limiter of the
// same rule stands in (a limit is never lifted by an error).
import { lt } from 'drizzle-orm';
import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Database } from './db';
import { rateLimit } from './db/schema';

export interface LimitRule {
	/** How many in the window. */
	points: number;
	/** The window, in seconds. */
	seconds: number;
}

export const DEFAULT_LIMITS = {
	/** Wrong passwords for one staff account. */
	'password-account': { points: 10, seconds: 15 * 60 },
	/** Wrong passwords from one client, whatever the account. */
	'password-client': { points: 50, seconds: 15 * 60 },
	/** Sign-in links asked for one address. */
	'link-address': { points: 5, seconds: 60 * 60 },
	/** Sign-in links asked from one client. */
	'link-client': { points: 30, seconds: 60 * 60 },
	/** Anonymous form posts (registration, good practice, written input, hand-over) from one client. */
	'form-client': { points: 60, seconds: 10 * 60 }
} satisfies Record<string, LimitRule>;

export type LimitName = keyof typeof DEFAULT_LIMITS;
export type LimitRules = Record<LimitName, LimitRule | null>;

/**
 * The rules, with CONVENE_LIMITS overriding some: "form-client=100/600,link-address=3/3600"
 * (points/seconds; "off" for one rule or for all). An unreadable value stops the start with its reason.
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): LimitRules {
	const rules: LimitRules = { ...DEFAULT_LIMITS };
	const value = env.CONVENE_LIMITS?.trim();
	if (!value) return rules;
	if (value === 'off') return Object.fromEntries(Object.keys(rules).map((k) => [k, null])) as LimitRules;
	for (const part of value.split(',')) {
		const m = /^\s*([a-z-]+)\s*=\s*(?:(off)|(\d+)\s*\/\s*(\d+))\s*$/.exec(part);
		if (!m || !(m[1] in rules)) throw new Error(`CONVENE_LIMITS: "${part.trim()}" is not NAME=POINTS/SECONDS or NAME=off (names: ${Object.keys(rules).join(', ')})`);
		rules[m[1] as LimitName] = m[2] ? null : { points: Number(m[3]), seconds: Number(m[4]) };
	}
	return rules;
}

export class Limits {
	private readonly limiters = new Map<LimitName, RateLimiterDrizzle>();

	constructor(
		private readonly db: Database,
		private readonly rules: LimitRules = limitsFromEnv()
	) {}

	private limiter(name: LimitName): RateLimiterDrizzle | null {
		const rule = this.rules[name];
		if (!rule) return null;
		let limiter = this.limiters.get(name);
		if (!limiter) {
			const options = { keyPrefix: name, points: rule.points, duration: rule.seconds };
			limiter = new RateLimiterDrizzle({ ...options, storeClient: this.db, schema: rateLimit, clearExpiredByTimeout: false, insuranceLimiter: new RateLimiterMemory(options) });
			this.limiters.set(name, limiter);
		}
		return limiter;
	}

	/** Counts one against `key`; the seconds to wait when the limit was already reached, else null. */
	async take(name: LimitName, key: string): Promise<number | null> {
		const limiter = this.limiter(name);
		if (!limiter) return null;
		try {
			await limiter.consume(key);
			return null;
		} catch (result) {
			if (result instanceof RateLimiterRes) return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
			throw result;
		}
	}

	/** The seconds to wait when `key` has reached the limit, without counting; else null. */
	async wait(name: LimitName, key: string): Promise<number | null> {
		const limiter = this.limiter(name);
		if (!limiter) return null;
		const result = await limiter.get(key);
		if (!result || result.consumedPoints < limiter.points) return null;
		return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
	}

	/** Forgets `key` (a right password clears the wrong ones counted against the account). */
	async clear(name: LimitName, key: string): Promise<void> {
		await this.limiter(name)?.delete(key);
	}

	/** Deletes counters whose window has passed. */
	async sweep(now = new Date()): Promise<void> {
		await this.db.delete(rateLimit).where(lt(rateLimit.expire, now));
	}
}

/** "in 12 minutes", "in 40 seconds": when to try again, rounded up. */
export function retryAfter(seconds: number): { minutes: number; seconds: number } {
	return seconds >= 90 ? { minutes: Math.ceil(seconds / 60), seconds: 0 } : { minutes: 0, seconds };
}
