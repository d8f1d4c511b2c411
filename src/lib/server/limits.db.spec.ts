// The rate limits' counters live in the database, so that every process shares them: tested on
// PGlite and PostgreSQL, with two Limits (two processes) on one database.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../tests/support/test-db';
import { rateLimit } from './db/schema';
import { DEFAULT_LIMITS, Limits, limitsFromEnv, retryAfter, type LimitRules } from './limits';

const t = useTestDatabase();

const rules = (points: number, seconds = 600): LimitRules => ({ ...limitsFromEnv({}), 'form-client': { points, seconds }, 'password-account': { points, seconds } });

describe(`rate limits on ${testDriver}`, () => {
	it('lets `points` requests through in the window, then says how long to wait', async () => {
		const limits = new Limits(t.db, rules(3, 600));
		const client = `client-${randomUUID()}`;
		expect([await limits.take('form-client', client), await limits.take('form-client', client), await limits.take('form-client', client)]).toEqual([null, null, null]);
		const wait = await limits.take('form-client', client);
		expect(wait).toBeGreaterThan(590);
		expect(wait).toBeLessThanOrEqual(600);
		expect(await limits.take('form-client', `other-${randomUUID()}`)).toBeNull();
	});

	it('shares the count between two processes on one database', async () => {
		const a = new Limits(t.db, rules(4));
		const b = new Limits(t.db, rules(4));
		const client = `shared-${randomUUID()}`;
		await a.take('form-client', client);
		await b.take('form-client', client);
		await a.take('form-client', client);
		await b.take('form-client', client);
		expect(await a.take('form-client', client)).not.toBeNull();
		expect(await b.take('form-client', client)).not.toBeNull();
	});

	it('never lets more than `points` through when requests race', async () => {
		const limits = [new Limits(t.db, rules(10)), new Limits(t.db, rules(10))];
		const client = `race-${randomUUID()}`;
		const results = await Promise.all(Array.from({ length: 30 }, (_, i) => limits[i % 2].take('form-client', client)));
		expect(results.filter((r) => r === null)).toHaveLength(10);
	});

	it('checks without counting, and forgets an account on a right password', async () => {
		const limits = new Limits(t.db, rules(2));
		const account = `admin-${randomUUID()}@example.org`;
		expect(await limits.wait('password-account', account)).toBeNull();
		await limits.take('password-account', account);
		expect(await limits.wait('password-account', account)).toBeNull();
		await limits.take('password-account', account);
		expect(await limits.wait('password-account', account)).toBeGreaterThan(0);
		expect(await limits.wait('password-account', account)).toBeGreaterThan(0); // still not counted
		await limits.clear('password-account', account);
		expect(await limits.wait('password-account', account)).toBeNull();
	});

	it('sweeps counters whose window has passed', async () => {
		const limits = new Limits(t.db, rules(5, 1));
		const client = `sweep-${randomUUID()}`;
		await limits.take('form-client', client);
		expect(await t.db.select().from(rateLimit).where(like(rateLimit.key, `%${client}`))).toHaveLength(1);
		await limits.sweep(new Date(Date.now() + 5_000));
		expect(await t.db.select().from(rateLimit).where(eq(rateLimit.key, `form-client:${client}`))).toHaveLength(0);
	});

	it('reads CONVENE_LIMITS, and refuses what it cannot read with the reason', () => {
		expect(limitsFromEnv({ CONVENE_LIMITS: 'form-client=100/60, link-address=off' })).toEqual({ ...DEFAULT_LIMITS, 'form-client': { points: 100, seconds: 60 }, 'link-address': null });
		expect(Object.values(limitsFromEnv({ CONVENE_LIMITS: 'off' })).every((r) => r === null)).toBe(true);
		expect(() => limitsFromEnv({ CONVENE_LIMITS: 'forms=1/2' })).toThrow('CONVENE_LIMITS: "forms=1/2" is not NAME=POINTS/SECONDS or NAME=off');
		expect(retryAfter(840)).toEqual({ minutes: 14, seconds: 0 });
		expect(retryAfter(40)).toEqual({ minutes: 0, seconds: 40 });
	});
});
