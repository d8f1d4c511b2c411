import { describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeConsultation, makePerson, makeStaffActor, fixtureText } from '../../../../tests/support/factories';
import { agendaItem, document } from '../db/schema';
import { getPublishedConceptNote } from '../queries/consultations';
import { addDocument, deleteAgendaItem, deleteDocument, saveAgendaItem } from './edit-agenda';
import type { PersonId } from '../../domain/ids';

const t = useTestDatabase();
const at = (hhmm: string) => new Date(`2026-12-03T${hhmm}:00Z`);
const item = (title: string, from: string, to: string, over: Partial<Parameters<typeof saveAgendaItem>[4]> = {}) => ({ title, description: null, startsAt: at(from), endsAt: at(to), moderatorId: null, speakerIds: [], questions: [], ...over });

describe(`editing the agenda on ${testDriver}`, () => {
	it('keeps items in time order with speakers, a moderator and guiding questions, on the public page', async () => {
		const c = await makeConsultation(t.db);
		const organizer = await makeStaffActor(t.db, 'organizer', { organizerOf: [c.id] });
		const moderator = await makePerson(t.db, { name: 'Moderator Person' });
		const panelist = await makePerson(t.db, { name: 'Panelist Person', honorific: 'Hon.' });
		expect(await saveAgendaItem(t.db, organizer, c.slug, null, item('Closing', '06:45', '07:00'))).toEqual({ ok: true });
		expect(await saveAgendaItem(t.db, organizer, c.slug, null, item('Session 1', '04:15', '05:30', { moderatorId: moderator.id, speakerIds: [panelist.id], questions: ['Q1?', 'Q2?'] }))).toEqual({ ok: true });
		expect(await saveAgendaItem(t.db, organizer, c.slug, null, item('Opening', '04:00', '04:15'))).toEqual({ ok: true });
		const note = await getPublishedConceptNote(t.db, c.slug);
		expect(note!.agenda.map((a) => [a.position, a.title])).toEqual([[1, 'Opening'], [2, 'Session 1'], [3, 'Closing']]);
		expect(note!.agenda[1]).toMatchObject({ moderator: { name: 'Moderator Person' }, speakers: [{ name: 'Panelist Person', honorific: 'Hon.' }], questions: ['Q1?', 'Q2?'] });

		// Moving an item re-sorts; deleting renumbers.
		const [closing] = await t.db.select().from(agendaItem).where(eq(agendaItem.title, fixtureText('Closing')));
		expect(await saveAgendaItem(t.db, organizer, c.slug, closing.id, item('Closing', '03:50', '04:00'))).toEqual({ ok: true });
		expect(await deleteAgendaItem(t.db, organizer, c.slug, closing.id)).toEqual({ ok: true });
		const rows = await t.db.select().from(agendaItem).where(eq(agendaItem.consultationId, c.id)).orderBy(asc(agendaItem.position));
		expect(rows.map((r) => [r.position, r.title])).toEqual([[1, 'Opening'], [2, 'Session 1']]);
	});

	it('adds and removes documents as links or files', async () => {
		const c = await makeConsultation(t.db);
		const admin = await makeStaffActor(t.db, 'admin');
		expect(await addDocument(t.db, admin, c.slug, { title: 'Concept note', url: 'https://docs.example.org/cn.pdf' })).toEqual({ ok: true });
		expect(await addDocument(t.db, admin, c.slug, { title: 'Agenda', fileName: 'agenda.pdf', mediaType: 'application/pdf', content: Buffer.from('%PDF-1.4 test') })).toEqual({ ok: true });
		const docs = await t.db.select().from(document).where(eq(document.consultationId, c.id)).orderBy(asc(document.position));
		expect(docs.map((d) => [d.position, d.title, d.url, d.content?.toString()])).toEqual([
			[0, 'Concept note', 'https://docs.example.org/cn.pdf', undefined],
			[1, 'Agenda', null, '%PDF-1.4 test']
		]);
		expect(await deleteDocument(t.db, admin, c.slug, docs[0].id)).toEqual({ ok: true });
		expect(await t.db.select().from(document).where(eq(document.consultationId, c.id))).toHaveLength(1);
	});

	it('refuses organizers of other consultations and rapporteurs, and unknown speakers', async () => {
		const c = await makeConsultation(t.db);
		const other = await makeStaffActor(t.db, 'organizer');
		const rapporteur = await makeStaffActor(t.db, 'rapporteur', { rapporteurOf: [c.id] });
		expect(await saveAgendaItem(t.db, other, c.slug, null, item('X', '04:00', '05:00'))).toEqual({ ok: false, reason: 'forbidden' });
		expect(await addDocument(t.db, rapporteur, c.slug, { title: 'X', url: 'https://x.example' })).toEqual({ ok: false, reason: 'forbidden' });
		const admin = await makeStaffActor(t.db, 'admin');
		expect(await saveAgendaItem(t.db, admin, c.slug, null, item('X', '04:00', '05:00', { speakerIds: ['00000000-0000-4000-8000-000000000000' as PersonId] }))).toEqual({ ok: false, reason: 'invalid', errors: { speakerIds: 'invalid' } });
		expect(await t.db.select().from(agendaItem).where(eq(agendaItem.consultationId, c.id))).toEqual([]);
	});
});
