// Public pages read from memory until the database says a table changed. Every table either carries
// the change trigger or is declared untracked; every cached read touches only the tables it lists,
// all tracked; a write is seen by the next read (another process's write: read-cache.pg.spec.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../tests/support/test-db';
import { DEMO_PUBLISHED_SLUG } from './demo/seed-demo';
import { consultation, person } from './db/schema';
import { CACHED_READS, cachedConceptNote } from './queries/cached';
import { openReadCache, UNTRACKED_TABLES, type ReadCache } from './read-cache';
import { fixtureText, makeConsultation, makePerson, makeRegistration } from '../../../tests/support/factories';

const queries: string[] = [];
const t = useTestDatabase({ demo: true, onQuery: (q) => queries.push(q) });
let cache: ReadCache;
let stopCache: () => Promise<void>;

beforeAll(async () => {
	({ cache, stop: stopCache } = await openReadCache(t));
});
afterAll(async () => {
	await stopCache();
});

/** Table names a query reads or writes, as Drizzle quotes them. */
const tablesIn = (text: string) => [...text.matchAll(/\b(?:from|join|update|into)\s+"([a-z_]+)"/gi)].map((m) => m[1]);

/** Waits (PostgreSQL delivers NOTIFY on its own connection) until `done` holds, 5 s at most. */
async function until(done: () => boolean) {
	for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
}

const firstPublishedSlug = async () => (await t.db.select({ slug: consultation.slug }).from(consultation).where(eq(consultation.status, 'published')).limit(1))[0].slug;

describe('change triggers', () => {
	it('are on every table but the declared untracked ones', async () => {
		const { rows } = await t.executeSql(`
			select c.relname as "table", count(tg.oid)::int as triggers
			from pg_class c join pg_namespace n on n.oid = c.relnamespace
			left join pg_trigger tg on tg.tgrelid = c.oid and tg.tgname like '%notify_change%'
			where n.nspname = 'public' and c.relkind = 'r'
			group by c.relname`);
		const list = rows as { table: string; triggers: number }[];
		const untracked = new Set<string>(UNTRACKED_TABLES);
		const missing = list.filter((r) => !untracked.has(r.table) && r.triggers === 0).map((r) => r.table);
		const unexpected = list.filter((r) => untracked.has(r.table) && r.triggers > 0).map((r) => r.table);
		expect(missing).toEqual([]);
		expect(unexpected).toEqual([]);
		// Every declared name is a real table (a typo would leave a table silently untracked).
		expect([...untracked].filter((name) => !list.some((r) => r.table === name))).toEqual([]);
	});
});

describe('cached reads', () => {
	it('touch only the tables they declare, all tracked', async () => {
		const slug = await firstPublishedSlug();
		const [c] = await t.db.select({ processId: consultation.processId }).from(consultation).where(eq(consultation.slug, slug));
		const args: Record<string, unknown[]> = {
			'concept-note': [slug],
			'published-consultation': [slug],
			'process-slug': [c.processId],
			'published-version': [DEMO_PUBLISHED_SLUG, null],
			'published-versions': [DEMO_PUBLISHED_SLUG]
		};
		for (const read of CACHED_READS) {
			queries.length = 0;
			const value = await (read.read as (db: unknown, ...a: unknown[]) => Promise<unknown>)(t.db, ...(args[read.cacheName] ?? []));
			expect(value, read.cacheName).toBeTruthy(); // the read found something, so every query ran
			const touched = [...new Set(queries.flatMap(tablesIn))];
			expect(touched.length, read.cacheName).toBeGreaterThan(0);
			expect(touched.filter((table) => !read.tables.includes(table)), read.cacheName).toEqual([]);
			expect(read.tables.filter((table) => (UNTRACKED_TABLES as readonly string[]).includes(table)), read.cacheName).toEqual([]);
		}
	});

	it('are served from memory until a write to their tables, which the next read sees', async () => {
		const slug = await firstPublishedSlug();
		const before = await cachedConceptNote(cache, t.db, slug);
		queries.length = 0;
		expect(await cachedConceptNote(cache, t.db, slug)).toBe(before);
		expect(queries).toEqual([]);

		await t.db.update(consultation).set({ title: fixtureText('Retitled while cached') }).where(eq(consultation.slug, slug));
		await until(() => cache.size === 0);
		expect((await cachedConceptNote(cache, t.db, slug))?.consultation.title).toBe('Retitled while cached');
	});

	it('show a renamed speaker, while registrations (a new person, a new registration) drop nothing', async () => {
		const slug = await firstPublishedSlug();
		const other = await makeConsultation(t.db);
		await new Promise((r) => setTimeout(r, 200)); // that insert's notification
		const kept = await cachedConceptNote(cache, t.db, slug);
		const speaker = kept!.agenda.flatMap((item) => item.speakerIds)[0];
		expect(speaker).toBeDefined();

		const p = await makePerson(t.db);
		await makeRegistration(t.db, other, p);
		await t.db.update(person).set({ organizationId: null, updatedAt: new Date() }).where(eq(person.id, p.id));
		await new Promise((r) => setTimeout(r, 200));
		queries.length = 0;
		expect(await cachedConceptNote(cache, t.db, slug)).toBe(kept);
		expect(queries).toEqual([]);

		await t.db.update(person).set({ name: 'Renamed Speaker' }).where(eq(person.id, speaker as never));
		await until(() => cache.size === 0);
		const renamed = await cachedConceptNote(cache, t.db, slug);
		expect(renamed!.agenda.flatMap((item) => item.speakers.map((s) => s.name))).toContain('Renamed Speaker');
	});
});
