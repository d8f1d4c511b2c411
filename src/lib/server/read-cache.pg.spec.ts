// Several processes on one PostgreSQL: a write by one drops the others' cached reads (NOTIFY on a
// connection of their own), and a process whose listening connection is lost keeps nothing until it
// listens again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../tests/support/test-db';
import { openDatabase, type DatabaseHandle } from './db';
import { consultation } from './db/schema';
import { fixtureText } from '../../../tests/support/factories';
import { cachedPublishedConsultations } from './queries/cached';
import { openReadCache, type ReadCache } from './read-cache';

const t = useTestDatabase({ demo: true });
let cache: ReadCache;
let stopCache: () => Promise<void>;
let other: DatabaseHandle;

beforeAll(async () => {
	({ cache, stop: stopCache } = await openReadCache(t));
	other = await openDatabase({ driver: 'postgres', url: t.url! });
});
afterAll(async () => {
	await stopCache();
	await other?.close();
});

async function until(done: () => boolean) {
	for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
}

const firstPublishedSlug = async () => (await t.db.select({ slug: consultation.slug }).from(consultation).where(eq(consultation.status, 'published')).limit(1))[0].slug;

describe('cached reads across processes', () => {
	it("a write by another process drops this process's copy", async () => {
		const slug = await firstPublishedSlug();
		const before = await cachedPublishedConsultations(cache, t.db);
		expect(await cachedPublishedConsultations(cache, t.db)).toBe(before);
		await other.db.update(consultation).set({ title: fixtureText('Changed by another process') }).where(eq(consultation.slug, slug));
		await until(() => cache.size === 0);
		const rows = await cachedPublishedConsultations(cache, t.db);
		expect(rows.find((c) => c.slug === slug)?.title).toBe('Changed by another process');
	});

	it('keeps nothing while its listening connection is lost, and listens again', async () => {
		await cachedPublishedConsultations(cache, t.db);
		expect(cache.size).toBe(1);
		await other.executeSql(`select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'LISTEN%' and datname = current_database()`);
		await until(() => cache.size === 0);
		await cachedPublishedConsultations(cache, t.db);
		expect(cache.size).toBe(0); // not listening: nothing is kept
		// The connection is retried after 2 s; then reads are kept, and dropped on a change again.
		await until(() => (void cachedPublishedConsultations(cache, t.db), cache.size === 1));
		expect(cache.size).toBe(1);
		await other.db.update(consultation).set({ title: fixtureText('After the reconnection') }).where(eq(consultation.slug, await firstPublishedSlug()));
		await until(() => cache.size === 0);
		expect(cache.size).toBe(0);
	}, 20_000);
});
