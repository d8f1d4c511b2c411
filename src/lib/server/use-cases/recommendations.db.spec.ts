import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq, inArray, sql } from 'drizzle-orm';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_DAY, testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeStaffActor } from '../../../../tests/support/factories';
import { DEMO_PUBLISHED_SLUG } from '../demo/seed-demo';
import { consultation, followUp, recommendation, reviewProcess, statement } from '../db/schema';
import { createDraftVersion } from './generate-report-draft';
import { publishVersion } from './publish-report-version';
import { readBlocks } from '../queries/report-blocks';
import { saveEditedVersion } from './save-report-version';
import { blockFields } from '../../domain/report/edit';
import { importRecommendationsSheet } from './import-recommendations';
import { listRecommendations } from '../queries/recommendations';
import { recommendationsXlsx } from '../exports/recommendations-xlsx';
import { updateRecommendation } from './update-recommendations';
import { roomAttendees } from '../queries/attendees';
import type { Actor } from '../../domain/policy';
import type { ConsultationId } from '../../domain/ids';
import type { PublicText } from '../privacy/gate';

const t = useTestDatabase({ demo: true });
let admin: Actor;
let processId: string;
let parliamentId: ConsultationId;

beforeAll(async () => {
	[{ id: processId }] = await t.db.select({ id: reviewProcess.id }).from(reviewProcess);
	[{ id: parliamentId }] = await t.db.select({ id: consultation.id }).from(consultation).where(eq(consultation.slug, 'parliamentarians'));
	admin = await makeStaffActor(t.db, 'admin');
});

async function sheetWith(edit: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load((await recommendationsXlsx(await listRecommendations(t.db, processId))) as unknown as ArrayBuffer);
	edit(workbook.worksheets[0]);
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}
const rowOf = (sheet: ExcelJS.Worksheet, id: string) => {
	let found = 0;
	sheet.eachRow((row, n) => {
		if (row.getCell(1).text === id) found = n;
	});
	return sheet.getRow(found);
};

describe(`the recommendations tracker on ${testDriver}`, () => {
	it('tracks the lettered recommendations of a published report, with suggested addressees and the notes’ objective tags', async () => {
		const organizer = await makeStaffActor(t.db, 'organizer', { organizerOf: [parliamentId] });
		const before = (await listRecommendations(t.db, processId)).length;
		const draft = await createDraftVersion(t.db, organizer, 'parliamentarians');
		if (!draft.ok) throw new Error('no draft');
		expect(await listRecommendations(t.db, processId, { consultation: 'parliamentarians' })).toEqual([]); // a draft is not tracked
		const published = await publishVersion(t.db, organizer, draft.versionId, new Date());
		expect(published.ok).toBe(true);
		const recs = await listRecommendations(t.db, processId, { consultation: 'parliamentarians' });
		const said = await t.db.select().from(statement).where(eq(statement.consultationId, parliamentId));
		expect(recs).toHaveLength(said.filter((s) => s.isRecommendation).length);
		expect((await listRecommendations(t.db, processId)).length).toBe(before + recs.length);
		const crossParty = recs.find((r) => r.text.startsWith('Parliaments should establish cross-party groups'))!;
		expect(crossParty.addressees).toEqual(['parliamentarians']);
		expect(crossParty.objectives.map((o) => o.number)).toEqual([23]);
		expect(crossParty.reference).toMatch(/^para\. \d+ \([A-Z]\)$/);
		const interParliamentary = recs.find((r) => r.text.startsWith('Inter-parliamentary bodies'))!;
		expect(interParliamentary.addressees).toContain('inter-parliamentary-bodies');
		expect(recs.find((r) => r.text.startsWith('The Network should offer briefings'))!.addressees).toContain('the-network');
		expect(await listRecommendations(t.db, processId, { id: crossParty.id })).toEqual([crossParty]);
		expect(await listRecommendations(t.db, processId, { id: 'not-an-id' })).toEqual([]);
	});

	it('keeps status and log through a corrected version, and drops a recommendation removed before anything was recorded', async () => {
		const organizer = await makeStaffActor(t.db, 'organizer', { organizerOf: [parliamentId] });
		const recs = await listRecommendations(t.db, processId, { consultation: 'parliamentarians' });
		const kept = recs.find((r) => r.text.startsWith('Parliaments should establish cross-party groups'))!;
		const dropped = recs.find((r) => r.text.startsWith('The Network should offer briefings'))!;
		expect((await updateRecommendation(t.db, organizer, { id: kept.id, status: 'in-progress' }, DEMO_DAY)).ok).toBe(true);
		// The correction rewords the kept one and deletes the other.
		const [latest] = (await t.db.select().from(recommendation).where(eq(recommendation.id, kept.id))).map((r) => r.reportVersionId!);
		const blocks = await readBlocks(t.db, latest);
		const edits = blocks
			.filter((b) => !(b.block.kind === 'list-item' && b.block.text === dropped.text))
			.map((b) => {
				const f = blockFields(b.block);
				const text = b.block.kind === 'list-item' && b.block.text === kept.text ? `${f.text.replace(/\.$/, '')} of all parties.` : f.text;
				return { ...f, text, order: '', isDeleted: false, isMergedWithNext: false, insertAfter: '' };
			});
		const saved = await saveEditedVersion(t.db, organizer, 'parliamentarians', 1, edits, 'Correction');
		if (!saved.ok) throw new Error(`not saved: ${JSON.stringify(saved)}`);
		const versions = await t.db.select().from(recommendation).where(eq(recommendation.consultationId, parliamentId));
		expect(versions.length).toBe(recs.length); // nothing changes before publication
		const { reportVersion } = await import('../db/schema');
		const [v2] = await t.db.select().from(reportVersion).where(eq(reportVersion.number, saved.number));
		expect((await publishVersion(t.db, organizer, v2.id, new Date(), { note: 'Correction' })).ok).toBe(true);
		const after = await listRecommendations(t.db, processId, { consultation: 'parliamentarians' });
		expect(after).toHaveLength(recs.length - 1);
		const reworded = after.find((r) => r.id === kept.id)!;
		expect(reworded.text).toMatch(/of all parties\.$/);
		expect(reworded.status).toBe('in-progress');
		expect(reworded.followUps.map((f) => f.note)).toEqual(['Status changed from Open to In progress.']);
		expect(after.some((r) => r.id === dropped.id)).toBe(false);
	});

	it('applies a status change and a follow-up from the edited sheet, once, and shows them in the list', async () => {
		const [target] = await listRecommendations(t.db, processId, { consultation: DEMO_PUBLISHED_SLUG, status: 'open' });
		const data = await sheetWith((sheet) => {
			const row = rowOf(sheet, target.id);
			row.getCell(7).value = 'Implemented';
			row.getCell(8).value = new Date(Date.UTC(2026, 10, 20)); // a date cell, as Excel stores one
			row.getCell(9).value = 'The regional ministers adopted the guidelines.';
			row.getCell(10).value = 'https://docs.example.org/guidelines.pdf';
		});
		const result = await importRecommendationsSheet(t.db, admin, processId, data, 'recommendations.xlsx', DEMO_DAY);
		expect(result).toMatchObject({ ok: true, changed: 1, followUps: 2 });
		const after = (await listRecommendations(t.db, processId)).find((r) => r.id === target.id)!;
		expect(after.status).toBe('implemented');
		expect(after.followUps).toEqual([
			expect.objectContaining({ happenedOn: '2026-11-23', note: 'Status changed from Open to Implemented.', statusChange: { from: 'open', to: 'implemented' } }),
			expect.objectContaining({ happenedOn: '2026-11-20', note: 'The regional ministers adopted the guidelines.', evidenceUrl: 'https://docs.example.org/guidelines.pdf', statusChange: null })
		]);
		// The same file uploaded again adds nothing.
		const again = await importRecommendationsSheet(t.db, admin, processId, data, 'recommendations.xlsx', DEMO_DAY);
		expect(again).toMatchObject({ ok: true, changed: 0, followUps: 0 });
	});

	it('reads the status change of entries logged before pages worded it in each language (migration 0016)', async () => {
		const [target] = await listRecommendations(t.db, processId);
		const rows = await t.db
			.insert(followUp)
			.values([
				{ recommendationId: target.id, happenedOn: '2026-01-02', note: 'Status changed from In progress to No action.' as PublicText },
				{ recommendationId: target.id, happenedOn: '2026-01-03', note: 'Status changed from Open to Finished.' as PublicText },
				{ recommendationId: target.id, happenedOn: '2026-01-04', note: 'Status changed from Open to Implemented. Then more.' as PublicText }
			])
			.returning({ id: followUp.id });
		const migration = fs.readFileSync(path.resolve('drizzle/0016_follow_up_status_change.sql'), 'utf8').split('--> statement-breakpoint');
		await t.db.execute(sql.raw(migration.at(-1)!));
		const after = (await listRecommendations(t.db, processId)).find((r) => r.id === target.id)!;
		const change = (id: string) => after.followUps.find((f) => f.id === id)!.statusChange;
		expect(rows.map((r) => change(r.id))).toEqual([{ from: 'in-progress', to: 'no-action' }, null, null]);
		await t.db.delete(followUp).where(inArray(followUp.id, rows.map((r) => r.id)));
	});

	it('refuses a sheet with any bad row, says where, and changes nothing', async () => {
		const recs = await listRecommendations(t.db, processId);
		const log = await t.db.select().from(followUp);
		const data = await sheetWith((sheet) => {
			rowOf(sheet, recs[0].id).getCell(7).value = 'Finished';
			rowOf(sheet, recs[1].id).getCell(7).value = 'Implemented'; // fine on its own
			rowOf(sheet, recs[2].id).getCell(8).value = '05/11/2026';
			rowOf(sheet, recs[2].id).getCell(9).value = 'A meeting took place.';
			rowOf(sheet, recs[3].id).getCell(5).value = 'Governments; Martians';
			sheet.addRow(['00000000-0000-4000-8000-000000000000', '', '', '', '', '', 'Open']);
		});
		const result = await importRecommendationsSheet(t.db, admin, processId, data, 'recommendations.xlsx', DEMO_DAY);
		if (result.ok || result.reason !== 'invalid') throw new Error(`expected errors, got ${JSON.stringify(result)}`);
		expect(result.errors.map((e) => [e.column, e.problem])).toEqual([
			['Status', { kind: 'not-a-status', value: 'Finished' }],
			['Follow-up date', { kind: 'ambiguous-date', value: '05/11/2026' }],
			['Addressees', { kind: 'not-an-addressee', value: 'Martians' }],
			['Recommendation ID', { kind: 'unknown-recommendation', value: '00000000-0000-4000-8000-000000000000' }]
		]);
		expect(result.errors.every((e) => e.row >= 2)).toBe(true);
		expect(await listRecommendations(t.db, processId)).toEqual(recs);
		expect(await t.db.select().from(followUp)).toHaveLength(log.length);
		const unreadable = await importRecommendationsSheet(t.db, admin, processId, new TextEncoder().encode('not a workbook'), 'recommendations.xlsx', DEMO_DAY);
		expect(unreadable).toMatchObject({ ok: false, reason: 'unreadable', problem: { kind: 'xlsx-not-a-zip' } });
	});

	it('refuses a public follow-up note that names a participant protected by the Chatham House Rule', async () => {
		const [target] = await listRecommendations(t.db, processId, { consultation: DEMO_PUBLISHED_SLUG });
		const room = await roomAttendees(t.db, target.consultationId);
		const protectedName = room.find((a) => a.attribution === 'non-attributable')!.name;
		const result = await updateRecommendation(t.db, admin, { id: target.id, followUp: { happenedOn: '2026-11-20', note: `${protectedName} raised this with the ministry.`, evidenceUrl: null } }, DEMO_DAY);
		expect(result.ok).toBe(false);
		if (!result.ok && result.reason === 'invalid') expect(result.errors[0].problem).toEqual({ kind: 'public-log', explanation: expect.stringContaining(protectedName) });
		expect((await listRecommendations(t.db, processId)).find((r) => r.id === target.id)!.followUps.some((f) => f.note.includes(protectedName))).toBe(false);
	});

	it('lets only the consultation’s organizers (and admins) change its recommendations', async () => {
		const [target] = await listRecommendations(t.db, processId, { consultation: DEMO_PUBLISHED_SLUG });
		const stranger = await makeStaffActor(t.db, 'organizer', { organizerOf: [parliamentId] });
		expect(await updateRecommendation(t.db, stranger, { id: target.id, status: 'no-action' }, DEMO_DAY)).toEqual({ ok: false, reason: 'forbidden' });
		const data = await sheetWith((sheet) => {
			rowOf(sheet, target.id).getCell(7).value = 'No action';
		});
		const result = await importRecommendationsSheet(t.db, stranger, processId, data, 'recommendations.xlsx', DEMO_DAY);
		expect(result).toMatchObject({ ok: false, reason: 'invalid', errors: [expect.objectContaining({ column: 'Recommendation ID', problem: { kind: 'not-an-organizer' } })] });
		expect((await listRecommendations(t.db, processId)).find((r) => r.id === target.id)!.status).toBe(target.status);
	});

	it('never loses a concurrent change: parallel status changes of one recommendation each leave one log entry', async () => {
		const [target] = await listRecommendations(t.db, processId, { consultation: 'parliamentarians' });
		const statuses = ['in-progress', 'implemented', 'no-action', 'in-progress'] as const;
		const results = await Promise.all(statuses.map((status, i) => updateRecommendation(t.db, admin, { id: target.id, status, followUp: { happenedOn: '2026-11-21', note: `Update ${i}`, evidenceUrl: null } }, DEMO_DAY)));
		expect(results.every((r) => r.ok)).toBe(true);
		const after = (await listRecommendations(t.db, processId)).find((r) => r.id === target.id)!;
		expect(after.followUps.filter((f) => f.note.startsWith('Update ')).map((f) => f.note).sort()).toEqual(['Update 0', 'Update 1', 'Update 2', 'Update 3']);
		expect(statuses).toContain(after.status);
	});
});
