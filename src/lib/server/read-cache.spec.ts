// The cache's rules, without a database: nothing kept while not listening, a change drops what read
// its table (and only that), a read that overlapped a change is not kept, and the size is bounded.
import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache';

/** A read that takes 20 ms and answers how many times it ran, so that a change can land meanwhile. */
function slowCounter() {
	let calls = 0;
	const slow = async () => {
		calls++;
		await new Promise((r) => setTimeout(r, 20));
		return calls;
	};
	return { slow, calls: () => calls };
}

function counter() {
	let calls = 0;
	const read = async () => ({ n: ++calls });
	return { read, calls: () => calls };
}

describe('ReadCache', () => {
	it('keeps nothing until it listens, then serves the second read from memory', async () => {
		const cache = new ReadCache();
		const r = counter();
		await cache.get('k', ['consultation'], r.read);
		await cache.get('k', ['consultation'], r.read);
		expect(r.calls()).toBe(2);
		cache.started();
		expect(await cache.get('k', ['consultation'], r.read)).toEqual({ n: 3 });
		expect(await cache.get('k', ['consultation'], r.read)).toEqual({ n: 3 });
		expect(r.calls()).toBe(3);
	});

	it('drops what read a changed table, and keeps the rest', async () => {
		const cache = new ReadCache();
		cache.started();
		const a = counter();
		const b = counter();
		await cache.get('a', ['consultation', 'person'], a.read);
		await cache.get('b', ['report'], b.read);
		cache.changed('person');
		await cache.get('a', ['consultation', 'person'], a.read);
		await cache.get('b', ['report'], b.read);
		expect([a.calls(), b.calls()]).toEqual([2, 1]);
		cache.changed(''); // anything may have changed
		await cache.get('b', ['report'], b.read);
		expect(b.calls()).toBe(2);
	});

	it('does not keep a read that a change overlapped (it may hold the old rows)', async () => {
		const cache = new ReadCache();
		cache.started();
		const { slow } = slowCounter();
		const first = cache.get('k', ['consultation'], slow);
		cache.changed('consultation');
		expect(await first).toBe(1);
		expect(await cache.get('k', ['consultation'], slow)).toBe(2);
		expect(await cache.get('k', ['consultation'], slow)).toBe(2);
	});

	it('keeps a read that only a change of another table overlapped (a flood of registrations leaves the countries cached)', async () => {
		const cache = new ReadCache();
		cache.started();
		const { slow, calls } = slowCounter();
		const first = cache.get('countries', ['country'], slow);
		cache.changed('person');
		cache.changed('organization');
		expect(await first).toBe(1);
		expect(await cache.get('countries', ['country'], slow)).toBe(1);
		// An empty payload (anything may have changed) still counts.
		cache.changed('country');
		const second = cache.get('countries', ['country'], slow);
		cache.changed('');
		expect(await second).toBe(2);
		expect(await cache.get('countries', ['country'], slow)).toBe(3);
		expect(calls()).toBe(3);
	});

	it('keeps nothing once listening is lost, until it listens again', async () => {
		const cache = new ReadCache();
		cache.started();
		const r = counter();
		await cache.get('k', ['consultation'], r.read);
		cache.lost();
		expect(cache.size).toBe(0);
		await cache.get('k', ['consultation'], r.read);
		await cache.get('k', ['consultation'], r.read);
		expect(r.calls()).toBe(3);
	});

	it('holds at most maxEntries, dropping the oldest, and never keeps "nothing found" (a flood of made-up addresses)', async () => {
		const cache = new ReadCache({ maxEntries: 3 });
		cache.started();
		for (let i = 0; i < 50; i++) await cache.get(`slug-${i}`, ['consultation'], async () => ({ i }));
		expect(cache.size).toBe(3);
		for (let i = 0; i < 50; i++) await cache.get(`made-up-${i}`, ['consultation'], async () => null);
		expect(cache.size).toBe(3);
		const r = counter();
		await cache.get('slug-49', ['consultation'], r.read);
		expect(r.calls()).toBe(0);
	});

	it('reads again after maxAgeMs even without a change', async () => {
		let now = 0;
		const cache = new ReadCache({ maxAgeMs: 1000, now: () => now });
		cache.started();
		const r = counter();
		await cache.get('k', ['consultation'], r.read);
		now = 999;
		await cache.get('k', ['consultation'], r.read);
		now = 1000;
		await cache.get('k', ['consultation'], r.read);
		expect(r.calls()).toBe(2);
	});

	it('hands out values callers cannot change', async () => {
		const cache = new ReadCache();
		cache.started();
		await cache.get('k', ['consultation'], async () => [{ title: 'A' }]);
		const rows = await cache.get('k', ['consultation'], async () => [{ title: 'B' }]);
		expect(() => (rows as { title: string }[]).push({ title: 'C' })).toThrow(TypeError);
		expect(() => ((rows as { title: string }[])[0].title = 'C')).toThrow(TypeError);
	});
});
