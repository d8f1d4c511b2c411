import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { DEMO_ABSENT_CATEGORY } from '../demo/seed-demo';
import { reviewProcess } from '../db/schema';
import { dashboardInput } from './dashboard';
import { buildDashboard, dashboardCsvRows, type Dashboard } from '../../domain/dashboard';

const t = useTestDatabase({ demo: true });
let d: Dashboard;
let processId: string;

beforeAll(async () => {
	const [p] = await t.db.select().from(reviewProcess);
	processId = p.id;
	d = buildDashboard(await dashboardInput(t.db, p));
});

/** Counts straight from the rows, with SQL of its own: group value → count. */
async function raw(query: ReturnType<typeof sql>): Promise<Map<string, number>> {
	const result = await t.db.execute(query);
	const rows = ((result as { rows?: unknown[] }).rows ?? result) as { value: string | null; n: number | string }[];
	return new Map(rows.filter((r) => r.value !== null).map((r) => [r.value!, Number(r.n)]));
}

/** People who attended, once per consultation, described as the dashboard must (registration, else directory). */
const attendedBy = (expr: string) =>
	sql.raw(`
	select ${expr} as value, count(*) as n
	from (select distinct a.consultation_id, a.person_id from attendance a join consultation c on c.id = a.consultation_id
	      where c.status = 'published' and a.person_id is not null and c.process_id = '${processId}') x
	join person p on p.id = x.person_id
	left join registration r on r.person_id = x.person_id and r.consultation_id = x.consultation_id
	left join country co on co.code = coalesce(r.country_code, p.country_code)
	group by 1`);

describe(`the process dashboard on ${testDriver}`, () => {
	it('counts attendance per group exactly as the raw attendance rows do, per dimension', async () => {
		const expected = {
			category: await raw(attendedBy('coalesce(r.category_id, p.category_id)')),
			subregion: await raw(attendedBy('co.subregion_id')),
			gender: await raw(attendedBy('coalesce(r.gender, p.gender)'))
		};
		for (const dimension of ['category', 'subregion', 'gender'] as const) {
			const shown = new Map(d.groups[dimension].filter((g) => g.attended.count > 0).map((g) => [g.value, g.attended.count]));
			expect(shown).toEqual(expected[dimension]);
		}
		expect(d.consultations.reduce((a, c) => a + c.attended, 0)).toBeGreaterThan(100);
	});

	it('counts registered, selected and the network as the raw rows do', async () => {
		const registered = await raw(sql`select r.category_id as value, count(*) as n from registration r join consultation c on c.id = r.consultation_id where c.process_id = ${processId} and c.status = 'published' group by 1`);
		const selected = await raw(sql`select r.category_id as value, count(*) as n from registration r join consultation c on c.id = r.consultation_id where c.process_id = ${processId} and c.status = 'published' and r.status in ('selected', 'confirmed') group by 1`);
		const network = await raw(sql`select category_id as value, count(*) as n from person where category_id is not null and erased_at is null group by 1`);
		const nonZero = (pick: 'registered' | 'selected' | 'network') => new Map(d.groups.category.filter((g) => g[pick].count > 0).map((g) => [g.value, g[pick].count]));
		expect(nonZero('registered')).toEqual(registered);
		expect(nonZero('selected')).toEqual(selected);
		expect(nonZero('network')).toEqual(network);
		// Shares are of each column's total, to one decimal.
		const g = d.groups.category.find((x) => x.value === 'parliamentarians')!;
		expect(g.network.share).toBe(Math.round((network.get('parliamentarians')! * 1000) / [...network.values()].reduce((a, b) => a + b, 0)) / 10);
	});

	it('flags the stakeholder groups that never attended: in the demo, the private sector', async () => {
		const attended = await raw(attendedBy('coalesce(r.category_id, p.category_id)'));
		const network = await raw(sql`select category_id as value, count(*) as n from person where category_id is not null and erased_at is null group by 1`);
		const neverRaw = [...network.keys()].filter((c) => !attended.has(c)).sort();
		const flagged = d.groups.category.filter((g) => g.flags.includes('never-attended')).map((g) => g.value).sort();
		expect(flagged).toEqual(neverRaw);
		expect(flagged).toContain(DEMO_ABSENT_CATEGORY);
		const privateSector = d.groups.category.find((g) => g.value === DEMO_ABSENT_CATEGORY)!;
		expect(privateSector.registered.count).toBeGreaterThan(0); // they registered, and still never came
	});

	it('flags the objectives never discussed, and counts coverage as the raw tags do', async () => {
		const said = await raw(sql`select so.objective_id as value, count(*) as n from statement_objective so join statement s on s.id = so.statement_id join consultation c on c.id = s.consultation_id where c.process_id = ${processId} group by 1`);
		const recs = await raw(sql`select ro.objective_id as value, count(*) as n from recommendation_objective ro join recommendation r on r.id = ro.recommendation_id where r.process_id = ${processId} group by 1`);
		const inputs = await raw(sql`select wo.objective_id as value, count(*) as n from written_input_objective wo join written_input w on w.id = wo.written_input_id where w.process_id = ${processId} and w.status = 'published' group by 1`);
		const objectives = await raw(sql`select id as value, number as n from objective where framework_id = 'gcm'`);
		for (const row of d.coverage) {
			expect(row.cells.reduce((a, c) => a + c.statements, 0)).toBe(said.get(row.objectiveId) ?? 0);
			expect(row.cells.reduce((a, c) => a + c.recommendations, 0)).toBe(recs.get(row.objectiveId) ?? 0);
			expect(row.cells.reduce((a, c) => a + c.inputs, 0)).toBe(inputs.get(row.objectiveId) ?? 0);
		}
		const neverRaw = [...objectives.keys()].filter((id) => !said.has(id) && !recs.has(id) && !inputs.has(id)).sort();
		expect(d.coverage.filter((o) => o.isNeverDiscussed).map((o) => o.objectiveId).sort()).toEqual(neverRaw);
		expect(neverRaw.length).toBeGreaterThan(0);
		expect(inputs.size).toBeGreaterThan(0);
		expect(d.coverage).toHaveLength(23);
	});

	it('names no group under k in the CSV: small counts merge into an "Other groups" row per consultation, at least k each (merging rule)', () => {
		const rows = dashboardCsvRows(d, 3);
		expect(rows[0]).toEqual(['Dimension', 'Group', 'Consultation', 'Network people', 'Network share %', 'Registered', 'Registered share %', 'Selected', 'Selected share %', 'Attended', 'Attended share %', 'Target %', 'Flags']);
		let blanked = 0;
		for (const row of rows.slice(1)) {
			for (const i of [3, 5, 7, 9]) {
				expect(row[i]).not.toMatch(/^[12]$/);
				if (row[i] === '' && !(i === 3 && row[2] !== 'All consultations')) {
					blanked++;
					expect(row[i + 1]).toBe(''); // no share that would give the count away
				}
			}
		}
		expect(blanked).toBeGreaterThan(0);
		const others = rows.filter((r) => r[1].startsWith('Other groups'));
		expect(others.length).toBeGreaterThan(0);
		for (const r of others) for (const i of [3, 5, 7, 9]) expect(r[i] === '' || r[i] === '0' || Number(r[i]) >= 3, `${r.join(',')}`).toBe(true);
		// Each column still adds up: the named counts and the other groups give the total.
		for (const dimension of ['category', 'gender']) {
			const all = rows.filter((r) => r[0] === dimension && r[2] === 'All consultations');
			const network = all.reduce((sum, r) => sum + Number(r[3] || 0), 0);
			expect(network).toBe(d.groups[dimension as 'category'][0].network.total);
		}
		expect(rows.find((r) => r[0] === 'category' && r[2] === 'All consultations' && r[12].includes('never-attended'))?.[9]).toBe('0');
	});
});
