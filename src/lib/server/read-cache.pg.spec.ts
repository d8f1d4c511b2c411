// Several processes on one PostgreSQL: a write by one drops the others' cached reads (NOTIFY on a
// connection of their own), and a process whose listening connection is lost keeps nothing until it
// listens again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../tests/support/test-db';
import net from 'node:net';
import { listenPostgres, openDatabase, type DatabaseHandle } from './db';
import { consultation } from './db/schema';
import { fixtureText } from '../../../tests/support/factories';
import { cachedPublishedConsultations } from './queries/cached';
import { CHANGE_CHANNEL, openReadCache, type ReadCache } from './read-cache';

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

	it('counts a connection that silently stops delivering (a firewall dropping it) as lost, and listens again', async () => {
		// A TCP relay to PostgreSQL that can be frozen: bytes stop flowing, no socket closes.
		const target = new URL(t.url!);
		let frozen = false;
		const pairs: net.Socket[][] = [];
		const relay = net.createServer((inbound) => {
			const outbound = net.connect(Number(target.port), target.hostname);
			pairs.push([inbound, outbound]);
			inbound.on('data', (d) => frozen || outbound.write(d));
			outbound.on('data', (d) => frozen || inbound.write(d));
			inbound.on('error', () => outbound.destroy());
			outbound.on('error', () => inbound.destroy());
			inbound.on('close', () => outbound.destroy());
			outbound.on('close', () => inbound.destroy());
		});
		await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
		const via = new URL(t.url!);
		via.hostname = '127.0.0.1';
		via.port = String((relay.address() as net.AddressInfo).port);
		const events: string[] = [];
		const stop = await listenPostgres(via.toString(), CHANGE_CHANNEL, { onNotify: (p) => events.push(`notify ${p}`), onListening: () => events.push('listening'), onLost: () => events.push('lost') }, { every: 200, within: 600 });
		try {
			await until(() => events.includes('listening'));
			await other.executeSql(`select pg_notify('${CHANGE_CHANNEL}', 'consultation')`);
			await until(() => events.includes('notify consultation'));
			expect(events).toEqual(['listening', 'notify consultation']);
			frozen = true; // the heartbeat no longer comes back
			await until(() => events.includes('lost'));
			expect(events.at(-1)).toBe('lost');
			frozen = false;
			for (const pair of pairs.splice(0)) pair.forEach((socket) => socket.destroy());
			await until(() => events.filter((e) => e === 'listening').length === 2);
			await other.executeSql(`select pg_notify('${CHANGE_CHANNEL}', 'report')`);
			await until(() => events.includes('notify report'));
			expect(events.filter((e) => e.startsWith('heartbeat'))).toEqual([]);
			expect(events.slice(-2)).toEqual(['listening', 'notify report']);
		} finally {
			await stop();
			relay.close();
			for (const pair of pairs) pair.forEach((socket) => socket.destroy());
		}
	}, 20_000);
});
