import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makeStaffActor } from '../../../../tests/support/factories';
import { practice, reviewProcess, writtenInput, writtenInputAttachment, writtenInputObjective } from '../db/schema';
import { moderatePractice, moderateWrittenInput, submitPractice, submitWrittenInput } from './contributions';
import { publishedInputs } from '../queries/contributions';
import { protectionOf } from '../queries/protected';
import { searchPractices } from '../queries/practices';
import { parseWith, ZPracticeInput, ZWrittenInput, type TPracticeInput, type TWrittenInput } from '../../domain/contribution-input';
import type { Actor } from '../../domain/policy';

const t = useTestDatabase({ demo: true });
let moderator: Actor;
let processId: string;
let protectedName: string;

beforeAll(async () => {
	[{ id: processId }] = await t.db.select({ id: reviewProcess.id }).from(reviewProcess);
	moderator = await makeStaffActor(t.db, 'organizer');
	protectedName = (await protectionOf(t.db, { processId })).people.find((a) => a.attribution === 'non-attributable' && a.personId)!.name;
});

const practiceInput = (over: Partial<Record<string, unknown>> = {}): TPracticeInput => {
	const parsed = parseWith(ZPracticeInput, {
		title: 'Mobile legal clinics for seafarers',
		summary: 'Volunteer lawyers board fishing vessels in port to advise crews on contracts and wage claims.',
		objectiveIds: ['gcm-6'],
		principleIds: [],
		countryCode: 'TH',
		links: 'https://example.org/clinics',
		submitterName: 'Ana Lima',
		submitterEmail: 'ana@example.org',
		consentToProcessing: true,
		submissionKey: randomUUID(),
		...over
	});
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.data;
};
const inputOf = (over: Partial<Record<string, unknown>> = {}): TWrittenInput => {
	const parsed = parseWith(ZWrittenInput, {
		authorName: 'Ana Lima',
		organizationName: 'Seafarers Welfare Desk',
		email: 'ana@example.org',
		title: 'Remittance costs for seafarers',
		text: 'Remittance fees remain high for seafarers; digital channels and financial inclusion would lower the cost of remittances.',
		consentToProcessing: true,
		submissionKey: randomUUID(),
		...over
	});
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.data;
};

describe(`good practices sent by the public on ${testDriver}`, () => {
	it('keeps a submission out of the search until a moderator publishes it, and stores a resent form once', async () => {
		const input = practiceInput();
		const results = await Promise.all([1, 2, 3, 4].map(() => submitPractice(t.db, null, input)));
		expect(results.every((r) => r.ok)).toBe(true);
		const rows = await t.db.select().from(practice).where(eq(practice.submissionKey, input.submissionKey));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ status: 'submitted', subregionId: 'south-east-asia', periodStart: null });
		expect((await searchPractices(t.db, { q: 'seafarers legal clinics' })).rows.map((r) => r.id)).not.toContain(rows[0].id);

		const rapporteur = await makeStaffActor(t.db, 'rapporteur');
		expect(await moderatePractice(t.db, rapporteur, rows[0].id, 'published', new Date())).toEqual({ ok: false, reason: 'forbidden' });
		expect(await moderatePractice(t.db, moderator, rows[0].id, 'published', new Date())).toEqual({ ok: true });
		expect((await searchPractices(t.db, { q: 'seafarers legal clinics' })).rows[0].id).toBe(rows[0].id);
	});

	it('refuses an unknown objective and stores nothing', async () => {
		const input = practiceInput({ objectiveIds: ['gcm-99'] });
		expect(await submitPractice(t.db, null, input)).toEqual({ ok: false, reason: 'invalid', errors: { objectiveIds: 'invalid' } });
		expect(await t.db.select().from(practice).where(eq(practice.submissionKey, input.submissionKey))).toEqual([]);
	});

	it('refuses an unknown subregion or stakeholder group as a field error (not a foreign-key failure) and stores nothing', async () => {
		const input = practiceInput({ subregionId: 'nowhere', categoryId: 'nobody' });
		expect(await submitPractice(t.db, null, input)).toEqual({ ok: false, reason: 'invalid', errors: { subregionId: 'invalid', categoryId: 'invalid' } });
		expect(await t.db.select().from(practice).where(eq(practice.submissionKey, input.submissionKey))).toEqual([]);
	});

	it('holds back a practice that names a participant protected by the Chatham House Rule', async () => {
		const submitted = await submitPractice(t.db, processId, practiceInput({ summary: `Developed with ${protectedName} after the consultation.` }));
		if (!submitted.ok) throw new Error('not submitted');
		const result = await moderatePractice(t.db, moderator, submitted.id, 'published', new Date());
		expect(result).toMatchObject({ ok: false, reason: 'blocked', findings: [expect.objectContaining({ kind: 'person' })] });
		expect((await t.db.select().from(practice).where(eq(practice.id, submitted.id)))[0].status).toBe('submitted');
		expect(await moderatePractice(t.db, moderator, submitted.id, 'rejected', new Date())).toEqual({ ok: true });
	});
});

describe(`written inputs to the open call on ${testDriver}`, () => {
	it('suggests objective tags from the text when the author chose none, and keeps attachments', async () => {
		const pdf = new TextEncoder().encode('%PDF-1.7 fictional');
		const result = await submitWrittenInput(t.db, { processId, consultationId: null }, inputOf(), [{ fileName: 'input.pdf', mediaType: 'application/pdf', bytes: pdf }]);
		if (!result.ok) throw new Error('not submitted');
		expect(result.suggested).toContain('gcm-20');
		expect((await t.db.select().from(writtenInputObjective).where(eq(writtenInputObjective.writtenInputId, result.id))).map((r) => r.objectiveId)).toEqual(result.suggested);
		const [attachment] = await t.db.select().from(writtenInputAttachment).where(eq(writtenInputAttachment.writtenInputId, result.id));
		expect(Buffer.from(attachment.content).toString()).toBe('%PDF-1.7 fictional');
		expect((await publishedInputs(t.db, processId)).map((i) => i.id)).not.toContain(result.id);
	});

	it('lists a published input with its author only when the author consented', async () => {
		const named = await submitWrittenInput(t.db, { processId, consultationId: null }, inputOf({ isAttributionConsented: true, title: 'Named input' }), []);
		const unnamed = await submitWrittenInput(t.db, { processId, consultationId: null }, inputOf({ title: 'Unnamed input' }), []);
		if (!named.ok || !unnamed.ok) throw new Error('not submitted');
		expect(await moderateWrittenInput(t.db, moderator, named.id, 'published', new Date(), ['gcm-20', 'gcm-21'])).toEqual({ ok: true });
		expect(await moderateWrittenInput(t.db, moderator, unnamed.id, 'published', new Date())).toEqual({ ok: true });
		const listed = await publishedInputs(t.db, processId);
		expect(listed.find((i) => i.title === 'Named input')).toMatchObject({ author: { name: 'Ana Lima', organization: 'Seafarers Welfare Desk' }, objectives: [{ number: 20 }, { number: 21 }] });
		expect(listed.find((i) => i.title === 'Unnamed input')).toMatchObject({ author: null });
		// A submission at 23:30 UTC is dated the next day in Bangkok, the demo consultations' zone.
		const [late] = await t.db.update(writtenInput).set({ submittedAt: new Date('2026-11-20T23:30:00Z') }).where(eq(writtenInput.id, named.id)).returning();
		expect(late).toBeDefined();
		expect((await publishedInputs(t.db, processId)).find((i) => i.id === named.id)?.submittedOn).toBe('2026-11-21');
		expect(JSON.stringify(listed.find((i) => i.title === 'Unnamed input'))).not.toContain('Ana Lima');
	});

	it('stores a resent input once, and holds back one that names a protected participant', async () => {
		const input = inputOf({ text: `As ${protectedName} said in the meeting, fees are too high.` });
		const [a, b] = await Promise.all([submitWrittenInput(t.db, { processId, consultationId: null }, input, []), submitWrittenInput(t.db, { processId, consultationId: null }, input, [])]);
		if (!a.ok || !b.ok) throw new Error('not submitted');
		expect(a.id).toBe(b.id);
		expect(await t.db.select().from(writtenInput).where(eq(writtenInput.submissionKey, input.submissionKey))).toHaveLength(1);
		expect(await moderateWrittenInput(t.db, moderator, a.id, 'published', new Date())).toMatchObject({ ok: false, reason: 'blocked' });
		expect((await publishedInputs(t.db, processId)).some((i) => i.text.includes(protectedName))).toBe(false);
	});
});
