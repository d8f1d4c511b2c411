import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestDatabase, testDriver, useTestDatabase } from '../../../tests/support/test-db';
import { makeConsultation } from '../../../tests/support/factories';
import { authUser, consultationStaff, person, reviewProcess } from './db/schema';
import { adminNotice, checkProductionEnv, prepareDatabase } from './startup';
import { createAuth, resolveAuthSecret } from './auth';
import { getPublishedConceptNote, listPublishedConsultations } from './queries/consultations';

const t = useTestDatabase();
const env = { CONVENE_ADMIN_PASSWORD: 'correct-horse-battery' } as NodeJS.ProcessEnv;
const now = new Date('2026-11-23T05:00:00Z');


describe(`first start in production on ${testDriver}`, () => {
	it('seeds no demo and creates no demo staff unless asked; a password from the environment is never printed', async () => {
		const empty = await createTestDatabase();
		try {
			const first = await prepareDatabase(empty, { env: { CONVENE_ADMIN_PASSWORD: 'set-by-the-operator-42', CONVENE_ADMIN_EMAIL: 'secretariat@example.org' } as NodeJS.ProcessEnv, now });
			expect(first.demo).toBeNull();
			expect((await empty.db.select({ n: count() }).from(person))[0].n).toBe(0);
			expect((await empty.db.select({ email: authUser.email }).from(authUser)).map((u) => u.email)).toEqual(['secretariat@example.org']);
			const notice = adminNotice(first.admin!, 'https://convene.example.org');
			expect(notice).not.toContain('set-by-the-operator-42');
			expect(notice).toContain('the one set in CONVENE_ADMIN_PASSWORD');
			expect(notice).not.toContain('Demo staff');
		} finally {
			await empty.close();
		}
	});

	it('a generated password is printed once; BETTER_AUTH_SECRET is required when NODE_ENV=production', () => {
		expect(adminNotice({ email: 'a@example.org', password: 'generated-XYZ', isPasswordFromEnv: false, hasDemoStaff: false }, 'http://localhost:3000')).toContain('password:  generated-XYZ');
		expect(() => checkProductionEnv({ NODE_ENV: 'production' } as NodeJS.ProcessEnv)).toThrow('BETTER_AUTH_SECRET must be set when NODE_ENV=production');
		expect(() => checkProductionEnv({ NODE_ENV: 'production', BETTER_AUTH_SECRET: 'x'.repeat(40) } as NodeJS.ProcessEnv)).not.toThrow();
		expect(() => checkProductionEnv({} as NodeJS.ProcessEnv)).not.toThrow();
		expect(() => checkProductionEnv({ NODE_ENV: 'production', BETTER_AUTH_SECRET: 'x'.repeat(40), CONVENE_DEMO: '1' } as NodeJS.ProcessEnv)).toThrow('not with NODE_ENV=production');
	});
});

describe(`first start on ${testDriver}`, () => {
	it('asked for the demo, seeds it and creates one admin on an empty database, and does neither again', async () => {
		const first = await prepareDatabase(t, { env, now, isDemoSeededWhenEmpty: true });
		expect(first.demo?.consultations).toBe(6);
		expect(first.admin).toEqual({ email: 'admin@convene.example', password: 'correct-horse-battery', isPasswordFromEnv: true, hasDemoStaff: true });
		const peopleAfterFirst = (await t.db.select({ n: count() }).from(person))[0].n;

		const second = await prepareDatabase(t, { env, now, isDemoSeededWhenEmpty: true });
		expect(second).toEqual({ demo: null, admin: null });
		expect((await t.db.select({ n: count() }).from(person))[0].n).toBe(peopleAfterFirst);
		expect((await t.db.select({ n: count() }).from(reviewProcess))[0].n).toBe(1);
		expect((await t.db.select({ n: count() }).from(authUser).where(eq(authUser.role, 'admin')))[0].n).toBe(1);
	});

	it('creates a demo organizer of all six consultations and a rapporteur of the four past ones', async () => {
		const rows = await t.db
			.select({ email: authUser.email, role: consultationStaff.role, n: count() })
			.from(consultationStaff)
			.innerJoin(authUser, eq(consultationStaff.userId, authUser.id))
			.groupBy(authUser.email, consultationStaff.role)
			.orderBy(authUser.email);
		expect(rows).toEqual([
			{ email: 'organizer@convene.example', role: 'organizer', n: 6 },
			{ email: 'rapporteur@convene.example', role: 'rapporteur', n: 4 }
		]);
	});

	it('lets the admin sign in with the password, and refuses a wrong one', async () => {
		const auth = createAuth(t.db, { secret: await resolveAuthSecret(t.db, {}), baseURL: 'http://localhost:3000' });
		const ok = await auth.api.signInEmail({ body: { email: 'admin@convene.example', password: 'correct-horse-battery' } });
		expect(ok.user.email).toBe('admin@convene.example');
		const rapporteur = await auth.api.signInEmail({ body: { email: 'rapporteur@convene.example', password: 'correct-horse-battery' } });
		expect((rapporteur.user as { role?: string }).role).toBe('rapporteur');
		expect((ok.user as { role?: string }).role).toBe('admin');
		await expect(auth.api.signInEmail({ body: { email: 'admin@convene.example', password: 'wrong-password-1' } })).rejects.toThrow();
	});

	it('keeps one auth secret for every process sharing the database', async () => {
		const a = await resolveAuthSecret(t.db, {});
		const b = await resolveAuthSecret(t.db, {});
		expect(a).toBe(b);
		expect(a.length).toBeGreaterThanOrEqual(40);
		expect(await resolveAuthSecret(t.db, { BETTER_AUTH_SECRET: 'from-the-environment' })).toBe('from-the-environment');
	});

	it('does not show draft consultations to the public', async () => {
		const draft = await makeConsultation(t.db, { status: 'draft' });
		expect(await getPublishedConceptNote(t.db, draft.slug)).toBeNull();
		expect((await listPublishedConsultations(t.db)).map((c) => c.slug)).not.toContain(draft.slug);
	});

	it('assembles the parliamentarians concept note: objectives with titles, team, timed agenda, documents', async () => {
		const note = await getPublishedConceptNote(t.db, 'parliamentarians');
		expect(note).not.toBeNull();
		expect(note!.objectives.map((o) => o.number)).toEqual([5, 6, 7, 16, 17, 23]);
		expect(note!.objectives[0].title).toMatch(/regular migration/);
		expect(note!.team.filter((m) => m.role === 'lead-agency')).toHaveLength(2);
		expect(note!.agenda.map((a) => a.position)).toEqual([1, 2, 3, 4, 5]);
		expect(note!.agenda[1].speakers.length).toBe(3);
		expect(note!.agenda[1].questions.length).toBe(3);
		expect(note!.agenda[1].moderator?.name).toBeTruthy();
		expect(note!.documents.length).toBeGreaterThan(0);
	});
});
