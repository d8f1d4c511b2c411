// The registry of public paths: every way a text reaches the public, how it is sent in, who
// publishes it and where it appears. Each path is fed a protected full name, an email, a surname
// opening a sentence and a descriptor that fits fewer than k people; each must be refused (or need
// an administrator's written override), and none of it may be readable in a public row after.
// A public route that appears on disk without an entry below fails the last test.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, like, or } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { makePerson, makeRegistration, makeStaffActor } from '../../../../tests/support/factories';
import { agendaItem, auditLog, consultation, document, followUp, paragraph, pledge, practice, privacyCheck, recommendation, report, reportVersion, reviewProcess, statement, writtenInput } from '../db/schema';
import { protectionOf, type ProtectionScope } from '../queries/protected';
import { moderatePractice, moderateWrittenInput, submitPractice, submitWrittenInput } from '../use-cases/contributions';
import { addPledge } from '../use-cases/commitments';
import { updateRecommendation } from '../use-cases/update-recommendations';
import { addDocument, saveAgendaItem } from '../use-cases/edit-agenda';
import { saveConsultation } from '../use-cases/save-consultation';
import { toAgendaItemValues, ZAgendaItemForm } from '../../domain/agenda-input';
import { toConsultationValues, ZConsultationForm } from '../../domain/consultation-input';
import { dateInZone, wallClockAt } from '../../domain/time';

const timeInZone = (d: Date, zone: string) => {
	const w = wallClockAt(d, zone);
	return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
};
import { createDraftVersion } from '../use-cases/generate-report-draft';
import { publishVersion } from '../use-cases/publish-report-version';
import { saveEditedVersion } from '../use-cases/save-report-version';
import { readBlocks } from '../queries/report-blocks';
import { findingsOf } from './gate';
import { blockFields, type BlockEdit } from '../../domain/report/edit';
import { parseWith, ZPracticeInput, ZWrittenInput } from '../../domain/contribution-input';
import { COUNTRY_TERMS } from '../../domain/privacy/lexicon';
import { anonymitySet } from '../../domain/privacy/anonymity';
import type { Actor } from '../../domain/policy';
import type { ConsultationId } from '../../domain/ids';

const t = useTestDatabase({ demo: true });
let admin: Actor;
let organizer: Actor;
let processId: string;
let slug: string; // a demo consultation whose attendance is not imported yet
let consultationId: ConsultationId;
let victim: { name: string; email: string; surname: string };

/** A descriptor that fits fewer than k people of a scope's room ("a participant from Tuvalu"). */
async function rareDescriptor(scope: ProtectionScope): Promise<string> {
	const { room, k } = await protectionOf(t.db, scope);
	const code = Object.keys(COUNTRY_TERMS).find((c) => anonymitySet({ country: c }, room) < k)!;
	return `A participant from ${COUNTRY_TERMS[code][0]} said that wages were withheld for a year.`;
}

const payloads = async (scope: ProtectionScope) => ({
	'full name': `We heard from ${victim.name} on wage theft.`,
	email: `Write to ${victim.email} for the notes.`,
	'surname opening a sentence': `${victim.surname} argued for portable benefits.`,
	'descriptor under k': await rareDescriptor(scope),
	// A page or a Markdown viewer shows "&#111;" as "o": checked as it will show.
	'surname written with a character reference': `${victim.surname.replace('o', '&#111;')} argued for portable benefits.`
});
type PayloadKind = keyof Awaited<ReturnType<typeof payloads>>;

beforeAll(async () => {
	admin = await makeStaffActor(t.db, 'admin');
	organizer = await makeStaffActor(t.db, 'organizer');
	[{ id: processId }] = await t.db.select({ id: reviewProcess.id }).from(reviewProcess);
	// Case 1 of the issue: a consultation whose attendance is not known yet; a registrant is selected.
	const [c] = await t.db.select().from(consultation).where(eq(consultation.processId, processId)).orderBy(consultation.startsAt).limit(1);
	consultationId = c.id;
	slug = c.slug;
	const p = await makePerson(t.db, { name: 'Wanjiru Okonkwo-Baptiste', email: `wanjiru.${randomUUID().slice(0, 8)}@example.org` });
	await makeRegistration(t.db, c, p, { status: 'selected' });
	victim = { name: p.name, email: p.email!, surname: 'Okonkwo-Baptiste' };
});

interface PublicPath {
	id: string;
	submit: string;
	publishedBy: string;
	appearsAt: string[];
	/** Tries to make `text` public (as an administrator, with a written override reason when given); returns whether it was refused. */
	attempt: (text: string, overrideReason?: string) => Promise<{ refused: boolean }>;
	scope: () => ProtectionScope;
}

const PATHS: PublicPath[] = [
	{
		id: 'report-version',
		submit: 'staff edit the draft (block editor) or generate it from the notes',
		publishedBy: 'organizer (override: admin with a written reason)',
		appearsAt: ['/reports/[slug]', '/reports/[slug]/v/[number]', '/reports/[slug]/v/[number]/download/[format]', '/reports/feed.xml', '/api/v1/reports/[slug]', '/api/v1/reports'],
		scope: () => ({ consultationId }),
		async attempt(text, overrideReason) {
			const draft = await createDraftVersion(t.db, admin, slug);
			if (!draft.ok) throw new Error('no draft');
			const blocks = (await readBlocks(t.db, draft.versionId)).map((b) => b.block);
			const edit = (fields: Pick<BlockEdit, 'kind' | 'text' | 'footnotes'>): BlockEdit => ({ ...fields, order: '', isDeleted: false, isMergedWithNext: false, insertAfter: '' });
			const edited = await saveEditedVersion(t.db, admin, slug, draft.number, [...blocks.map((b) => edit(blockFields(b))), edit({ kind: 'paragraph', text, footnotes: '' })], 'test');
			if (!edited.ok) throw new Error(`edit refused: ${JSON.stringify(edited)}`);
			const [v] = await t.db.select({ id: reportVersion.id }).from(reportVersion).innerJoin(report, eq(report.id, reportVersion.reportId)).where(and(eq(report.slug, slug), eq(reportVersion.number, edited.number)));
			const result = await publishVersion(t.db, admin, v.id, new Date(), { overrideReason });
			return { refused: !result.ok && result.reason === 'blocked' };
		}
	},
	{
		id: 'publication-note',
		submit: 'the note typed when publishing a version or a correction',
		publishedBy: 'organizer',
		appearsAt: ['/reports/[slug]', '/reports/feed.xml', '/api/v1/reports/[slug]'],
		scope: () => ({ consultationId }),
		async attempt(text, overrideReason) {
			const draft = await createDraftVersion(t.db, admin, slug);
			if (!draft.ok) throw new Error('no draft');
			const result = await publishVersion(t.db, admin, draft.versionId, new Date(), { note: text, overrideReason });
			return { refused: !result.ok && result.reason === 'blocked' };
		}
	},
	{
		id: 'practice',
		submit: 'anyone, /practices/new (no JavaScript needed)',
		publishedBy: 'moderator (override: admin with a written reason)',
		appearsAt: ['/practices', '/practices/[id]', '/api/v1/practices'],
		scope: () => 'everywhere',
		async attempt(text, overrideReason) {
			const input = parseWith(ZPracticeInput, { title: 'Mobile legal clinics', summary: text, objectiveIds: ['gcm-6'], principleIds: [], countryCode: 'TH', links: '', submitterName: 'Ana Lima', submitterEmail: 'ana@example.org', consentToProcessing: true, submissionKey: randomUUID() });
			if (!input.ok) throw new Error(JSON.stringify(input.errors));
			const sent = await submitPractice(t.db, null, input.data);
			if (!sent.ok) throw new Error('not stored');
			const result = await moderatePractice(t.db, overrideReason ? admin : organizer, sent.id, 'published', new Date(), { overrideReason });
			return { refused: !result.ok && result.reason === 'blocked' };
		}
	},
	{
		id: 'written-input',
		submit: 'anyone, /processes/[slug]/inputs/new',
		publishedBy: 'moderator (override: admin with a written reason)',
		appearsAt: ['/processes/[slug]/inputs'],
		scope: () => ({ processId }),
		async attempt(text, overrideReason) {
			const input = parseWith(ZWrittenInput, { title: 'On wages', text, objectiveIds: ['gcm-6'], authorName: 'Ana Lima', email: 'ana@example.org', organizationName: '', consentToProcessing: true, submissionKey: randomUUID() });
			if (!input.ok) throw new Error(JSON.stringify(input.errors));
			const sent = await submitWrittenInput(t.db, { processId, consultationId: null }, input.data, []);
			if (!sent.ok) throw new Error('not stored');
			const result = await moderateWrittenInput(t.db, overrideReason ? admin : organizer, sent.id, 'published', new Date(), undefined, { overrideReason });
			return { refused: !result.ok && result.reason === 'blocked' };
		}
	},
	{
		id: 'pledge',
		submit: 'secretariat, /staff/processes/[slug]/commitments',
		publishedBy: 'saved public at once',
		appearsAt: ['/processes/[slug]/commitments'],
		scope: () => ({ processId }),
		async attempt(text, overrideReason) {
			const result = await addPledge(t.db, overrideReason ? admin : organizer, processId, { pledgerName: 'Fictional Coalition', countryCode: null, commitment: text, status: 'announced', objectiveIds: [] }, { overrideReason });
			return { refused: !result.ok && result.reason === 'invalid' && result.errors.commitment === 'privacy' };
		}
	},
	{
		id: 'follow-up-note',
		submit: 'organizer, the recommendation form or the XLSX sheet',
		publishedBy: 'saved public at once (the follow-up log)',
		appearsAt: ['/processes/[slug]/recommendations', '/processes/[slug]/recommendations/[id]', '/api/v1/processes/[slug]/recommendations'],
		scope: () => ({ processId }),
		async attempt(text, overrideReason) {
			const [r] = await t.db.select({ id: recommendation.id }).from(recommendation).where(eq(recommendation.processId, processId)).limit(1);
			const result = await updateRecommendation(t.db, admin, { id: r.id, followUp: { happenedOn: '2026-11-20', note: text, evidenceUrl: null } }, new Date(), { overrideReason });
			return { refused: !result.ok && result.reason === 'invalid' };
		}
	},
	{
		id: 'agenda-text',
		submit: 'organizer, the agenda page (title, description, guiding questions)',
		publishedBy: 'saved public at once (the consultation page, open data, the report annex)',
		appearsAt: ['/consultations/[slug]', '/api/v1/consultations/[slug]'],
		scope: () => ({ consultationId }),
		async attempt(text, overrideReason) {
			const [c] = await t.db.select().from(consultation).where(eq(consultation.id, consultationId));
			const values = toAgendaItemValues(ZAgendaItemForm.parse({ title: 'Open floor', description: text, startTime: timeInZone(c.startsAt, c.timeZone), endTime: timeInZone(new Date(c.startsAt.getTime() + 30 * 60_000), c.timeZone), questions: '' }), { date: dateInZone(c.startsAt, c.timeZone), timeZone: c.timeZone, startsAt: c.startsAt, endsAt: c.endsAt });
			if (!values.ok) throw new Error(JSON.stringify(values.errors));
			const result = await saveAgendaItem(t.db, admin, slug, null, values.values, { overrideReason });
			return { refused: !result.ok && result.reason === 'invalid' && result.errors.description === 'privacy' };
		}
	},
	{
		id: 'consultation-text',
		submit: 'organizer, the concept-note editor',
		publishedBy: 'public once the consultation is published',
		appearsAt: ['/', '/consultations/[slug]', '/consultations/[slug]/calendar.ics', '/api/v1/consultations', '/api/v1/consultations/[slug]'],
		scope: () => ({ consultationId }),
		async attempt(text, overrideReason) {
			const [c] = await t.db.select().from(consultation).where(eq(consultation.id, consultationId));
			const form = ZConsultationForm.parse({ title: c.title, slug: c.slug, timeZone: c.timeZone, date: dateInZone(c.startsAt, c.timeZone), startTime: timeInZone(c.startsAt, c.timeZone), endTime: timeInZone(c.endsAt, c.timeZone), format: c.format, objectives: [], isOnePerOrganization: c.isOnePerOrganization, isChathamHouse: true, status: c.status, background: text });
			const values = toConsultationValues(form);
			if (!values.ok) throw new Error(JSON.stringify(values.errors));
			const result = await saveConsultation(t.db, admin, slug, values.values, new Date(), { overrideReason });
			return { refused: !result.ok && result.reason === 'invalid' && result.errors.background === 'privacy' };
		}
	},
	{
		id: 'document-title',
		submit: 'organizer, the agenda page',
		publishedBy: 'saved public at once (the consultation page)',
		appearsAt: ['/consultations/[slug]', '/consultations/[slug]/documents/[id]', '/api/v1/consultations/[slug]'],
		scope: () => ({ consultationId }),
		async attempt(text, overrideReason) {
			const result = await addDocument(t.db, admin, slug, { title: text.slice(0, 300), url: 'https://example.org/doc.pdf' }, { overrideReason });
			return { refused: !result.ok && result.reason === 'invalid' };
		}
	}
];

/** Public routes and the registry paths whose text they show (or why they show none). */
const PUBLIC_ROUTES: Record<string, string[] | string> = {
	'/': ['consultation-text'],
	'/api/organizations': 'names of directory organizations (no people, no counts), as the registration form has always offered them',
	'/api/v1': 'an index of links',
	'/api/v1/consultations': ['consultation-text'],
	'/api/v1/consultations/[slug]': ['consultation-text', 'agenda-text', 'document-title'],
	'/api/v1/consultations/[slug]/statistics': 'counts only: groups under k merged (mergeSmallGroups)',
	'/api/v1/openapi.json': 'the API description',
	'/api/v1/practices': ['practice'],
	'/api/v1/processes/[slug]/recommendations': ['report-version', 'follow-up-note'],
	'/api/v1/reports': ['report-version', 'publication-note'],
	'/api/v1/reports/[slug]': ['report-version', 'publication-note'],
	'/consultations/[slug]': ['consultation-text', 'agenda-text', 'document-title'],
	'/consultations/[slug]/calendar.ics': ['consultation-text'],
	'/consultations/[slug]/documents/[id]': ['document-title'],
	'/consultations/[slug]/register': ['consultation-text'],
	'/handover/[token]': 'the holder of a link sees their own hand-over',
	'/me': 'the signed-in stakeholder sees their own data',
	'/me/data.json': 'the signed-in stakeholder sees their own data',
	'/me/reports/[versionId]': ['report-version'],
	'/practices': ['practice'],
	'/practices/[id]': ['practice'],
	'/practices/new': 'a form',
	'/processes/[slug]': ['consultation-text', 'report-version'],
	'/processes/[slug]/commitments': ['pledge'],
	'/processes/[slug]/inputs': ['written-input'],
	'/processes/[slug]/inputs/new': 'a form',
	'/processes/[slug]/recommendations': ['report-version', 'follow-up-note'],
	'/processes/[slug]/recommendations/[id]': ['report-version', 'follow-up-note'],
	'/reports': ['report-version', 'publication-note'],
	'/reports/[slug]': ['report-version', 'publication-note'],
	'/reports/[slug]/v/[number]': ['report-version', 'publication-note'],
	'/reports/[slug]/v/[number]/download/[format]': ['report-version'],
	'/reports/feed.xml': ['report-version', 'publication-note'],
	'/sign-in': 'a form',
	'/unsubscribe/[token]': 'a confirmation'
};

describe(`every public path refuses a protected name, email, surname and small descriptor, on ${testDriver}`, () => {
	const kinds: PayloadKind[] = ['full name', 'email', 'surname opening a sentence', 'descriptor under k', 'surname written with a character reference'];
	for (const p of PATHS) {
		for (const kind of kinds) {
			it(`${p.id}: refuses a ${kind}`, async () => {
				const text = (await payloads(p.scope()))[kind];
				expect(await p.attempt(text)).toEqual({ refused: true });
			});
		}
	}

	it('a report is refused before attendance is known when it names a selected registrant (report gate rule: registrants are protected)', async () => {
		const [item] = await t.db.select({ id: agendaItem.id }).from(agendaItem).where(eq(agendaItem.consultationId, consultationId)).orderBy(agendaItem.position).limit(1);
		await t.db.insert(statement).values({ consultationId, agendaItemId: item.id, attribution: 'non-attributable', text: `As Ms ${victim.name.split(' ')[0]} of the Fictional Institute put it, fees must go.`, descriptors: [] });
		const draft = await createDraftVersion(t.db, admin, slug);
		if (!draft.ok) throw new Error('no draft');
		const result = await publishVersion(t.db, admin, draft.versionId, new Date(), {});
		expect(result).toMatchObject({ ok: false, reason: 'blocked' });
	});

	it('an administrator may publish past the gate only with a written reason, which the audit log keeps', async () => {
		const input = parseWith(ZPracticeInput, { title: 'Override case', summary: `${victim.surname} argued for it.`, objectiveIds: ['gcm-6'], principleIds: [], countryCode: 'TH', links: '', submitterName: 'Ana Lima', submitterEmail: 'ana@example.org', consentToProcessing: true, submissionKey: randomUUID() });
		if (!input.ok) throw new Error('invalid');
		const sent = await submitPractice(t.db, null, input.data);
		if (!sent.ok) throw new Error('not stored');
		expect(await moderatePractice(t.db, organizer, sent.id, 'published', new Date(), { overrideReason: 'I am sure' })).toMatchObject({ ok: false, reason: 'blocked', canOverride: false });
		expect(await moderatePractice(t.db, admin, sent.id, 'published', new Date(), { overrideReason: '   ' })).toMatchObject({ ok: false, reason: 'blocked', canOverride: true });
		expect(await moderatePractice(t.db, admin, sent.id, 'published', new Date(), { overrideReason: 'The speaker asked to be named in writing.' })).toEqual({ ok: true });
		const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'privacy.override'), eq(auditLog.subjectId, sent.id)));
		expect(audit.details).toMatchObject({ reason: 'The speaker asked to be named in writing.' });
		await t.db.delete(practice).where(eq(practice.id, sent.id)); // keep the public rows clean for the last check
	});

	// Another protected registrant, so that what the overrides let through is not the victim checked last.
	for (const p of PATHS) {
		it(`${p.id}: an administrator's written reason lets a refused text through, and the audit log keeps the reason`, async () => {
			const [c] = await t.db.select().from(consultation).where(eq(consultation.id, consultationId));
			const named = await makePerson(t.db, { name: `Tamsin Override-${randomUUID().slice(0, 6)}`, email: `tamsin.${randomUUID().slice(0, 8)}@example.org` });
			await makeRegistration(t.db, c, named, { status: 'selected' });
			const text = `${named.name} asked, in writing, to be named for this.`;
			expect(await p.attempt(text)).toEqual({ refused: true });
			const reason = `Consent in writing ${randomUUID()}`;
			expect(await p.attempt(text, reason)).toEqual({ refused: false });
			const audits = await t.db.select({ details: auditLog.details }).from(auditLog).where(like(auditLog.action, '%override%'));
			expect(audits.some((a) => (a.details as { reason?: string }).reason === reason)).toBe(true);
		});
	}

	it('after every attempt, no public row holds the protected name, email or surname', async () => {
		const needles = [victim.name, victim.email, victim.surname].map((n) => `%${n}%`);
		const anyOf = (column: Parameters<typeof like>[0]) => or(...needles.map((n) => like(column, n)));
		const published = await t.db.select({ text: paragraph.text }).from(paragraph).innerJoin(reportVersion, eq(reportVersion.id, paragraph.versionId)).where(and(eq(reportVersion.state, 'published'), anyOf(paragraph.text)));
		const notes = await t.db.select({ note: reportVersion.note }).from(reportVersion).where(and(eq(reportVersion.state, 'published'), anyOf(reportVersion.note)));
		const practices = await t.db.select({ id: practice.id }).from(practice).where(and(eq(practice.status, 'published'), anyOf(practice.summary)));
		const inputs = await t.db.select({ id: writtenInput.id }).from(writtenInput).where(and(eq(writtenInput.status, 'published'), anyOf(writtenInput.text)));
		const pledges = await t.db.select({ id: pledge.id }).from(pledge).where(anyOf(pledge.commitment));
		const logs = await t.db.select({ id: followUp.id }).from(followUp).where(anyOf(followUp.note));
		const documents = await t.db.select({ id: document.id }).from(document).where(anyOf(document.title));
		const agenda = await t.db.select({ id: agendaItem.id }).from(agendaItem).where(or(anyOf(agendaItem.title), anyOf(agendaItem.description)));
		const concept = await t.db.select({ id: consultation.id }).from(consultation).where(anyOf(consultation.background));
		expect({ published, notes, practices, inputs, pledges, logs, documents, agenda, concept }).toEqual({ published: [], notes: [], practices: [], inputs: [], pledges: [], logs: [], documents: [], agenda: [], concept: [] });
	});

	it('computes a text’s findings once per protected set and reads them back after (the moderation page does not rescan)', async () => {
		const protection = await protectionOf(t.db, { processId });
		const text = `Stored once: ${victim.name} spoke. ${randomUUID()}`;
		const first = await findingsOf(t.db, protection, text);
		expect(first.isBlocked).toBe(true);
		// Mark the stored row: a second call that scanned again would not see the mark.
		const [row] = await t.db.select().from(privacyCheck).where(eq(privacyCheck.protection, protection.fingerprint)).orderBy(desc(privacyCheck.checkedAt)).limit(1);
		await t.db.update(privacyCheck).set({ findings: [...row.findings, { kind: 'person', severity: 'warn', start: 0, end: 1, text: 'S', explanation: 'stored mark' }] }).where(and(eq(privacyCheck.textHash, row.textHash), eq(privacyCheck.protection, row.protection)));
		expect((await findingsOf(t.db, protection, text)).findings.map((f) => f.explanation)).toContain('stored mark');
		// A change of who is protected gives another fingerprint, so the text is checked again.
		const other = await makePerson(t.db, { name: 'Another Fictional Registrant', email: `another.${randomUUID().slice(0, 8)}@example.org` });
		const [c] = await t.db.select().from(consultation).where(eq(consultation.id, consultationId));
		await makeRegistration(t.db, c, other);
		const changed = await protectionOf(t.db, { processId });
		expect(changed.fingerprint).not.toBe(protection.fingerprint);
		expect((await findingsOf(t.db, changed, text)).findings.map((f) => f.explanation)).not.toContain('stored mark');
	});

	it('every public route on disk has an entry in the registry (a new public page or API needs one)', () => {
		const routes = path.resolve('src/routes');
		const found: string[] = [];
		const walk = (dir: string) => {
			for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
				if (e.isDirectory()) walk(path.join(dir, e.name));
				else if (e.name === '+page.svelte' || e.name === '+server.ts') {
					const route = `/${path.relative(routes, dir).split(path.sep).join('/')}`.replace(/\/$/, '') || '/';
					if (!/^\/(staff|api\/auth|sign-out)(\/|$)/.test(route)) found.push(route === '' ? '/' : route);
				}
			}
		};
		walk(routes);
		const known = new Set(PATHS.map((p) => p.id));
		expect([...new Set(found)].sort()).toEqual(Object.keys(PUBLIC_ROUTES).sort());
		for (const [route, feeds] of Object.entries(PUBLIC_ROUTES)) if (Array.isArray(feeds)) for (const f of feeds) expect(known.has(f), `${route} lists unknown path ${f}`).toBe(true);
		for (const p of PATHS) for (const a of p.appearsAt) expect(Object.keys(PUBLIC_ROUTES)).toContain(a);
	});
});
