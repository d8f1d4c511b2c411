// Writes the demo network and review process into an empty database, in one transaction. Dates are
// relative to `now`, so that every stage of the cycle is visible whenever the demo is seeded.
import { passGate, type PublicText, type Subject } from '../privacy/gate';
import { protectionOf, type Protection } from '../queries/protected';
import { asc, count } from 'drizzle-orm';
import type { Database } from '../db';
import {
	agendaItem,
	agendaSpeaker,
	attendance,
	consultation,
	consultationObjective,
	country,
	guidingQuestion,
	organization,
	organizingTeamMember,
	person,
	countryCommitment,
	pledge,
	pledgeObjective,
	practice,
	practiceObjective,
	writtenInput,
	writtenInputObjective,
	recommendation,
	registration,
	report,
	reportVersion,
	reviewProcess,
	statement,
	statementObjective,
	document,
	subregion
} from '../db/schema';
import { addDays, dateInZone, nextWeekday, zonedToInstant } from '../../domain/time';
import { objectiveId, GCM_FRAMEWORK_ID } from '../../domain/reference';
import type { Gender, RegistrationStatus } from '../../domain/enums';
import {
	DEMO_COUNTRIES,
	DEMO_COUNTRY_CODES,
	ORGANIZATION_MIX,
	createRandom,
	emailFor,
	organizationName,
	personName,
	pickGender,
	type Random
} from './demo-network';
import {
	DEMO_CONSULTATIONS,
	DEMO_EXPECTED_OUTCOMES,
	DEMO_PARTICIPATION_RULES,
	DEMO_REVIEW_OBJECTIVES,
	type DemoConsultation
} from './demo-process';
import { DEMO_PRACTICES } from './demo-practices';
import { loadDraftInput } from '../queries/draft-input';
import { saveBlocks } from '../use-cases/save-report-version';
import { syncRecommendations } from '../use-cases/sync-recommendations';
import { updateRecommendation } from '../use-cases/update-recommendations';
import { draftReport } from '../../domain/report/draft';
import type { PledgeStatus } from '../../domain/enums';
import type { OrganizationId, RegistrationId } from '../../domain/ids';

/** The demo consultation whose summary report is already published, with follow-up on it. */
export const DEMO_PUBLISHED_SLUG = 'local-and-regional-authorities';
/** A stakeholder group of the network that registers but never attends: the dashboard flags it. */
export const DEMO_ABSENT_CATEGORY = 'private-sector';

export const DEMO_TIME_ZONE = 'Asia/Bangkok';
export const DEMO_PROCESS_SLUG = 'asia-pacific-regional-review';

type PersonRow = typeof person.$inferSelect;
type OrgRow = typeof organization.$inferSelect;

export interface DemoSummary {
	organizations: number;
	people: number;
	countries: number;
	consultations: number;
	registrations: number;
	attendances: number;
	statements: number;
}

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
	const [{ n }] = await db.select({ n: count() }).from(reviewProcess);
	const [{ n: people }] = await db.select({ n: count() }).from(person);
	return n === 0 && people === 0;
}

const DEMO_ANONYMITY_K = 3; // the demo consultations keep the default k

export async function seedDemo(db: Database, now: Date, seed = 20_211_027): Promise<DemoSummary> {
	const random = createRandom(seed);
	return db.transaction(async (tx) => {
		const countryNames = new Map((await tx.select().from(country)).map((c) => [c.code, c.name]));

		// --- Organizations (~200) -------------------------------------------------------------
		const orgValues: (typeof organization.$inferInsert)[] = [];
		const usedNames = new Set<string>();
		for (const [categoryId, howMany] of Object.entries(ORGANIZATION_MIX)) {
			const codes = random.shuffle(DEMO_COUNTRY_CODES);
			for (let i = 0; i < howMany; i++) {
				const code = codes[i % codes.length];
				const pool = DEMO_COUNTRIES[code];
				let name = organizationName(random, categoryId, countryNames.get(code) ?? code, pool.adjective);
				for (let n = 2; usedNames.has(`${name}|${code}`); n++) name = `${name.replace(/ \(\d+\)$/, '')} (${n})`;
				usedNames.add(`${name}|${code}`);
				orgValues.push({ name, countryCode: code, categoryId });
			}
		}
		const secretariat = { name: 'Regional Network on Migration for Asia and the Pacific (secretariat)', countryCode: 'TH', categoryId: null, acronym: 'RNM-AP' };
		const ipf = { name: 'Inter-Parliamentary Forum on Migration', countryCode: 'TH', categoryId: 'other-relevant-stakeholders', acronym: 'IPFM' };
		const orgs = await tx.insert(organization).values([secretariat, ipf, ...orgValues]).returning();
		const [secretariatOrg, ipfOrg] = orgs;
		const networkOrgs = orgs.slice(2);

		// --- People (~300): one to two per organization, two per parliament ---------------------
		const peopleValues: (typeof person.$inferInsert)[] = [];
		let emailCounter = 1;
		const addPerson = (org: OrgRow | null, code: string, categoryId: string | null, extra: Partial<typeof person.$inferInsert> = {}) => {
			const gender: Gender = (extra.gender as Gender | undefined) ?? pickGender(random);
			const name = personName(random, DEMO_COUNTRIES[code], gender);
			peopleValues.push({
				name,
				email: emailFor(name, emailCounter++),
				gender,
				genderSelfDescription: gender === 'self-described' ? 'Genderqueer' : null,
				countryCode: code,
				organizationId: org?.id ?? null,
				categoryId,
				languages: random.chance(0.3) ? ['en', 'fr'] : ['en'],
				consentToContact: true,
				consentToList: random.chance(0.6),
				...extra
			});
		};
		for (const org of networkOrgs) {
			const code = org.countryCode ?? 'TH';
			const howMany = org.categoryId === 'parliamentarians' ? 2 : random.chance(0.42) ? 2 : 1;
			for (let i = 0; i < howMany; i++) {
				addPerson(org, code, org.categoryId, org.categoryId === 'parliamentarians' ? { honorific: 'Hon.', jobTitle: `Member of Parliament, ${countryNames.get(code)}` } : {});
			}
		}
		// Secretariat staff: moderators and on-record speakers for openings and closings.
		for (let i = 0; i < 6; i++) {
			addPerson(secretariatOrg, random.pick(['TH', 'PH', 'IN', 'AU']), null, {
				honorific: random.pick(['Ms.', 'Mr.', 'Dr.']),
				jobTitle: random.pick(['Coordinator, Regional Network on Migration', 'Migration Policy Officer', 'Programme Specialist, Labour Migration'])
			});
		}
		addPerson(ipfOrg, 'PH', 'other-relevant-stakeholders', { honorific: 'Ms.', jobTitle: 'Secretary-General, Inter-Parliamentary Forum on Migration', gender: 'woman' });
		const people = await tx.insert(person).values(peopleValues).returning();
		const staffPeople = people.filter((p) => p.organizationId === secretariatOrg.id || p.organizationId === ipfOrg.id);
		const networkPeople = people.filter((p) => !staffPeople.includes(p));

		// --- The review process and its consultations -------------------------------------------
		const today = dateInZone(now, DEMO_TIME_ZONE);
		const [process] = await tx
			.insert(reviewProcess)
			.values({
				slug: DEMO_PROCESS_SLUG,
				title: `Asia-Pacific Regional Review of the Global Compact for Migration ${today.slice(0, 4)}`,
				description: 'Stakeholder consultations preparing the regional review of the implementation of the Global Compact for Safe, Orderly and Regular Migration in Asia and the Pacific.',
				frameworkId: GCM_FRAMEWORK_ID,
				startsOn: addDays(today, -90),
				endsOn: addDays(today, 60)
			})
			.returning();

		const summary: DemoSummary = {
			organizations: orgs.length,
			people: people.length,
			countries: new Set(people.map((p) => p.countryCode)).size,
			consultations: 0,
			registrations: 0,
			attendances: 0,
			statements: 0
		};

		const subregionIds = (await tx.select({ id: subregion.id }).from(subregion)).map((s) => s.id);
		for (const demo of DEMO_CONSULTATIONS) {
			const counts = await insertConsultation(tx as unknown as Database, random, demo, {
				today,
				processId: process.id,
				leadOrgIds: demo.categoryFocus === 'parliamentarians' ? [secretariatOrg.id, ipfOrg.id] : [secretariatOrg.id],
				coDesigners: random.shuffle(networkOrgs.filter((o) => o.categoryId !== 'parliamentarians')).slice(0, 2),
				staffPeople,
				networkPeople,
				subregionIds,
				now
			});
			summary.consultations++;
			summary.registrations += counts.registrations;
			summary.attendances += counts.attendances;
			summary.statements += counts.statements;
		}

		// --- A published report, and what came of its recommendations ------------------------------
		const publishedOn = addDays(today, -40);
		await publishDemoReport(tx as unknown as Database, DEMO_PUBLISHED_SLUG, zonedToInstant(publishedOn, '10:00', DEMO_TIME_ZONE));
		const recs = await tx.select({ id: recommendation.id }).from(recommendation).orderBy(asc(recommendation.position));
		const system = { kind: 'system', via: 'cli' } as const;
		const later = (days: number) => zonedToInstant(addDays(publishedOn, days), '10:00', DEMO_TIME_ZONE);
		if (recs[0]) {
			await updateRecommendation(tx as unknown as Database, system, { id: recs[0].id, status: 'in-progress', followUp: { happenedOn: addDays(publishedOn, 20), note: 'Two ministries of finance agreed to review the formula for transfers to local governments.', evidenceUrl: null } }, later(20));
		}
		if (recs[2]) {
			await updateRecommendation(
				tx as unknown as Database,
				system,
				{ id: recs[2].id, status: 'implemented', followUp: { happenedOn: addDays(publishedOn, 30), note: 'The first peer exchange between six cities of the region took place online.', evidenceUrl: 'https://docs.example.org/convene-demo/city-peer-exchange.pdf' } },
				later(30)
			);
		}

		// --- Pledges, country commitments and written inputs (all fictional) ---------------------
		const pledges: { pledgerName: string; countryCode: string | null; commitment: string; status: PledgeStatus; objectives: number[] }[] = [
			{ pledgerName: ipf.name, countryCode: null, commitment: 'Hold a regional parliamentary dialogue on the Global Compact every year until the next regional review.', status: 'in-progress', objectives: [23] },
			{ pledgerName: secretariat.name, countryCode: null, commitment: 'Publish the follow-up of every recommendation of the consultations, with evidence, every six months.', status: 'announced', objectives: [1, 23] },
			{ pledgerName: 'Association of Mekong Cities (fictional)', countryCode: 'VN', commitment: 'Open resource centres for migrants, regardless of status, in five member cities by the end of next year.', status: 'announced', objectives: [15, 16] }
		];
		for (const { objectives, pledgerName, commitment, ...values } of pledges) {
			// Demo pledges are public text like any other: they pass the privacy gate.
			const gate = await passGate(tx, system, { processId: process.id }, { type: 'pledge', id: null }, { pledgerName, commitment });
			if (!gate.ok) throw new Error(`demo pledge refused by the privacy gate: ${gate.findings.map((f) => f.explanation).join(' ')}`);
			const [row] = await tx.insert(pledge).values({ ...values, pledgerName: gate.texts.pledgerName, commitment: gate.texts.commitment, processId: process.id }).returning({ id: pledge.id });
			await tx.insert(pledgeObjective).values(objectives.map((n) => ({ pledgeId: row.id, objectiveId: objectiveId(GCM_FRAMEWORK_ID, n) })));
		}
		await tx.insert(countryCommitment).values([
			{ processId: process.id, countryCode: 'BD', isChampion: true, voluntaryReviewYear: 2024, nationalActionPlanStatus: 'adopted' },
			{ processId: process.id, countryCode: 'PH', isChampion: true, voluntaryReviewYear: 2025, nationalActionPlanStatus: 'in-preparation' },
			{ processId: process.id, countryCode: 'NP', isChampion: false, voluntaryReviewYear: 2024, nationalActionPlanStatus: 'none' },
			{ processId: process.id, countryCode: 'FJ', isChampion: false, voluntaryReviewYear: null, nationalActionPlanStatus: 'in-preparation' }
		]);
		const inputs = [
			{ title: 'Access to justice for migrant workers in domestic work', text: 'Migrant domestic workers rarely bring wage claims because complaint mechanisms require them to stay in the country while the case is heard. Labour courts should allow claims to continue after return, and embassies should help collect evidence.', authorName: 'Demo contributor one', organizationName: 'Fictional Domestic Workers Network', isAttributionConsented: true, objectives: [6, 22] },
			{ title: 'Climate and displacement in Pacific islands', text: 'Planned relocation of coastal villages needs regional guidance on land, livelihoods and the rights of those who move across borders because of slow-onset climate change.', authorName: 'Demo contributor two', organizationName: null, isAttributionConsented: false, objectives: [2, 5] }
		];
		for (const { objectives, ...values } of inputs) {
			const [row] = await tx
				.insert(writtenInput)
				.values({ ...values, processId: process.id, email: null, status: 'published', submittedAt: zonedToInstant(addDays(today, -20), '09:00', DEMO_TIME_ZONE), moderatedAt: zonedToInstant(addDays(today, -18), '09:00', DEMO_TIME_ZONE) })
				.returning({ id: writtenInput.id });
			await tx.insert(writtenInputObjective).values(objectives.map((n) => ({ writtenInputId: row.id, objectiveId: objectiveId(GCM_FRAMEWORK_ID, n) })));
		}

		// --- The repository of good practices ------------------------------------------------------
		for (const p of DEMO_PRACTICES) {
			const { objectives, ...values } = p;
			const [row] = await tx.insert(practice).values({ ...values, processId: process.id }).returning({ id: practice.id });
			await tx.insert(practiceObjective).values(objectives.map((n) => ({ practiceId: row.id, objectiveId: objectiveId(GCM_FRAMEWORK_ID, n) })));
		}
		return summary;
	});
}

interface ConsultationContext {
	today: string;
	processId: string;
	leadOrgIds: OrganizationId[];
	coDesigners: OrgRow[];
	staffPeople: PersonRow[];
	networkPeople: PersonRow[];
	subregionIds: string[];
	now: Date;
}

function meetingDate(demo: DemoConsultation, today: string): string {
	// The open consultation meets on a Thursday, after a registration deadline on a Sunday.
	return demo.stage === 'open' ? nextWeekday(addDays(today, demo.daysFromToday), 4) : addDays(today, demo.daysFromToday);
}

function registrationWindow(demo: DemoConsultation, today: string, day: string): { opens: Date; closes: Date } {
	const z = DEMO_TIME_ZONE;
	if (demo.stage === 'open') {
		// "Registration closes Sunday, 24:00 ICT": the first Sunday at least a week from today.
		return { opens: zonedToInstant(addDays(today, -10), '00:00', z), closes: zonedToInstant(nextWeekday(addDays(today, 7), 0), '24:00', z) };
	}
	if (demo.stage === 'closed') {
		return { opens: zonedToInstant(addDays(today, -30), '00:00', z), closes: zonedToInstant(addDays(today, -2), '24:00', z) };
	}
	return { opens: zonedToInstant(addDays(day, -30), '00:00', z), closes: zonedToInstant(nextWeekday(addDays(day, -11), 0), '24:00', z) };
}

/** Picks registrants: at most one per organization when the rule is on. */
function pickRegistrants(random: Random, demo: DemoConsultation, people: PersonRow[], howMany: number): PersonRow[] {
	const pool = demo.categoryFocus
		? [...random.shuffle(people.filter((p) => p.categoryId === demo.categoryFocus)), ...random.shuffle(people.filter((p) => p.categoryId !== demo.categoryFocus)).slice(0, 6)]
		: random.shuffle(people.filter((p) => p.categoryId !== 'parliamentarians' || random.chance(0.3)));
	const chosen: PersonRow[] = [];
	const orgs = new Set<string>();
	for (const p of pool) {
		if (chosen.length >= howMany) break;
		if (demo.isOnePerOrganization && p.organizationId && orgs.has(p.organizationId)) continue;
		if (p.organizationId) orgs.add(p.organizationId);
		chosen.push(p);
	}
	return chosen;
}

/** Demo texts are public like any other: they pass the privacy gate, and the seed stops if one is refused. */
async function cleared<K extends string>(db: Database, protection: Protection, subject: Subject, texts: { [P in K]: string }) {
	const gate = await passGate(db, { kind: 'system', via: 'cli' }, 'everywhere', subject, texts, { protection });
	if (!gate.ok) throw new Error(`demo text refused by the privacy gate: ${gate.findings.map((f) => f.explanation).join(' ')}`);
	return gate.texts;
}

async function insertConsultation(db: Database, random: Random, demo: DemoConsultation, ctx: ConsultationContext) {
	const z = DEMO_TIME_ZONE;
	const protection = await protectionOf(db, 'everywhere');
	const participationRules = demo.isOnePerOrganization ? DEMO_PARTICIPATION_RULES : DEMO_PARTICIPATION_RULES.replace(' One person per organization may register.', '');
	const background =
		'The Global Compact for Safe, Orderly and Regular Migration (GCM) calls for regional reviews of its implementation every four years, ' +
		'drawing on the contributions of all relevant stakeholders (A/RES/73/195, para 50). ' +
		(demo.cluster
			? `This consultation covers the objectives of round table ${demo.cluster} of the International Migration Review Forum.`
			: demo.categoryFocus === 'parliamentarians'
				? 'This consultation gathers parliamentarians, whose role in legislating, budgeting and oversight is central to implementation.'
				: 'This consultation gathers local and regional authorities, which provide many of the services that migrants rely on and lead their inclusion in communities.');
	const texts = await cleared(db, protection, { type: 'consultation', id: null }, { title: demo.title, theme: demo.theme, background, participationRules, expectedOutcomes: DEMO_EXPECTED_OUTCOMES, ...Object.fromEntries(DEMO_REVIEW_OBJECTIVES.map((o, i) => [`objective${i}`, o])) });
	const day = meetingDate(demo, ctx.today);
	const startsAt = zonedToInstant(day, '11:00', z);
	const endsAt = zonedToInstant(day, '14:00', z);
	const window = registrationWindow(demo, ctx.today, day);
	const [c] = await db
		.insert(consultation)
		.values({
			processId: ctx.processId,
			slug: demo.slug,
			status: 'published',
			title: texts.title,
			theme: texts.theme,
			background: texts.background,
			timeZone: z,
			startsAt,
			endsAt,
			format: 'online',
			meetingLink: `https://meet.example.org/convene-demo/${demo.slug}`,
			reviewObjectives: DEMO_REVIEW_OBJECTIVES.map((_, i) => (texts as Record<string, PublicText>)[`objective${i}`]),
			participationRules: texts.participationRules,
			expectedOutcomes: texts.expectedOutcomes,
			capacity: demo.capacity,
			registrationOpensAt: window.opens,
			registrationClosesAt: window.closes,
			isOnePerOrganization: demo.isOnePerOrganization,
			isChathamHouse: true,
			isRecorded: false,
			// The network's usual aims: at least 40 per cent women, every subregion at least 10 per cent.
			balanceTargets: {
				gender: { woman: 40 },
				subregion: Object.fromEntries(ctx.subregionIds.map((id) => [id, 10]))
			}
		})
		.returning();

	await db.insert(consultationObjective).values(demo.objectives.map((n) => ({ consultationId: c.id, objectiveId: objectiveId(GCM_FRAMEWORK_ID, n) })));
	await db.insert(organizingTeamMember).values([
		...ctx.leadOrgIds.map((id, i) => ({ consultationId: c.id, organizationId: id, role: 'lead-agency' as const, position: i })),
		...ctx.coDesigners.map((o, i) => ({ consultationId: c.id, organizationId: o.id, role: 'co-designer' as const, position: 10 + i }))
	]);
	const titles = await cleared(db, protection, { type: 'document', id: c.id }, { note: 'Concept note', compact: 'Global Compact for Safe, Orderly and Regular Migration (A/RES/73/195)' });
	await db.insert(document).values([
		{ consultationId: c.id, position: 0, title: titles.note, url: `https://docs.example.org/convene-demo/${demo.slug}/concept-note.pdf` },
		{ consultationId: c.id, position: 1, title: titles.compact, url: 'https://undocs.org/A/RES/73/195' }
	]);

	// --- Agenda: timed sessions, moderator, on-record speakers, guiding questions -------------
	const onRecordBySession: PersonRow[][] = [];
	const panelPool = random.shuffle(demo.categoryFocus ? ctx.networkPeople.filter((p) => p.categoryId === demo.categoryFocus) : ctx.networkPeople);
	let cursor = startsAt.getTime();
	const items: { id: string; index: number }[] = [];
	for (const [index, session] of demo.sessions.entries()) {
		const itemStart = new Date(cursor);
		cursor += session.minutes * 60_000;
		const isStaffSpeaking = session.speakerRole === 'opening' || session.speakerRole === 'closing';
		const speakers = isStaffSpeaking
			? random.shuffle(ctx.staffPeople).slice(0, session.speakers ?? 0)
			: panelPool.splice(0, session.speakers ?? 0);
		onRecordBySession.push(speakers);
		const questions = session.questions ?? [];
		const sessionTexts = await cleared(db, protection, { type: 'consultation', id: c.id }, { title: session.title, description: session.description ?? '', ...Object.fromEntries(questions.map((q, i) => [`question${i}`, q])) });
		const [item] = await db
			.insert(agendaItem)
			.values({
				consultationId: c.id,
				position: index + 1,
				startsAt: itemStart,
				endsAt: new Date(cursor),
				title: sessionTexts.title,
				description: session.description == null ? null : sessionTexts.description,
				moderatorId: session.speakerRole === 'panelist' || session.questions ? random.pick(ctx.staffPeople).id : null
			})
			.returning();
		items.push({ id: item.id, index });
		if (speakers.length) {
			await db.insert(agendaSpeaker).values(speakers.map((p, i) => ({ agendaItemId: item.id, personId: p.id, role: session.speakerRole ?? 'panelist', position: i })));
		}
		if (questions.length) {
			await db.insert(guidingQuestion).values(questions.map((_, i) => ({ agendaItemId: item.id, position: i + 1, text: (sessionTexts as Record<string, PublicText>)[`question${i}`] })));
		}
	}

	// --- Registrations ------------------------------------------------------------------------
	const panelists = new Set(onRecordBySession.flat().map((p) => p.id));
	const wanted = demo.stage === 'open' ? 38 : demo.stage === 'closed' ? 64 : demo.categoryFocus ? 34 : 52;
	const registrants = pickRegistrants(random, demo, ctx.networkPeople.filter((p) => !panelists.has(p.id)), wanted);
	const opens = window.opens.getTime();
	const span = Math.min(window.closes.getTime(), ctx.now.getTime()) - opens;
	const regValues = registrants.map((p) => {
		const status: RegistrationStatus =
			demo.stage === 'past' ? (random.chance(0.9) ? 'confirmed' : random.pick(['declined', 'withdrawn'] as const)) : 'submitted';
		const submittedAt = new Date(opens + Math.floor(random.next() * span));
		return {
			consultationId: c.id,
			personId: p.id,
			organizationId: p.organizationId,
			status,
			isOnePerOrganization: demo.isOnePerOrganization,
			categoryId: p.categoryId,
			countryCode: p.countryCode,
			gender: p.gender,
			languages: p.languages,
			interpretationNeeds: random.chance(0.1) ? 'French interpretation' : null,
			accessibilityNeeds: random.chance(0.05) ? 'Live captions' : null,
			submittedAt,
			decidedAt: demo.stage === 'past' ? window.closes : null,
			confirmedAt: status === 'confirmed' ? new Date(window.closes.getTime() + 86_400_000) : null,
			withdrawnAt: status === 'withdrawn' ? new Date(window.closes.getTime() + 2 * 86_400_000) : null
		};
	});
	const regs = regValues.length ? await db.insert(registration).values(regValues).returning() : [];

	// --- Attendance and statements for past consultations -------------------------------------
	let attendances = 0;
	let statements = 0;
	if (demo.stage === 'past') {
		const confirmed = regs.filter((r) => r.status === 'confirmed');
		const byId = new Map(ctx.networkPeople.map((p) => [p.id, p]));
		// The demo's under-represented group registers but never attends (the dashboard flags it).
		const present = confirmed.filter(() => random.chance(0.86)).filter((r) => r.categoryId !== DEMO_ABSENT_CATEGORY);
		const speakers = [...new Set(onRecordBySession.flat())];
		const rows = [
			...present.map((r) => ({ personId: r.personId, registrationId: r.id as RegistrationId | null })),
			...speakers.map((p) => ({ personId: p.id, registrationId: null }))
		].map(({ personId, registrationId }) => {
			const joined = startsAt.getTime() - 5 * 60_000 + Math.floor(random.next() * 20 * 60_000);
			const left = endsAt.getTime() - Math.floor(random.next() * 25 * 60_000);
			const p = byId.get(personId) ?? speakers.find((s) => s.id === personId);
			return {
				consultationId: c.id,
				personId,
				registrationId,
				displayName: p?.name ?? null,
				email: p?.email ?? null,
				joinedAt: new Date(joined),
				leftAt: new Date(left),
				source: 'zoom-csv'
			};
		});
		if (rows.length) await db.insert(attendance).values(rows);
		attendances = rows.length;

		for (const { id: itemId, index } of items) {
			const session = demo.sessions[index];
			const onRecord = onRecordBySession[index];
			for (const [position, s] of (session.statements ?? []).entries()) {
				// A descriptor the rapporteur chose must be true of the speaker ("a trade unionist").
				const category = s.descriptors?.find((d) => d.kind === 'category')?.value;
				const fitting = present.filter((r) => !category || r.categoryId === category);
				const speakerId = s.onRecord
					? onRecord[position % Math.max(onRecord.length, 1)]?.id
					: fitting.length
						? random.pick(fitting).personId
						: undefined;
				// …and fit at least k people in the room, or the note page would have warned the rapporteur off it.
				const descriptors = !s.onRecord && category && fitting.length < DEMO_ANONYMITY_K ? [] : (s.descriptors ?? []);
				const [st] = await db
					.insert(statement)
					.values({
						consultationId: c.id,
						agendaItemId: itemId,
						speakerId: speakerId ?? null,
						attribution: s.onRecord && speakerId ? 'on-record' : 'non-attributable',
						descriptors,
						text: s.text,
						position: position + 1,
						isRecommendation: s.isRecommendation ?? false
					})
					.returning();
				if (s.objectives?.length) {
					await db.insert(statementObjective).values(s.objectives.map((n) => ({ statementId: st.id, objectiveId: objectiveId(GCM_FRAMEWORK_ID, n) })));
				}
				statements++;
			}
		}
	}
	return { registrations: regs.length, attendances, statements };
}

/** The summary report as the secretariat published it: the generated draft, unedited, as version 1. */
async function publishDemoReport(db: Database, slug: string, publishedAt: Date): Promise<void> {
	const loaded = await loadDraftInput(db, slug);
	if (!loaded) return;
	const doc = draftReport(loaded.input);
	const [r] = await db.insert(report).values({ consultationId: loaded.consultationId, slug, title: doc.title }).returning();
	const [v] = await db
		.insert(reportVersion)
		.values({
			reportId: r.id,
			number: 1,
			state: 'published',
			note: 'Published after a one-week comment period.',
			createdAt: new Date(publishedAt.getTime() - 10 * 86_400_000),
			commentsOpenAt: new Date(publishedAt.getTime() - 9 * 86_400_000),
			commentsCloseAt: new Date(publishedAt.getTime() - 2 * 86_400_000),
			publishedAt
		})
		.returning();
	await saveBlocks(db, v.id, doc.blocks);
	await syncRecommendations(db, v.id, publishedAt);
}
