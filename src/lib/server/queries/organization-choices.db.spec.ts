// The organization a form names is read by its key, in any letter case, and never through the read
// cache: ids sent by one client (every spelling of one id, or every id of the directory) cannot push
// out what pages show. A merged organization or a made-up id is nothing.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/support/test-db';
import { makeConsultation, makeOrganization } from '../../../../tests/support/factories';
import { organization } from '../db/schema';
import { ReadCache } from '../read-cache';
import { cachedPublishedConsultation } from './cached';
import { findOrganizations, organizationChoice } from './organization-choices';

const t = useTestDatabase();

describe('the organization a form names', () => {
	it('is found by its id in any letter case, and not when merged away or made up', async () => {
		const o = await makeOrganization(t.db);
		expect(await organizationChoice(t.db, o.id.toUpperCase())).toEqual({ id: o.id, name: o.name, countryCode: o.countryCode });
		expect(await organizationChoice(t.db, '00000000-0000-4000-8000-000000000000')).toBeNull();
		expect(await organizationChoice(t.db, 'not-an-id')).toBeNull();
		expect(await organizationChoice(t.db, ['an', 'array'])).toBeNull();
		const into = await makeOrganization(t.db);
		await t.db.update(organization).set({ mergedIntoId: into.id }).where(eq(organization.id, o.id));
		expect(await organizationChoice(t.db, o.id)).toBeNull();
	});

	it('leaves the read cache alone, while a search reads the directory from it', async () => {
		const cache = new ReadCache({ maxEntries: 5 });
		cache.started();
		const c = await makeConsultation(t.db);
		await cachedPublishedConsultation(cache, t.db, c.slug);
		const o = await makeOrganization(t.db, { name: 'Cache Guard Collective' });
		for (let i = 0; i < 20; i++) await organizationChoice(t.db, [...o.id].map((ch, j) => ((i >> j % 5) & 1 ? ch.toUpperCase() : ch)).join(''));
		expect(cache.size).toBe(1);
		expect((await findOrganizations(cache, t.db, 'cache guard', 5)).matches.map((m) => m.id)).toEqual([o.id]);
		expect(cache.size).toBe(2);
		let isRead = false;
		await cache.get(`published-consultation:${JSON.stringify([c.slug])}`, ['consultation'], async () => ((isRead = true), c));
		expect(isRead).toBe(false);
	});
});
