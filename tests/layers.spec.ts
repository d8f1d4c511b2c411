// The layers are enforced by the linter: a route that reads a table, a domain module that reaches
// for the server or Node, a query that calls a use-case each fail `npm run lint`.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const restricted = async (filePath: string, code: string) =>
	(await eslint.lintText(code, { filePath }))[0].messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);

describe('the layers the linter keeps', { timeout: 60_000 }, () => {
	it('refuses a table or drizzle-orm in a new route', async () => {
		expect(await restricted('src/routes/new-page/+page.server.ts', "import { person } from '$lib/server/db/schema';\nexport const load = () => ({ person });\n")).toEqual([expect.stringContaining('never tables')]);
		expect(await restricted('src/routes/new-page/+page.server.ts', "import { eq } from 'drizzle-orm';\nexport const load = () => ({ eq });\n")).toEqual([expect.stringContaining('never drizzle-orm')]);
		expect(await restricted('src/routes/new-page/+page.server.ts', "import { listPublishedConsultations } from '$lib/server/queries/consultations';\nexport const load = () => ({ listPublishedConsultations });\n")).toEqual([]);
	});

	it('keeps the domain pure and queries below use-cases', async () => {
		expect(await restricted('src/lib/domain/new-rule.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toEqual([expect.stringContaining('no Node APIs')]);
		expect(await restricted('src/lib/domain/new-rule.ts', "import { getDb } from '$lib/server/runtime';\nexport const x = getDb;\n")).toEqual([expect.stringContaining('no server code')]);
		expect(await restricted('src/lib/server/queries/new-query.ts', "import { startSelection } from '../use-cases/select-participants';\nexport const x = startSelection;\n")).toEqual([expect.stringContaining('Queries never import use-cases')]);
	});

	it('keeps tables in queries/ and use-cases/ across the rest of the server and the CLI', async () => {
		const table = "import { person } from '../db/schema';\nexport const x = person;\n";
		expect(await restricted('src/lib/server/exports/new-export.ts', table)).toEqual([expect.stringContaining('Tables are read in queries/')]);
		expect(await restricted('src/cli/new-command.ts', "import { eq } from 'drizzle-orm';\nexport const x = eq;\n")).toEqual([expect.stringContaining('never with drizzle-orm elsewhere')]);
		expect(await restricted('src/lib/server/queries/new-query.ts', table)).toEqual([]);
		expect(await restricted('src/lib/server/use-cases/new-command.ts', table)).toEqual([]);
	});
});

describe('routes stay thin', () => {
	it('keeps every route file under ~50 lines or has its first comment say why not', async () => {
		const { readdirSync, readFileSync } = await import('node:fs');
		const files = readdirSync('src/routes', { recursive: true, encoding: 'utf8' })
			.filter((f) => /(^|\/)\+(page\.server|layout\.server|server)\.ts$/.test(f))
			.map((f) => `src/routes/${f}`);
		expect(files.length).toBeGreaterThan(40);
		const unexplained = files.filter((f) => {
			const text = readFileSync(f, 'utf8');
			return text.split('\n').length > 50 && !text.split('\n').slice(0, 3).some((l) => l.startsWith('// Longer than a route should be:'));
		});
		expect(unexplained).toEqual([]);
	});
});
