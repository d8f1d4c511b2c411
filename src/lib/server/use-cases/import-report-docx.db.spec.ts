import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeStaffActor } from '../../../../tests/support/factories';
import { editLikeWord, uniquePiece } from '../../../../tests/support/word-edits';
import { consultation, report, reportVersion } from '../db/schema';
import { createDraftVersion } from './generate-report-draft';
import { previewDocxImport } from './import-report-docx';
import { saveVersion } from './save-report-version';
import { publishVersion } from './publish-report-version';
import { versionDiff, versionDocument } from '../queries/report-versions';
import { readBlocks } from '../queries/report-blocks';
import { roomAttendees } from '../queries/attendees';
import { renderDocx } from '../exports/report-docx';
import type { Block } from '../../domain/report/model';
import type { Actor } from '../../domain/policy';
import type { ConsultationId } from '../../domain/ids';

const SLUG = 'parliamentarians';
const t = useTestDatabase({ demo: true });
let organizer: Actor;
let consultationId: ConsultationId;
beforeAll(async () => {
	[{ id: consultationId }] = await t.db.select({ id: consultation.id }).from(consultation).where(eq(consultation.slug, SLUG));
	organizer = await makeStaffActor(t.db, 'organizer', { organizerOf: [consultationId] });
});

/** A fresh draft of the demo report, and its DOCX as staff download it. */
async function draftWithDocx(slug = SLUG, actor = organizer) {
	const created = await createDraftVersion(t.db, actor, slug);
	if (!created.ok) throw new Error('not created');
	const doc = (await versionDocument(t.db, created.versionId))!;
	return { ...created, blocks: doc.blocks, docx: new Uint8Array(await renderDocx(doc)) };
}

async function versionIdOf(number: number): Promise<string> {
	const [v] = await t.db
		.select({ id: reportVersion.id })
		.from(reportVersion)
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.where(and(eq(report.slug, SLUG), eq(reportVersion.number, number)));
	return v.id;
}

const textOf = (b: Block) => (b.kind === 'annex' ? b.cells.join(' ') : b.text);
const piece = uniquePiece;

async function libreOfficeCopy(file: Uint8Array): Promise<Uint8Array> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-soffice-'));
	try {
		fs.writeFileSync(path.join(dir, 'edited.docx'), file);
		fs.mkdirSync(path.join(dir, 'out'));
		// A profile of its own: two runs at once (PGlite and PostgreSQL) must not share one.
		await promisify(execFile)('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'docx', '--outdir', path.join(dir, 'out'), path.join(dir, 'edited.docx')], { timeout: 120_000 });
		return new Uint8Array(fs.readFileSync(path.join(dir, 'out', 'edited.docx')));
	} catch (error) {
		throw new Error(`LibreOffice (soffice) is needed for this test; .ci/run installs libreoffice-writer-nogui. ${(error as Error).message}`, { cause: error });
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

describe(`a report edited in Word comes back as the next version, on ${testDriver}`, () => {
	it('round-trips the demo report: a changed paragraph, a new footnote, a deleted recommendation and a tracked change, saved with its diff; LibreOffice’s copy reads the same', async () => {
		const draft = await draftWithDocx();
		const paragraphs = draft.blocks.flatMap((b, i) => (b.kind === 'paragraph' ? [i] : []));
		const recommendations = draft.blocks.flatMap((b, i) => (b.kind === 'list-item' && b.isRecommendation ? [i] : []));
		expect(paragraphs.length).toBeGreaterThan(5);
		expect(recommendations.length).toBeGreaterThan(1);
		const [changed, noted, tracked] = [paragraphs[1], paragraphs[3], paragraphs[4]];
		const removed = recommendations[0];
		const edited = await editLikeWord(draft.docx, [
			{ replace: piece(draft.blocks, changed), with: 'words rewritten in Word' },
			{ addFootnoteTo: piece(draft.blocks, noted), text: 'See the Regional Review report, para. 12.' },
			{ deleteParagraph: textOf(draft.blocks[removed]) },
			{ trackedInsertion: ' (as amended)', after: piece(draft.blocks, tracked), author: 'Reviewer A' }
		]);
		const expected = draft.blocks.flatMap((b, i): Block[] => {
			if (i === removed) return [];
			if (b.kind !== 'paragraph') return [b];
			if (i === changed) return [{ ...b, text: b.text.replace(piece(draft.blocks, changed), 'words rewritten in Word') }];
			if (i === noted) return [{ ...b, footnotes: [...b.footnotes, 'See the Regional Review report, para. 12.'] }];
			if (i === tracked) return [{ ...b, text: `${b.text} (as amended)` }];
			return [b];
		});

		const preview = await previewDocxImport(t.db, organizer, SLUG, edited, { refuseTrackedChanges: false });
		if (!preview.ok) throw new Error(`refused: ${JSON.stringify(preview)}`);
		expect(preview.preview.blocks).toEqual(expected);
		expect(preview.preview.basedOn).toBe(draft.number);
		expect(preview.preview.trackedChanges).toMatchObject([{ kind: 'insertion', author: 'Reviewer A', text: '(as amended)' }]);
		expect(preview.preview.diff.filter((e) => e.op !== 'same').map((e) => e.op)).toEqual(expect.arrayContaining(['changed', 'changed', 'changed', 'removed']));

		// The same file opened and saved by LibreOffice reads the same.
		const viaLibreOffice = await previewDocxImport(t.db, organizer, SLUG, await libreOfficeCopy(edited), { refuseTrackedChanges: false });
		if (!viaLibreOffice.ok) throw new Error(`LibreOffice's copy refused: ${JSON.stringify(viaLibreOffice)}`);
		expect(viaLibreOffice.preview.blocks).toEqual(expected);
		expect(viaLibreOffice.preview.trackedChanges).toMatchObject([{ kind: 'insertion', text: '(as amended)' }]);

		const saved = await saveVersion(t.db, organizer, SLUG, preview.preview.basedOn, preview.preview.blocks, 'Edited in Word');
		expect(saved).toEqual({ ok: true, number: draft.number + 1 });
		const latestId = await versionIdOf(draft.number + 1);
		expect((await readBlocks(t.db, latestId)).map((b) => b.block)).toEqual(expected);
		const diff = await versionDiff(t.db, latestId);
		expect(diff?.fromNumber).toBe(draft.number);
		// The file is now stale: importing it again is refused, nothing is read.
		expect(await previewDocxImport(t.db, organizer, SLUG, edited, { refuseTrackedChanges: false })).toEqual({ ok: false, reason: 'conflict', basedOn: draft.number, latest: draft.number + 1 });
	});

	it('lists tracked changes and refuses the file when asked to; lists Word comments with where they are', async () => {
		const draft = await draftWithDocx();
		const first = draft.blocks.findIndex((b) => b.kind === 'paragraph');
		const edited = await editLikeWord(draft.docx, [
			{ trackedDeletion: piece(draft.blocks, first), author: 'Reviewer B' },
			{ commentOn: piece(draft.blocks, first).split(' ')[0], author: 'Reviewer C', text: 'Check the figure.' }
		]);
		expect(await previewDocxImport(t.db, organizer, SLUG, edited, { refuseTrackedChanges: true })).toMatchObject({
			ok: false,
			reason: 'tracked-changes',
			changes: [{ kind: 'deletion', author: 'Reviewer B', text: piece(draft.blocks, first), place: { kind: 'paragraph', label: '1' } }]
		});
		const accepted = await previewDocxImport(t.db, organizer, SLUG, edited, { refuseTrackedChanges: false });
		expect(accepted).toMatchObject({ ok: true, preview: { comments: [{ author: 'Reviewer C', text: 'Check the figure.' }] } });
	});

	it('refuses a DOCX of another report, one that does not name its version, and a stranger', async () => {
		const other = await makeStaffActor(t.db, 'admin');
		const elsewhere = await draftWithDocx('local-and-regional-authorities', other);
		expect(await previewDocxImport(t.db, organizer, SLUG, elsewhere.docx, { refuseTrackedChanges: false })).toEqual({ ok: false, reason: 'other-report' });
		const draft = await draftWithDocx();
		const zip = await JSZip.loadAsync(draft.docx);
		zip.remove('docProps/custom.xml');
		expect(await previewDocxImport(t.db, organizer, SLUG, await zip.generateAsync({ type: 'uint8array' }), { refuseTrackedChanges: false })).toEqual({ ok: false, reason: 'no-version' });
		const stranger = await makeStaffActor(t.db, 'organizer');
		expect(await previewDocxImport(t.db, stranger, SLUG, draft.docx, { refuseTrackedChanges: false })).toEqual({ ok: false, reason: 'forbidden' });
		expect(await previewDocxImport(t.db, organizer, SLUG, new TextEncoder().encode('not a docx'), { refuseTrackedChanges: false })).toEqual({ ok: false, reason: 'refused', refusal: { reason: 'not-docx', found: 'other' } });
	});

	it('puts the new text through the privacy gate: a protected participant named in Word is found before saving, and the saved version cannot be published', async () => {
		const draft = await draftWithDocx();
		const protectedOne = (await roomAttendees(t.db, consultationId)).find((a) => a.attribution === 'non-attributable')!;
		const first = draft.blocks.findIndex((b) => b.kind === 'paragraph');
		const edited = await editLikeWord(draft.docx, [{ replace: piece(draft.blocks, first), with: `as ${protectedOne.name} told us,` }]);
		const preview = await previewDocxImport(t.db, organizer, SLUG, edited, { refuseTrackedChanges: false });
		if (!preview.ok) throw new Error('refused');
		expect(preview.preview.isBlocked).toBe(true);
		expect(preview.preview.findings.some((f) => f.severity === 'block' && f.explanation.includes(protectedOne.name))).toBe(true);
		const saved = await saveVersion(t.db, organizer, SLUG, draft.number, preview.preview.blocks, '');
		if (!saved.ok) throw new Error('not saved');
		expect(await publishVersion(t.db, organizer, await versionIdOf(saved.number), new Date())).toMatchObject({ ok: false, reason: 'blocked' });
	});
});
