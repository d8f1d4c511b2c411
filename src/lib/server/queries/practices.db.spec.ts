import { beforeAll, describe, expect, it } from 'vitest';
import { testDriver, useTestDatabase } from '../../../../tests/support/test-db';
import { practice, practiceObjective } from '../db/schema';
import { searchPractices } from './practices';

const t = useTestDatabase();
beforeAll(async () => {
	// Fictional practices.
	const rows = await t.db
		.insert(practice)
		.values([
			{ title: 'Zero recruitment fees for domestic workers', summary: 'A bilateral agreement makes employers pay every recruitment fee and cost.', countryCode: 'PH', subregionId: 'south-east-asia', categoryId: 'trade-unions', status: 'published' },
			{ title: 'Portable pensions for returning workers', summary: 'Social security contributions follow migrant workers home.', countryCode: 'NP', subregionId: 'south-and-south-west-asia', categoryId: 'civil-society', status: 'published' },
			{ title: 'City services for all residents', summary: 'Local health care and schools are open regardless of status. Recruiters are not involved.', countryCode: 'TH', subregionId: 'south-east-asia', categoryId: 'local-authorities-and-communities', status: 'published' },
			{ title: 'Fair recruitment pledge by employers', summary: 'Employers in the garment sector pledge to recruit fairly.', countryCode: 'BD', subregionId: 'south-and-south-west-asia', categoryId: 'private-sector', status: 'submitted' }
		])
		.returning({ id: practice.id });
	await t.db.insert(practiceObjective).values([
		{ practiceId: rows[0].id, objectiveId: 'gcm-6' },
		{ practiceId: rows[1].id, objectiveId: 'gcm-22' }
	]);
});

describe(`searching good practices on ${testDriver}`, () => {
	it('finds published practices by meaning-bearing words in any form, best match first', async () => {
		const r = await searchPractices(t.db, { q: 'recruitment fee' });
		expect(r.rows.map((x) => x.title)).toEqual(['Zero recruitment fees for domestic workers']);
		expect(r.total).toBe(1);
		// "portability" and "portable" share a stem.
		expect((await searchPractices(t.db, { q: 'pension portability' })).rows.map((x) => x.title)).toEqual(['Portable pensions for returning workers']);
		expect((await searchPractices(t.db, { q: 'pension -workers' })).rows).toEqual([]);
		const either = await searchPractices(t.db, { q: 'recruiters OR schools' });
		// Both words match the city practice, one ("recruiters" ~ "recruitment") the fees practice: the city ranks first.
		expect(either.rows.map((x) => x.title)).toEqual(['City services for all residents', 'Zero recruitment fees for domestic workers']);
	});

	it('filters by objective, subregion, country and stakeholder group, and keeps unmoderated ones out', async () => {
		expect((await searchPractices(t.db, { objectiveId: 'gcm-22' })).rows.map((x) => x.title)).toEqual(['Portable pensions for returning workers']);
		expect((await searchPractices(t.db, { subregionId: 'south-east-asia' })).total).toBe(2);
		expect((await searchPractices(t.db, { subregionId: 'south-east-asia', q: 'health' })).rows.map((x) => x.countryCode)).toEqual(['TH']);
		expect((await searchPractices(t.db, { categoryId: 'private-sector' })).total).toBe(0);
		expect((await searchPractices(t.db, { categoryId: 'private-sector', includeUnpublished: true })).total).toBe(1);
	});

	it('takes any text as a query without failing', async () => {
		for (const q of ["'; drop table practice; --", '"unclosed', '!!! & |', 'ÉCOLES']) {
			await expect(searchPractices(t.db, { q })).resolves.toMatchObject({ total: expect.any(Number) });
		}
		expect((await searchPractices(t.db, {})).total).toBe(3);
	});
});
