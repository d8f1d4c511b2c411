import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { $lib: path.resolve('src/lib') };
// Database specs (*.db.spec.ts) run twice: on embedded PGlite and on a real PostgreSQL that the
// harness starts itself. Specs of what only PostgreSQL does (several processes on one database)
// are *.pg.spec.ts and run there only. Everything else is pure and runs once.
const dbSpecs = ['src/**/*.db.spec.ts', 'tests/**/*.db.spec.ts'];
const pgSpecs = ['src/**/*.pg.spec.ts', 'tests/**/*.pg.spec.ts'];

export default defineConfig({
	test: {
		expect: { requireAssertions: true },
		reporters: ['default', 'json'],
		outputFile: { json: 'reports/vitest.json' },
		projects: [
			{
				resolve: { alias },
				test: {
					name: 'unit',
					include: ['src/**/*.spec.ts', 'tests/**/*.spec.ts'],
					exclude: [...dbSpecs, ...pgSpecs],
					expect: { requireAssertions: true }
				}
			},
			{
				resolve: { alias },
				test: {
					name: 'pglite',
					include: dbSpecs,
					env: { CONVENE_TEST_DRIVER: 'pglite' },
					testTimeout: 30_000,
					hookTimeout: 60_000,
					expect: { requireAssertions: true }
				}
			},
			{
				resolve: { alias },
				test: {
					name: 'postgres',
					include: [...dbSpecs, ...pgSpecs],
					env: { CONVENE_TEST_DRIVER: 'postgres' },
					globalSetup: ['tests/support/postgres-global-setup.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000,
					expect: { requireAssertions: true }
				}
			}
		]
	}
});
