// Backups: taken from the demo with awkward data added (quotes, line breaks, backslashes, scripts,
// stored files, merged records, a serial counter), restored into an empty database on the same
// driver: every table has the same rows (count and checksum). Restoring over data is refused
// unless asked; a file that is not a backup, or of another schema, is refused with the reason.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createDemoDatabase, createTestDatabase, testDriver, type TestDatabase } from '../../../tests/support/test-db';
import { makeConsultation, makeOrganization, makePerson } from '../../../tests/support/factories';
import { auditLog, document, organization, person } from './db/schema';
import { BackupError, contentFingerprint, NOT_BACKED_UP, restoreBackup, writeBackup } from './backup';
import { fixtureText } from '../../../tests/support/factories';

let source: TestDatabase;
let backup: string;

/** What a backup carries: every table but the sessions, pending links, rate counters and cached checks. */
const backedUp = async (t: TestDatabase) => Object.fromEntries(Object.entries(await contentFingerprint(t.db)).filter(([name]) => !NOT_BACKED_UP.has(name)));

beforeAll(async () => {
	source = await createDemoDatabase();
	await makePerson(source.db, { name: `O'Brien "Quoted" \\ Back-slash\nNew line ${randomUUID().slice(0, 4)}`, email: `awkward-${randomUUID().slice(0, 6)}@example.org` });
	await makePerson(source.db, { name: 'Nguyễn Thị Ánh · 王秀英 · Айгерим', email: `scripts-${randomUUID().slice(0, 6)}@example.org` });
	const kept = await makeOrganization(source.db, { name: `Kept Association ${randomUUID().slice(0, 4)}` });
	await makeOrganization(source.db, { name: `Merged Association ${randomUUID().slice(0, 4)}`, mergedIntoId: kept.id });
	const c = await makeConsultation(source.db);
	await source.db.insert(document).values({ consultationId: c.id, position: 0, title: fixtureText('Stored file'), fileName: 'f.bin', mediaType: 'application/octet-stream', content: Buffer.from([0, 1, 2, 255, 39, 92, 10]) });
	await source.db.insert(auditLog).values({ action: 'test.backup', subjectType: 'test', details: { quote: "it's", list: [1, 2] } });
	const parts: string[] = [];
	await writeBackup(source.db, (chunk) => void parts.push(chunk));
	backup = parts.join('');
}, 120_000);

afterAll(async () => {
	await source?.close();
});

describe(`backup and restore on ${testDriver}`, () => {
	it('restores every row of every table into an empty database (same count and checksum per table)', async () => {
		const target = await createTestDatabase();
		try {
			const restored = await restoreBackup(target.db, backup);
			expect(restored.rows).toBeGreaterThan(1000);
			const [expected, actual] = [await backedUp(source), await backedUp(target)];
			expect(Object.keys(actual).length).toBeGreaterThan(30);
			expect(actual).toEqual(expected);
			// Sessions are not in a backup: whoever reads the file cannot sign in with them.
			expect(backup).not.toMatch(/INSERT INTO "auth_session"/);
			const [file] = await target.db.select().from(document).where(eq(document.title, fixtureText('Stored file')));
			expect([...file.content!]).toEqual([0, 1, 2, 255, 39, 92, 10]);
			// The serial counter goes on after the restored rows.
			const [next] = await target.db.insert(auditLog).values({ action: 'test.after-restore', subjectType: 'test' }).returning({ id: auditLog.id });
			const max = Math.max(...(await source.db.select({ id: auditLog.id }).from(auditLog)).map((r) => r.id));
			expect(next.id).toBeGreaterThan(max);
		} finally {
			await target.close();
		}
	});

	it('refuses to restore over data unless asked, then replaces everything', async () => {
		const target = await createTestDatabase();
		try {
			await makePerson(target.db, { name: 'Someone Already Here', email: `here-${randomUUID().slice(0, 6)}@example.org` });
			await expect(restoreBackup(target.db, backup)).rejects.toThrow('The database already holds data: restore into an empty database, or pass --replace');
			expect(await target.db.select().from(person)).toHaveLength(1);
			await restoreBackup(target.db, backup, { replace: true });
			expect(await backedUp(target)).toEqual(await backedUp(source));
		} finally {
			await target.close();
		}
	});

	it('refuses a file that is not a backup, or one of another schema, and changes nothing', async () => {
		const target = await createTestDatabase();
		try {
			await expect(restoreBackup(target.db, 'name,email\nAna,ana@example.org\n')).rejects.toBeInstanceOf(BackupError);
			await expect(restoreBackup(target.db, backup.replace(/^-- schema: \S+/m, '-- schema: 3:0123456789abcdef'))).rejects.toThrow(/The backup was taken at schema 3:0123456789abcdef/);
			// A damaged file fails as a whole: nothing of it stays.
			await expect(restoreBackup(target.db, backup.replace(/INSERT INTO "person"/, 'INSERT INTO "nobody"'))).rejects.toThrow();
			expect(await target.db.select().from(person)).toHaveLength(0);
			expect(await target.db.select().from(organization)).toHaveLength(0);
			// A file cut short restores nothing either.
			await expect(restoreBackup(target.db, backup.slice(0, Math.floor(backup.length * 0.9)).replace(/\n[^\n]*$/, '\n'))).rejects.toThrow('The backup file is incomplete');
			expect(await target.db.select().from(person)).toHaveLength(0);
		} finally {
			await target.close();
		}
	});
});
