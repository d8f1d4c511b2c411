import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeOrganization, makeStaffActor } from '../../../../tests/support/factories';
import { auditLog, consultation, consultationObjective, consultationStaff } from '../db/schema';
import { loadActor } from '../queries/actors';
import { getPublishedConceptNote } from '../queries/consultations';
import { ZConsultationForm, toConsultationValues } from '../../domain/consultation-input';
import { saveConsultation } from './save-consultation';
import type { OrganizationId } from '../../domain/ids';

const t = useTestDatabase();
const values = (over: Record<string, unknown> = {}) => {
	const r = toConsultationValues(
		ZConsultationForm.parse({ title: 'Editor test', slug: `editor-${Date.now()}-${Math.floor(Math.random() * 1e6)}`, timeZone: 'Pacific/Apia', date: '2027-03-04', startTime: '09:00', endTime: '12:00', format: 'hybrid', objectives: ['1', '23'], isOnePerOrganization: true, isChathamHouse: true, status: 'draft', ...over })
	);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.values;
};

describe(`the consultation editor on ${testDriver}`, () => {
	it('lets an organizer create a draft (becoming its organizer), hidden until published', async () => {
		const organizer = await makeStaffActor(t.db, 'organizer');
		const v = values();
		expect(await saveConsultation(t.db, organizer, null, v, new Date())).toEqual({ ok: true, slug: v.slug });
		expect(await getPublishedConceptNote(t.db, v.slug)).toBeNull();
		const userId = organizer.kind === 'staff' ? organizer.userId : '';
		const reloaded = await loadActor(t.db, { id: userId, email: 'o@example.org', role: 'organizer' });
		expect(await saveConsultation(t.db, reloaded, v.slug, { ...v, status: 'published' }, new Date())).toEqual({ ok: true, slug: v.slug });
		const note = await getPublishedConceptNote(t.db, v.slug);
		expect(note?.consultation.startsAt.toISOString()).toBe('2027-03-03T20:00:00.000Z'); // 09:00 in Apia, UTC+13
		expect(note?.objectives.map((o) => o.number)).toEqual([1, 23]);
		expect(await t.db.select().from(consultationStaff).where(eq(consultationStaff.userId, userId))).toHaveLength(1);
	});

	it('refuses editing by an organizer of other consultations, creation by a rapporteur, and a taken slug', async () => {
		const admin = await makeStaffActor(t.db, 'admin');
		const v = values();
		await saveConsultation(t.db, admin, null, v, new Date());
		expect(await saveConsultation(t.db, await makeStaffActor(t.db, 'organizer'), v.slug, v, new Date())).toEqual({ ok: false, reason: 'forbidden' });
		expect(await saveConsultation(t.db, await makeStaffActor(t.db, 'rapporteur'), null, values(), new Date())).toEqual({ ok: false, reason: 'forbidden' });
		expect(await saveConsultation(t.db, admin, null, { ...values(), slug: v.slug }, new Date())).toEqual({ ok: false, reason: 'invalid', errors: { slug: 'slug-taken' } });
	});

	it('lets only an administrator lower the anonymity threshold k, and audits it (privacy rule: k is not an organizer\'s call)', async () => {
		const organizer = await makeStaffActor(t.db, 'organizer');
		const admin = await makeStaffActor(t.db, 'admin');
		const v = values({ anonymityThreshold: '5' });
		expect(await saveConsultation(t.db, organizer, null, v, new Date())).toEqual({ ok: true, slug: v.slug });
		const me = await loadActor(t.db, { id: organizer.kind === 'staff' ? organizer.userId : '', email: 'k@example.org', role: 'organizer' });
		expect(await saveConsultation(t.db, me, v.slug, { ...v, anonymityThreshold: 2 }, new Date())).toEqual({ ok: false, reason: 'invalid', errors: { anonymityThreshold: 'anonymity-threshold-admin' } });
		expect(await saveConsultation(t.db, me, v.slug, { ...v, anonymityThreshold: 6 }, new Date())).toEqual({ ok: true, slug: v.slug });
		expect(await saveConsultation(t.db, admin, v.slug, { ...v, anonymityThreshold: 2 }, new Date())).toEqual({ ok: true, slug: v.slug });
		const [c] = await t.db.select().from(consultation).where(eq(consultation.slug, v.slug));
		expect(c.anonymityThreshold).toBe(2);
		const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'consultation.lower-anonymity-threshold'), eq(auditLog.subjectId, c.id)));
		expect(audit.details).toEqual({ from: 6, to: 2 });
	});

	it('saves the organizing team, lead agencies first', async () => {
		const admin = await makeStaffActor(t.db, 'admin');
		const lead = await makeOrganization(t.db);
		const partner = await makeOrganization(t.db);
		const v = values({ leadAgencyIds: [lead.id], coDesignerIds: [partner.id, lead.id] });
		expect(await saveConsultation(t.db, admin, null, { ...v, status: 'published' }, new Date())).toEqual({ ok: true, slug: v.slug });
		const note = await getPublishedConceptNote(t.db, v.slug);
		expect(note!.team.map((m) => [m.name, m.role])).toEqual([[lead.name, 'lead-agency'], [partner.name, 'co-designer']]);
		expect(await saveConsultation(t.db, admin, v.slug, { ...v, team: [{ organizationId: '00000000-0000-4000-8000-000000000000' as OrganizationId, role: 'lead-agency' }] }, new Date())).toEqual({ ok: false, reason: 'invalid', errors: { leadAgencyIds: 'organization-invalid' } });
	});

	it('replaces the objectives on edit', async () => {
		const admin = await makeStaffActor(t.db, 'admin');
		const v = values();
		await saveConsultation(t.db, admin, null, v, new Date());
		await saveConsultation(t.db, admin, v.slug, { ...v, objectiveNumbers: [7] }, new Date());
		const [c] = await t.db.select().from(consultation).where(eq(consultation.slug, v.slug));
		const objectives = await t.db.select().from(consultationObjective).where(eq(consultationObjective.consultationId, c.id));
		expect(objectives.map((o) => o.objectiveId)).toEqual(['gcm-7']);
		expect(await getPublishedConceptNote(t.db, v.slug)).toBeNull(); // still a draft
	});
});
