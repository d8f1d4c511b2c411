// Several Convene processes started at once on one empty PostgreSQL: they migrate, load the
// reference data, seed the demo and create the first admin one after another, and all start.
import { describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { createTestDatabase } from '../../../tests/support/test-db';
import { openDatabase } from './db';
import { authUser, consultation } from './db/schema';
import { prepareDatabase } from './startup';
import { resolveAuthSecret } from './auth';

describe('concurrent first starts on PostgreSQL', () => {
	it('three processes starting together on an empty database: the demo is seeded once, one admin, one auth secret', async () => {
		const first = await createTestDatabase();
		const others = await Promise.all([openDatabase({ driver: 'postgres', url: first.url! }), openDatabase({ driver: 'postgres', url: first.url! })]);
		try {
			const env = { CONVENE_ADMIN_PASSWORD: 'started-together-42' } as NodeJS.ProcessEnv;
			const now = new Date('2026-11-23T05:00:00Z');
			const handles = [first, ...others];
			const reports = await Promise.all(handles.map((h) => prepareDatabase(h, { env, now, isDemoSeededWhenEmpty: true })));
			expect(reports.filter((r) => r.demo !== null)).toHaveLength(1);
			expect(reports.filter((r) => r.admin !== null)).toHaveLength(1);
			expect((await first.db.select({ n: count() }).from(consultation))[0].n).toBe(reports.find((r) => r.demo)!.demo!.consultations);
			expect((await first.db.select({ n: count() }).from(authUser))[0].n).toBe(3); // the admin and the two demo staff
			const secrets = await Promise.all(handles.map((h) => h.exclusive(() => resolveAuthSecret(h.db))));
			expect(new Set(secrets).size).toBe(1);
		} finally {
			for (const h of others) await h.close();
			await first.close();
		}
	}, 120_000);
});
