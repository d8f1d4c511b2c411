import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeConsultation, makeOrganization, makePerson, makeRegistration, makeStaffActor, fixtureText } from '../../../../tests/support/factories';
import { agendaItem, agendaSpeaker, auditLog, statement, statementObjective } from '../db/schema';
import { deleteStatement, saveStatement } from './take-notes';
import { notesOfItem } from '../queries/notes';
import type { StatementForm } from '../../domain/notes/statement';

const t = useTestDatabase();

// Fictional room: a panelist on the record, three parliamentarians from Bhutan (two women) and a
// journalist from Samoa, all selected.
async function setUp() {
	const c = await makeConsultation(t.db);
	const rapporteur = await makeStaffActor(t.db, 'rapporteur', { rapporteurOf: [c.id] });
	const [item] = await t.db.insert(agendaItem).values({ consultationId: c.id, position: 1, title: fixtureText('Session 1'), startsAt: c.startsAt, endsAt: c.endsAt }).returning();
	const org = await makeOrganization(t.db, { name: `Atlantis Parliament ${c.slug}` });
	const panelist = await makePerson(t.db, { name: `Maria Santos ${c.slug.slice(-6)}`, organizationId: org.id, categoryId: 'parliamentarians', countryCode: 'PH' });
	await t.db.insert(agendaSpeaker).values({ agendaItemId: item.id, personId: panelist.id });
	const people = [];
	for (const [name, gender, countryCode, categoryId] of [
		['Dechen Wangmo', 'woman', 'BT', 'parliamentarians'],
		['Karma Choden', 'woman', 'BT', 'parliamentarians'],
		['Sonam Dorji', 'man', 'BT', 'parliamentarians'],
		['Lagi Faleolo', 'woman', 'WS', 'media']
	]) {
		const p = await makePerson(t.db, { name: `${name} ${c.slug.slice(-6)}`, gender, countryCode, categoryId });
		await makeRegistration(t.db, c, p, { status: 'selected' });
		people.push(p);
	}
	const notes = await notesOfItem(t.db, rapporteur, c.slug, item.id);
	if (!notes.ok) throw new Error('no notes');
	const label = (id: string) => notes.people.find((p) => p.id === id)!.label;
	const form = (overrides: Partial<StatementForm> = {}): StatementForm => ({
		statementId: randomUUID(),
		version: null,
		speaker: null,
		attribution: 'auto',
		category: null,
		country: null,
		subregion: null,
		gender: null,
		text: 'Wages are withheld.',
		isRecommendation: false,
		objectives: [],
		...overrides
	});
	return { c, item, rapporteur, panelist, people, label, form };
}

describe(`note-taking on ${testDriver}`, () => {
	it('puts listed speakers on the record and everyone else not, by default', async () => {
		const { c, item, rapporteur, panelist, people, label, form } = await setUp();
		const a = await saveStatement(t.db, rapporteur, c.slug, item.id, form({ speaker: label(panelist.id) }), new Date());
		const b = await saveStatement(t.db, rapporteur, c.slug, item.id, form({ speaker: label(people[0].id), category: 'parliamentarians', country: 'BT' }), new Date());
		const anonymous = await saveStatement(t.db, rapporteur, c.slug, item.id, form(), new Date());
		expect(a).toMatchObject({ ok: true, attribution: 'on-record', descriptorCount: null });
		expect(b).toMatchObject({ ok: true, attribution: 'non-attributable', descriptorCount: 3 });
		expect(anonymous).toMatchObject({ ok: true, attribution: 'non-attributable' });
		const rows = await t.db.select().from(statement).where(eq(statement.agendaItemId, item.id));
		expect(rows.map((r) => r.position).sort()).toEqual([1, 2, 3]);
		expect(rows.find((r) => r.speakerId === people[0].id)?.descriptors).toEqual([
			{ kind: 'category', value: 'parliamentarians' },
			{ kind: 'country', value: 'BT' }
		]);
	});

	it('is idempotent for a resent statement, refuses to overwrite a newer version, and keeps objective tags', async () => {
		const { c, item, rapporteur, form } = await setUp();
		const first = form({ objectives: ['gcm-6'] });
		expect(await saveStatement(t.db, rapporteur, c.slug, item.id, first, new Date())).toMatchObject({ ok: true });
		expect(await saveStatement(t.db, rapporteur, c.slug, item.id, first, new Date())).toMatchObject({ ok: true }); // resent after a dropped connection
		expect(await t.db.select().from(statement).where(eq(statement.agendaItemId, item.id))).toHaveLength(1);
		const [row] = await t.db.select().from(statement).where(eq(statement.id, first.statementId));
		const edit = { ...first, version: row.updatedAt.toISOString(), text: 'Wages are withheld for months.', objectives: ['gcm-6', 'gcm-22'] };
		expect(await saveStatement(t.db, rapporteur, c.slug, item.id, edit, new Date())).toMatchObject({ ok: true });
		// A second rapporteur still holding the first version is told, and nothing is overwritten.
		expect(await saveStatement(t.db, rapporteur, c.slug, item.id, { ...edit, text: 'Older text' }, new Date())).toEqual({ ok: false, reason: 'conflict' });
		const [after] = await t.db.select().from(statement).where(eq(statement.id, first.statementId));
		expect(after.text).toBe('Wages are withheld for months.');
		const tags = await t.db.select().from(statementObjective).where(eq(statementObjective.statementId, first.statementId));
		expect(tags.map((x) => x.objectiveId).sort()).toEqual(['gcm-22', 'gcm-6']);
	});

	it('refuses an unknown speaker, an unknown objective, and on the record without a speaker', async () => {
		const { c, item, rapporteur, form } = await setUp();
		expect(await saveStatement(t.db, rapporteur, c.slug, item.id, form({ speaker: 'Nobody Here', objectives: ['gcm-99'] }), new Date())).toEqual({ ok: false, reason: 'invalid', errors: { speaker: 'speaker-unknown', objectives: 'invalid' } });
		expect(await saveStatement(t.db, rapporteur, c.slug, item.id, form({ attribution: 'on-record' }), new Date())).toEqual({ ok: false, reason: 'invalid', errors: { speaker: 'on-record-needs-speaker' } });
		expect(await t.db.select().from(statement).where(eq(statement.agendaItemId, item.id))).toHaveLength(0);
	});

	it('shows who said what only to the consultation’s note-takers, audit-logged, with the privacy findings of each statement', async () => {
		const { c, item, rapporteur, people, label, form } = await setUp();
		await saveStatement(t.db, rapporteur, c.slug, item.id, form({ speaker: label(people[0].id), category: 'parliamentarians', country: 'BT', gender: 'woman' }), new Date());
		await saveStatement(t.db, rapporteur, c.slug, item.id, form({ text: `As ${people[3].name} said, coverage is poor.` }), new Date());
		const stranger = await makeStaffActor(t.db, 'rapporteur');
		expect(await notesOfItem(t.db, stranger, c.slug, item.id)).toEqual({ ok: false, reason: 'forbidden' });
		const notes = await notesOfItem(t.db, rapporteur, c.slug, item.id);
		if (!notes.ok) throw new Error('expected notes');
		expect(notes.statements.map((s) => s.findings.map((f) => [f.kind, 'matching' in f ? f.matching : f.text]))).toEqual([[['descriptor', 2]], [['person', people[3].name]]]);
		expect(notes.facts).toHaveLength(4); // names never reach the page's counter
		expect(Object.keys(notes.facts[0]).sort()).toEqual(['category', 'country', 'gender', 'subregion']);
		const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'statement.view-speakers'), eq(auditLog.subjectId, item.id)));
		expect(audits.length).toBeGreaterThanOrEqual(2);
	});

	it('gives concurrent new statements distinct positions, and deletes one', async () => {
		const { c, item, rapporteur, form } = await setUp();
		const forms = Array.from({ length: 8 }, (_, i) => form({ text: `Statement ${i}` }));
		const results = await Promise.all(forms.map((f) => saveStatement(t.db, rapporteur, c.slug, item.id, f, new Date())));
		expect(results.every((r) => r.ok)).toBe(true);
		const rows = await t.db.select().from(statement).where(eq(statement.agendaItemId, item.id));
		expect(new Set(rows.map((r) => r.position)).size).toBe(8);
		expect(await deleteStatement(t.db, rapporteur, c.slug, item.id, forms[0].statementId)).toEqual({ ok: true });
		expect(await deleteStatement(t.db, rapporteur, c.slug, item.id, forms[0].statementId)).toEqual({ ok: false, reason: 'not-found' });
	});
});
