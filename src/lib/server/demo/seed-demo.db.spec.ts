import { beforeAll, describe, expect, it } from 'vitest';
import { and, count, countDistinct, eq, isNotNull, sql } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { agendaItem, agendaSpeaker, attendance, consultation, country, guidingQuestion, organization, person, registration, report, reportVersion, statement } from '../db/schema';
import { DEMO_PUBLISHED_SLUG, isDatabaseEmpty, seedDemo, type DemoSummary } from './seed-demo';
import { isBeforeDeadline, weekday, dateInZone } from '../../domain/time';

const t = useTestDatabase();
let summary: DemoSummary;
const now = new Date('2026-11-23T05:00:00Z'); // a Monday, 12:00 in Bangkok

beforeAll(async () => {
	expect(await isDatabaseEmpty(t.db)).toBe(true);
	summary = await seedDemo(t.db, now);
});

describe(`demo data on ${testDriver}`, () => {
	it('holds about 300 people in about 200 organizations from about 25 countries', async () => {
		expect(summary.people).toBeGreaterThanOrEqual(270);
		expect(summary.people).toBeLessThanOrEqual(330);
		expect(summary.organizations).toBeGreaterThanOrEqual(180);
		expect(summary.organizations).toBeLessThanOrEqual(220);
		expect(summary.countries).toBeGreaterThanOrEqual(24);
		expect(await isDatabaseEmpty(t.db)).toBe(false);
	});

	it('covers all five subregions and every stakeholder category', async () => {
		const [{ subregions }] = await t.db
			.select({ subregions: countDistinct(country.subregionId) })
			.from(person)
			.innerJoin(country, eq(person.countryCode, country.code));
		const [{ categories }] = await t.db.select({ categories: countDistinct(organization.categoryId) }).from(organization);
		expect(subregions).toBe(5);
		expect(categories).toBe(13);
	});

	it('has a realistic gender mix: women and men each between 40 and 60 per cent, some other answers', async () => {
		const rows = await t.db.select({ gender: person.gender, n: count() }).from(person).groupBy(person.gender);
		const total = rows.reduce((s, r) => s + r.n, 0);
		const share = (g: string) => (rows.find((r) => r.gender === g)?.n ?? 0) / total;
		expect(share('woman')).toBeGreaterThan(0.4);
		expect(share('woman')).toBeLessThan(0.6);
		expect(share('man')).toBeGreaterThan(0.35);
		expect(share('non-binary') + share('self-described') + share('prefer-not-to-say')).toBeGreaterThan(0);
	});

	it('uses only example.org addresses (no real person)', async () => {
		const [{ n }] = await t.db.select({ n: count() }).from(person).where(sql`${person.email} not like '%@example.org'`);
		expect(n).toBe(0);
	});

	it('shows every stage: one consultation open for registration, one closed, four past (one with its report published)', async () => {
		const rows = await t.db.select().from(consultation);
		expect(rows).toHaveLength(6);
		const open = rows.filter((c) => c.registrationClosesAt && isBeforeDeadline(now, c.registrationClosesAt) && c.registrationOpensAt! <= now);
		const closedUpcoming = rows.filter((c) => c.startsAt > now && c.registrationClosesAt && !isBeforeDeadline(now, c.registrationClosesAt));
		const past = rows.filter((c) => c.endsAt < now);
		expect(open.map((c) => c.slug)).toEqual(['voluntary-regular-safe-orderly']);
		expect(closedUpcoming.map((c) => c.slug)).toEqual(['rights-based-border-governance']);
		expect(past).toHaveLength(4);
		const published = await t.db.select({ slug: report.slug }).from(report).innerJoin(reportVersion, eq(reportVersion.reportId, report.id)).where(eq(reportVersion.state, 'published'));
		expect(published.map((r) => r.slug)).toEqual([DEMO_PUBLISHED_SLUG]);
	});

	it('closes the open registration on a Sunday at 24:00 Bangkok time and meets 11:00–14:00 on a Thursday', async () => {
		const [c] = await t.db.select().from(consultation).where(eq(consultation.slug, 'voluntary-regular-safe-orderly'));
		const closes = c.registrationClosesAt!;
		// 24:00 on Sunday is 00:00 on Monday in Bangkok
		expect(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Bangkok', weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(closes)).toBe('Monday 00:00');
		expect(weekday(dateInZone(c.startsAt, 'Asia/Bangkok'))).toBe(4);
		expect(c.startsAt < closes).toBe(false);
		expect(c.timeZone).toBe('Asia/Bangkok');
		expect(c.isOnePerOrganization).toBe(true);
	});

	it('gives the parliamentarians consultation a full agenda with moderators, named panelists and guiding questions', async () => {
		const [c] = await t.db.select().from(consultation).where(eq(consultation.slug, 'parliamentarians'));
		const items = await t.db.select().from(agendaItem).where(eq(agendaItem.consultationId, c.id));
		expect(items.length).toBeGreaterThanOrEqual(4);
		expect(items.some((i) => i.moderatorId)).toBe(true);
		const [{ speakers }] = await t.db
			.select({ speakers: count() })
			.from(agendaSpeaker)
			.innerJoin(agendaItem, eq(agendaSpeaker.agendaItemId, agendaItem.id))
			.where(eq(agendaItem.consultationId, c.id));
		const [{ questions }] = await t.db
			.select({ questions: count() })
			.from(guidingQuestion)
			.innerJoin(agendaItem, eq(guidingQuestion.agendaItemId, agendaItem.id))
			.where(eq(agendaItem.consultationId, c.id));
		expect(speakers).toBeGreaterThanOrEqual(6);
		expect(questions).toBeGreaterThanOrEqual(5);
		// Sessions follow each other without gaps from 11:00 to 14:00.
		const sorted = items.sort((a, b) => a.position - b.position);
		expect(sorted[0].startsAt.toISOString()).toBe(c.startsAt.toISOString());
		expect(sorted.at(-1)!.endsAt.toISOString()).toBe(c.endsAt.toISOString());
	});

	it('records attendance and statements for past consultations, and none for upcoming ones', async () => {
		const rows = await t.db
			.select({ slug: consultation.slug, attended: countDistinct(attendance.personId) })
			.from(consultation)
			.leftJoin(attendance, eq(attendance.consultationId, consultation.id))
			.groupBy(consultation.slug);
		const attended = Object.fromEntries(rows.map((r) => [r.slug, r.attended]));
		expect(attended['voluntary-regular-safe-orderly']).toBe(0);
		expect(attended['parliamentarians']).toBeGreaterThan(20);
		const [{ onRecord }] = await t.db.select({ onRecord: count() }).from(statement).where(and(eq(statement.attribution, 'on-record'), isNotNull(statement.speakerId)));
		expect(onRecord).toBeGreaterThan(5);
		expect(summary.statements).toBeGreaterThan(30);
	});

	it('never has two active registrations from one organization where the rule is on', async () => {
		const dupes = await t.db
			.select({ c: registration.consultationId, o: registration.organizationId, n: count() })
			.from(registration)
			.where(and(eq(registration.isOnePerOrganization, true), sql`${registration.status} in ('submitted','selected','waitlisted','confirmed')`))
			.groupBy(registration.consultationId, registration.organizationId)
			.having(sql`count(*) > 1`);
		expect(dupes).toEqual([]);
	});

	it('only uses a category descriptor for a speaker who belongs to that category', async () => {
		const rows = await t.db
			.select({ descriptors: statement.descriptors, category: person.categoryId })
			.from(statement)
			.innerJoin(person, eq(statement.speakerId, person.id))
			.where(eq(statement.attribution, 'non-attributable'));
		const withCategory = rows.filter((r) => (r.descriptors as { kind: string }[]).some((d) => d.kind === 'category'));
		expect(withCategory.length).toBeGreaterThan(0);
		for (const r of withCategory) {
			expect((r.descriptors as { kind: string; value: string }[]).find((d) => d.kind === 'category')?.value).toBe(r.category);
		}
	});
});
