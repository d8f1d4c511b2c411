// convene migrate | seed --demo | serve [--port N] | --help
import { parseArgs } from 'node:util';
import { databaseConfigFromEnv, migrateDatabase, openDatabase, type DatabaseHandle } from '../lib/server/db';
import { loadReferenceData } from '../lib/server/reference/load-reference';
import { isDatabaseEmpty } from '../lib/server/demo/seed-demo';
import { adminNotice, prepareDatabase } from '../lib/server/startup';
import { baseUrl } from '../lib/server/runtime';

export const HELP = `Usage: convene <command> [options]

Commands:
  migrate              Apply the database migrations and load the reference data
  seed --demo          Fill an empty database with the fictional demo network and review process
  serve [--port N]     Start the web server (default port 3000; migrates and seeds on first start)

Options:
  -h, --help           Show this help

Environment:
  DATABASE_URL         PostgreSQL connection URL; when unset, the embedded database is used
  CONVENE_DATA_DIR     Data directory of the embedded database (default ./data)
  CONVENE_ADMIN_PASSWORD  Password of the first admin account (generated when unset)
  ORIGIN, PORT, HOST, BETTER_AUTH_SECRET  see README.md
`;

type Io = { out: (s: string) => void; err: (s: string) => void };
const defaultIo: Io = { out: (s) => console.log(s), err: (s) => console.error(s) };

async function withDatabase<T>(fn: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
	const handle = await openDatabase(databaseConfigFromEnv());
	try {
		await migrateDatabase(handle);
		await loadReferenceData(handle.db);
		return await fn(handle);
	} finally {
		await handle.close();
	}
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			options: { help: { type: 'boolean', short: 'h' }, demo: { type: 'boolean' }, port: { type: 'string', short: 'p' } }
		});
	} catch (error) {
		io.err(`convene: ${(error as Error).message}\n\n${HELP}`);
		return 2;
	}
	const [command, ...rest] = parsed.positionals;
	if (parsed.values.help || !command) {
		io.out(HELP);
		return command || parsed.values.help ? 0 : 2;
	}
	if (rest.length) {
		io.err(`convene: unexpected argument "${rest[0]}"`);
		return 2;
	}
	try {
		switch (command) {
			case 'migrate':
				await withDatabase(async (h) => io.out(`Migrated ${h.driver} database (${h.location}).`));
				return 0;
			case 'seed': {
				if (!parsed.values.demo) {
					io.err('convene: seed needs --demo (the only data set there is)');
					return 2;
				}
				return await withDatabase(async (h) => {
					if (!(await isDatabaseEmpty(h.db))) {
						io.err('convene: the database already holds data; the demo is only seeded into an empty database');
						return 1;
					}
					const { demo: s, admin } = await prepareDatabase(h);
					if (s) io.out(`Seeded the demo: ${s.people} people in ${s.organizations} organizations from ${s.countries} countries; ${s.consultations} consultations, ${s.registrations} registrations, ${s.attendances} attendances, ${s.statements} statements.`);
					if (admin) io.out(adminNotice(admin, baseUrl()));
					return 0;
				});
			}
			case 'serve':
				// bin/convene.js starts the server itself, without tsx; reaching here means `serve --help`.
				io.out(HELP);
				return 0;
			default:
				io.err(`convene: unknown command "${command}"\n\n${HELP}`);
				return 2;
		}
	} catch (error) {
		// Configuration problems are told in one line; a stack trace only when asked for.
		io.err(`convene: ${(error as Error).message}`);
		if (process.env.CONVENE_DEBUG) io.err(String((error as Error).stack));
		return 1;
	}
}
