import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { count, eq, like } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeOrganization, makePerson, makeStaffActor } from '../../../../tests/support/factories';
import { makePeopleRows, toXlsx, twentyBadRows } from '../../../../tests/support/people-file';
import { auditLog, organization, person } from '../db/schema';
import { readTable, readCsv } from '../imports/read-table';
import { guessMapping } from '../../domain/people-import';
import type { Actor } from '../../domain/policy';
import { importPeople } from './import-people';
import { exportPeople } from './export-people';
import type { PersonId } from '../../domain/ids';

const t = useTestDatabase();
let admin: Actor;
const organizer: Actor = { kind: 'staff', userId: 'no-such-user', role: 'organizer', organizerOf: new Set(), rapporteurOf: new Set() };
const stakeholder: Actor = { kind: 'stakeholder', userId: 'no-such-user', personId: 'p' as PersonId };
const cli: Actor = { kind: 'system', via: 'cli' };

beforeAll(async () => {
	admin = await makeStaffActor(t.db, 'admin');
});

const peopleTagged = async (tag: string) =>
	(await t.db.select({ n: count() }).from(person).where(like(person.email, `%-${tag}@example.org`)))[0].n;

describe(`importing people on ${testDriver}`, () => {
	it('reports exactly the 20 bad rows of a 5,000-row XLSX, imports nothing, then imports all 5,000 once fixed', { timeout: 120_000 }, async () => {
		const tag = `x${Date.now().toString(36)}`;
		const bad = twentyBadRows(5000);
		const table = await readTable(await toXlsx(makePeopleRows(5000, tag, bad)), 'network.xlsx');
		expect(table).toHaveLength(5001);
		const mapping = guessMapping(table[0]);

		const refused = await importPeople(t.db, cli, { rows: table, mapping });
		expect(refused.ok).toBe(false);
		if (refused.ok || refused.reason !== 'invalid-rows') throw new Error(`unexpected ${JSON.stringify(refused)}`);
		expect(refused.problems).toHaveLength(20);
		expect(refused.problems.map((p) => p.row).sort((a, b) => a - b)).toEqual([...bad.keys()].map((i) => i + 1).sort((a, b) => a - b));
		const reasons = new Set(refused.problems.map((p) => p.reason.replace(/".*"/, '"…"')));
		expect(reasons).toEqual(
			new Set(['invalid email "…"', 'unknown country "…"', 'unknown stakeholder category "…"', 'duplicate: "…" is also on row 2'])
		);
		expect(await peopleTagged(tag)).toBe(0);
		expect((await t.db.select({ n: count() }).from(organization).where(like(organization.name, `%${tag}`)))[0].n).toBe(0);

		const fixed = await readTable(await toXlsx(makePeopleRows(5000, tag)), 'network-fixed.xlsx');
		const progress: number[] = [];
		const done = await importPeople(t.db, cli, { rows: fixed, mapping, onProgress: (n) => progress.push(n) });
		expect(done).toEqual({ ok: true, imported: 5000, organizationsCreated: 300, isDryRun: false });
		expect(progress.at(-1)).toBe(5000);
		expect(await peopleTagged(tag)).toBe(5000);
		const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'directory.import'));
		expect(audit.details).toMatchObject({ people: 5000, via: 'cli' });
	});

	it('refuses the same file twice: every email is then a duplicate of the directory', async () => {
		const tag = `d${Date.now().toString(36)}`;
		const rows = makePeopleRows(3, tag);
		expect(await importPeople(t.db, cli, { rows, mapping: guessMapping(rows[0]) })).toMatchObject({ ok: true, imported: 3 });
		const again = await importPeople(t.db, cli, { rows, mapping: guessMapping(rows[0]) });
		expect(again).toMatchObject({ ok: false, reason: 'invalid-rows', validRows: 0 });
		expect(await peopleTagged(tag)).toBe(3);
	});

	it('attaches people to an existing organization found by alias', async () => {
		const org = await makeOrganization(t.db, { name: `Alias Holder ${Date.now()}`, aliases: ['AH-ALIAS'], countryCode: 'TH' });
		const rows = await readCsv(`name;email;organisation;country\nAnong Test;anong-${Date.now()}@example.org;ah-alias;Thailand\n`);
		expect(await importPeople(t.db, cli, { rows, mapping: guessMapping(rows[0]) })).toMatchObject({ ok: true, imported: 1, organizationsCreated: 0 });
		const [p] = await t.db.select().from(person).where(eq(person.organizationId, org.id));
		expect(p.name).toBe('Anong Test');
	});

	it('validates without writing on a dry run', async () => {
		const tag = `r${Date.now().toString(36)}`;
		const rows = makePeopleRows(10, tag);
		expect(await importPeople(t.db, cli, { rows, mapping: guessMapping(rows[0]), isDryRun: true })).toMatchObject({ ok: true, imported: 10, isDryRun: true });
		expect(await peopleTagged(tag)).toBe(0);
	});

	it('explains a bad mapping before looking at rows', async () => {
		const rows = makePeopleRows(2, 'm');
		expect(await importPeople(t.db, cli, { rows, mapping: { name: 0 } })).toEqual({
			ok: false,
			reason: 'invalid-mapping',
			problems: [{ field: 'email', kind: 'required-unmapped', reason: 'no column is mapped to the required field "email"' }]
		});
	});

	it.each([
		['an organizer', organizer],
		['a stakeholder', stakeholder]
	])('forbids %s to import or export, and writes nothing', async (_who, actor) => {
		const tag = `f${Date.now().toString(36)}`;
		const rows = makePeopleRows(2, tag);
		expect(await importPeople(t.db, actor, { rows, mapping: guessMapping(rows[0]) })).toEqual({ ok: false, reason: 'forbidden' });
		expect(await exportPeople(t.db, actor, {}, 'csv', new Date())).toEqual({ ok: false, reason: 'forbidden' });
		expect(await peopleTagged(tag)).toBe(0);
	});
});

describe(`exporting people on ${testDriver}`, () => {
	it('writes an XLSX whose formula-like cells come back from exceljs as neutralized text', async () => {
		const org = await makeOrganization(t.db, { name: `=HYPERLINK("http://evil.example","Click") ${Date.now()}` });
		await makePerson(t.db, { name: '+Plus Person', organizationId: org.id, jobTitle: '@Coordinator', categoryId: 'media' });
		const result = await exportPeople(t.db, admin, { q: 'Plus Person' }, 'xlsx', new Date('2026-11-23T00:00:00Z'));
		if (!result.ok) throw new Error('forbidden');
		expect(result.fileName).toBe('people-2026-11-23.xlsx');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(result.body as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[0];
		expect(sheet.getRow(1).getCell(1).text).toBe('Name');
		const row = sheet.getRow(2);
		const cells = [row.getCell(1), row.getCell(3), row.getCell(6)];
		expect(cells.map((c) => c.value)).toEqual(["'+Plus Person", "'@Coordinator", `'${org.name}`]);
		for (const c of cells) {
			expect(c.type).toBe(ExcelJS.ValueType.String);
			expect(c.formula).toBeUndefined();
		}
	});

	it('writes a CSV with a byte-order mark and neutralized cells, and logs the export', async () => {
		const p = await makePerson(t.db, { name: '-Minus Person', email: `minus-${Date.now()}@example.org` });
		const result = await exportPeople(t.db, admin, { q: p.email! }, 'csv', new Date());
		if (!result.ok) throw new Error('forbidden');
		const text = result.body.toString('utf8');
		expect(text.startsWith('\uFEFFName,')).toBe(true);
		expect(text).toContain(`'-Minus Person,`);
		expect(result.count).toBe(1);
		const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, 'directory.export'));
		expect(entries.some((e) => (e.details as { count?: number }).count === 1)).toBe(true);
	});
});
