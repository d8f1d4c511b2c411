// The plain statements of the registration path: run through a Drizzle executor on both drivers,
// inside its transaction (rolled back with it), with parameters of every type the path binds, and
// prepared once per name on PostgreSQL (the second run of a name reuses it).
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/test-db';
import { plainRows, plainStatement } from './plain-query';

const t = useTestDatabase();

const ECHO = plainStatement('spec-echo', 'select $1::text as "text", $2::text[] as "list", $3::boolean as "flag", $4::timestamptz as "at", $5::uuid as "id", $6::int as "n"');

describe('plainRows', () => {
	it('binds text, arrays, booleans, dates, uuids and numbers, and reads them back typed (twice: the prepared statement is reused)', async () => {
		const at = new Date('2026-12-01T10:20:30.000Z');
		for (let i = 0; i < 2; i++) {
			const [row] = await plainRows<{ text: string; list: string[]; flag: boolean; at: Date; id: string | null; n: number }>(t.db, ECHO, ["l'été, \"quoted\"", ['en', 'fr', 'a,b'], true, at, null, 7 + i]);
			expect(row).toEqual({ text: "l'été, \"quoted\"", list: ['en', 'fr', 'a,b'], flag: true, at, id: null, n: 7 + i });
		}
	});

	it('runs in the transaction of the executor it is given, and is rolled back with it', async () => {
		const insert = plainStatement('spec-insert-country', `insert into country (code, name) values ($1, $2) returning code`);
		const count = plainStatement('spec-count-country', `select count(*)::int as "n" from country where code = $1`);
		await t.db
			.transaction(async (tx) => {
				await plainRows(tx, insert, ['XQ', 'Fictional Land']);
				expect((await plainRows<{ n: number }>(tx, count, ['XQ']))[0].n).toBe(1);
				tx.rollback();
			})
			.catch(() => undefined);
		expect((await plainRows<{ n: number }>(t.db, count, ['XQ']))[0].n).toBe(0);
		expect(await plainRows(t.db, plainStatement('spec-one', 'select 1 as one'), [])).toEqual([{ one: 1 }]); // the connection is still usable
	});

	it('refuses a second text under a name already taken (PostgreSQL would run the first)', () => {
		plainStatement('spec-once', 'select 1');
		expect(() => plainStatement('spec-once', 'select 2')).toThrow(/Two texts for the plain statement "spec-once"/);
		expect(plainStatement('spec-once', 'select 1').text).toBe('select 1');
	});
});
