import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeStaffActor } from '../../../../tests/support/factories';
import { auditLog, consultation, paragraph, reportVersion } from '../db/schema';
import { createDraftVersion } from './generate-report-draft';
import { publishedVersions, versionDiff, versionDocument } from '../queries/report-versions';
import { publishVersion } from './publish-report-version';
import { readBlocks } from '../queries/report-blocks';
import { saveEditedVersion } from './save-report-version';
import { blockFields } from '../../domain/report/edit';
import { loadDraftInput } from '../queries/draft-input';
import { draftReport } from '../../domain/report/draft';
import { roomAttendees } from '../queries/attendees';
import type { Actor } from '../../domain/policy';
import type { ConsultationId } from '../../domain/ids';
import { findingText } from '../privacy/finding-text';
import { overridesOf } from '../privacy/gate';

const t = useTestDatabase({ demo: true });
let organizer: Actor;
let admin: Actor;
let consultationId: ConsultationId;
beforeAll(async () => {
	[{ id: consultationId }] = await t.db.select({ id: consultation.id }).from(consultation).where(eq(consultation.slug, 'parliamentarians'));
	organizer = await makeStaffActor(t.db, 'organizer', { organizerOf: [consultationId] });
	admin = await makeStaffActor(t.db, 'admin');
});

describe(`report versions on ${testDriver}`, () => {
	it('saves a generated draft as the next version and reads it back block for block', async () => {
		const created = await createDraftVersion(t.db, organizer, 'parliamentarians', 'https://convene.example');
		if (!created.ok) throw new Error('not created');
		const doc = await versionDocument(t.db, created.versionId);
		const generated = draftReport((await loadDraftInput(t.db, 'parliamentarians', 'https://convene.example'))!.input);
		expect(doc?.blocks).toEqual(generated.blocks);
		expect(doc?.title).toBe(generated.title);
		const stranger = await makeStaffActor(t.db, 'organizer');
		expect(await createDraftVersion(t.db, stranger, 'parliamentarians')).toEqual({ ok: false, reason: 'forbidden' });
	});

	it('numbers concurrent drafts one after the other', async () => {
		const results = await Promise.all([1, 2, 3].map(() => createDraftVersion(t.db, organizer, 'parliamentarians')));
		const numbers = results.map((r) => (r.ok ? r.number : 0)).sort();
		expect(new Set(numbers).size).toBe(3);
	});

	it('publishes a clean version once; a published version cannot be published or changed again', async () => {
		const created = await createDraftVersion(t.db, organizer, 'parliamentarians');
		if (!created.ok) throw new Error('not created');
		expect(await publishVersion(t.db, organizer, created.versionId, new Date(), { note: 'First publication.' })).toMatchObject({ ok: true });
		expect(await publishVersion(t.db, organizer, created.versionId, new Date())).toEqual({ ok: false, reason: 'already-published' });
		const published = await publishedVersions(t.db, 'parliamentarians');
		expect(published[0]).toMatchObject({ id: created.versionId, note: 'First publication.' });
	});

	it('gives every file of a version its number and date on the first page: a draft as not for citation, a published version with its day of publication', async () => {
		const created = await createDraftVersion(t.db, organizer, 'parliamentarians');
		if (!created.ok) throw new Error('not created');
		const draft = await versionDocument(t.db, created.versionId);
		expect(draft?.edition).toMatch(new RegExp(`^Version ${created.number} · Draft of \\d{1,2} [A-Z][a-z]+ 20\\d\\d, not for citation$`));
		// Published at 20:00 UTC on 21 October: 22 October in Bangkok, the consultation's zone.
		expect(await publishVersion(t.db, organizer, created.versionId, new Date('2026-10-21T20:00:00Z'))).toMatchObject({ ok: true });
		const doc = (await versionDocument(t.db, created.versionId))!;
		expect(doc.edition).toBe(`Version ${created.number} · Published on 22 October 2026`);
		const { extractText, getDocumentProxy } = await import('unpdf');
		const { renderPdf } = await import('../exports/report-pdf');
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(await renderPdf(doc))), { mergePages: false });
		expect(text[0]).toContain(`Version ${created.number} · Published on 22 October 2026`);
	});

	it('stops a version that names a protected participant, unless an admin overrides it with a written reason (audit-logged)', async () => {
		const created = await createDraftVersion(t.db, organizer, 'parliamentarians');
		if (!created.ok) throw new Error('not created');
		const protectedOne = (await roomAttendees(t.db, consultationId)).find((a) => a.attribution === 'non-attributable')!;
		const blocks = await readBlocks(t.db, created.versionId);
		const target = blocks.find((b) => b.block.kind === 'paragraph')!;
		await t.db.update(paragraph).set({ text: `As ${protectedOne.name} said, wages are withheld.` }).where(eq(paragraph.id, target.id));

		const refused = await publishVersion(t.db, organizer, created.versionId, new Date(), { overrideReason: 'The organizer wants it out.' });
		expect(refused).toMatchObject({ ok: false, reason: 'blocked', findings: [{ kind: 'person', text: protectedOne.name }] });
		// The finding keeps whose name it is, so that each reader's page words it in their language.
		if (refused.ok || refused.reason !== 'blocked') throw new Error('not blocked');
		expect(refused.findings[0].subject).toBe(protectedOne.name);
		expect(findingText(refused.findings[0], 'fr')).toBe(`« ${protectedOne.name} » désigne ${protectedOne.name}, qui s’est exprimé sous la règle de Chatham House.`);
		expect(findingText(refused.findings[0], 'en')).toBe(refused.findings[0].explanation.replace(/"([^"]+)"/, '“$1”'));
		expect(await publishVersion(t.db, admin, created.versionId, new Date(), { overrideReason: '   ' })).toMatchObject({ ok: false, reason: 'blocked' });
		const [state] = await t.db.select({ state: reportVersion.state }).from(reportVersion).where(eq(reportVersion.id, created.versionId));
		expect(state.state).toBe('draft');

		expect(await publishVersion(t.db, admin, created.versionId, new Date(), { overrideReason: 'The participant asked to be named and confirmed it in writing.' })).toMatchObject({ ok: true });
		const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'report.publish-override'), eq(auditLog.subjectId, created.versionId)));
		expect(audit.details).toMatchObject({ reason: 'The participant asked to be named and confirmed it in writing.', findings: [{ kind: 'person', text: protectedOne.name, subject: protectedOne.name }] });
		// The override's history keeps the facts, and is read back worded by the same texts as the findings.
		const [history] = (await overridesOf(t.db, 'report-version', [created.versionId])).get(created.versionId)!;
		expect(history.findings).toEqual([findingText(refused.findings[0])]);
	});

	it('saves an edit as the next version with its diff, and refuses an edit of a version that is no longer the latest', async () => {
		const created = await createDraftVersion(t.db, organizer, 'parliamentarians');
		if (!created.ok) throw new Error('not created');
		const blocks = await readBlocks(t.db, created.versionId);
		const edits = blocks.map((b, i) => ({ ...blockFields(b.block), order: String(i + 1), isDeleted: false, isMergedWithNext: false, insertAfter: '' }));
		const target = blocks.findIndex((b) => b.block.kind === 'paragraph');
		const edited = edits.map((e, i) => (i === target ? { ...e, text: `${e.text} Revised after comments.` } : e));
		const saved = await saveEditedVersion(t.db, organizer, 'parliamentarians', created.number, edited, 'Paragraph 1 revised.');
		expect(saved).toEqual({ ok: true, number: created.number + 1 });
		// A second editor still on the older version: nothing is overwritten.
		expect(await saveEditedVersion(t.db, organizer, 'parliamentarians', created.number, edits, '')).toEqual({ ok: false, reason: 'conflict', latest: created.number + 1 });
		expect(await saveEditedVersion(t.db, organizer, 'parliamentarians', created.number + 1, edits.map((e, i) => (i === target ? { ...e, text: '' } : e)), '')).toEqual({ ok: false, reason: 'invalid', errors: { [target]: 'required' } });
		const [v] = await t.db.select().from(reportVersion).where(and(eq(reportVersion.number, created.number + 1)));
		const diff = await versionDiff(t.db, v.id);
		expect(diff?.fromNumber).toBe(created.number);
		const changes = diff!.entries.filter((e) => e.op !== 'same');
		expect(changes).toHaveLength(1);
		expect(changes[0].op === 'changed' && changes[0].words.filter((w) => w.op === 'added').map((w) => w.text.trim())).toEqual(['Revised after comments.']);
		expect(v.note).toBe('Paragraph 1 revised.');
	});
});
