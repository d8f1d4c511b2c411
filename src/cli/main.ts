// convene migrate | seed --demo | serve [--port N] [--demo] | --help
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
// Each command loads what it needs when it runs (await import): `convene --help` and a command on
// the embedded database start at once instead of loading every library first.
import type { DatabaseHandle } from '../lib/server/db';
import type { Actor } from '../lib/domain/policy';
import { DEFAULT_K } from '../lib/domain/privacy/small-cells';
import { HELP } from './help';
import { databaseMessage } from '../lib/server/db/errors';

export { HELP };


type Io = { out: (s: string) => void; err: (s: string) => void };

async function backupCommand(out: string | undefined, io: Io): Promise<number> {
	if (!out) {
		io.err('convene: usage: convene backup --out FILE');
		return 2;
	}
	const target = path.resolve(out);
	const { writeBackupFile } = await import('../lib/server/backup-file');
	const { askServerForBackup } = await import('../lib/server/control-socket');
	const { DataDirLockedError } = await import('../lib/server/db/lock');
	const { databaseConfigFromEnv, openDatabase } = await import('../lib/server/db');
	const config = databaseConfigFromEnv();
	let summary;
	try {
		// A backup never migrates: it is of the schema the database is at (taken before an upgrade, it
		// must be of the old one).
		const handle = await openDatabase(config);
		try {
			summary = await writeBackupFile(handle.db, target);
		} finally {
			await handle.close();
		}
	} catch (error) {
		// The embedded database is open in the running server: it writes the backup.
		if (!(error instanceof DataDirLockedError) || config.driver !== 'pglite' || !config.dataDir) throw error;
		summary = await askServerForBackup(config.dataDir, target);
	}
	io.out(`Backed up ${summary.rows} rows of ${summary.tables} tables (schema ${summary.schema}) to ${target}.`);
	return 0;
}

async function restoreCommand(files: string[], replace: boolean, io: Io): Promise<number> {
	if (files.length !== 1) {
		io.err('convene: usage: convene restore FILE [--replace]');
		return 2;
	}
	const { restoreBackup } = await import('../lib/server/backup');
	const { createInterface } = await import('node:readline');
	if (!fs.existsSync(files[0])) throw new Error(`no file ${files[0]}`);
	const result = await withDatabase((h) => restoreBackup(h.db, createInterface({ input: fs.createReadStream(files[0], 'utf8'), crlfDelay: Infinity }), { replace }));
	io.out(`Restored ${result.rows} rows from ${files[0]}.`);
	return 0;
}
const defaultIo: Io = { out: (s) => console.log(s), err: (s) => console.error(s) };

/** Works the job queue until SIGTERM or SIGINT; a job in hand when stopped is left to its lease. */
async function workerCommand(io: Io): Promise<number | null> {
	const { startConvene } = await import('../lib/server/startup');
	const { openQueue } = await import('../lib/server/queue');
	const { startWorker } = await import('../lib/server/jobs');
	const { runInWorker } = await import('../lib/server/selection/in-worker');
	const { Limits, limitsFromEnv } = await import('../lib/server/limits');
	const { createMailer, smtpTransportFromEnv } = await import('../lib/server/mail');
	const { handle } = await startConvene({ log: (line) => io.out(line) });
	const queue = await openQueue(handle);
	const mailer = createMailer(handle.db, process.env, queue);
	const stopWorker = await startWorker({ db: handle.db, queue, mailer, transport: smtpTransportFromEnv(), runner: runInWorker, limits: new Limits(handle.db, limitsFromEnv()), log: (line) => io.out(line) });
	io.out(`Convene worker: taking jobs from the ${handle.driver} database (${handle.location}); mail: ${mailer.transport === 'smtp' ? 'SMTP' : 'outbox (no SMTP_URL)'}.`);
	const stop = async () => {
		await stopWorker();
		await queue.stop();
		await handle.close();
		io.out('Convene worker stopped.');
		process.exit(0);
	};
	process.once('SIGTERM', () => void stop());
	process.once('SIGINT', () => void stop());
	return null;
}

async function withDatabase<T>(fn: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
	const { databaseConfigFromEnv, migrateDatabase, openDatabase } = await import('../lib/server/db');
	const { loadReferenceData } = await import('../lib/server/reference/load-reference');
	const handle = await openDatabase(databaseConfigFromEnv());
	try {
		await migrateDatabase(handle);
		await loadReferenceData(handle.db);
		return await fn(handle);
	} finally {
		await handle.close();
	}
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number | null> {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				help: { type: 'boolean', short: 'h' },
				demo: { type: 'boolean' },
				port: { type: 'string', short: 'p' },
				'dry-run': { type: 'boolean' },
				format: { type: 'string' },
				out: { type: 'string', short: 'o' },
				q: { type: 'string' },
				category: { type: 'string' },
				country: { type: 'string' },
				categories: { type: 'string' },
				respondents: { type: 'string' },
				'panel-size': { type: 'string' },
				'group-by': { type: 'string' },
				seed: { type: 'string' },
				json: { type: 'boolean' },
				attendees: { type: 'string' },
				k: { type: 'string' },
				consultation: { type: 'string' },
				'time-zone': { type: 'string' },
				draft: { type: 'boolean' },
				note: { type: 'string' },
				'refuse-tracked-changes': { type: 'boolean' },
				replace: { type: 'boolean' }
			}
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
	const takesArguments = ['import', 'export', 'privacy', 'attendance', 'report', 'restore'].includes(command);
	if (rest.length && !takesArguments) {
		io.err(`convene: unexpected argument "${rest[0]}"`);
		return 2;
	}
	try {
		switch (command) {
			case 'backup':
				return await backupCommand(parsed.values.out, io);
			case 'restore':
				return await restoreCommand(rest, parsed.values.replace ?? false, io);
			case 'migrate':
				await withDatabase(async (h) => io.out(`Migrated ${h.driver} database (${h.location}).`));
				return 0;
			case 'seed': {
				if (!parsed.values.demo) {
					io.err('convene: seed needs --demo (the only data set there is)');
					return 2;
				}
				const { isDatabaseEmpty } = await import('../lib/server/demo/seed-demo');
				const { adminNotice, prepareDatabase } = await import('../lib/server/startup');
				const { baseUrl } = await import('../lib/server/links');
				return await withDatabase(async (h) => {
					if (!(await isDatabaseEmpty(h.db))) {
						io.err('convene: the database already holds data; the demo is only seeded into an empty database');
						return 1;
					}
					const { demo: s, admin } = await prepareDatabase(h, { isDemoSeededWhenEmpty: true });
					if (s) io.out(`Seeded the demo: ${s.people} people in ${s.organizations} organizations from ${s.countries} countries; ${s.consultations} consultations, ${s.registrations} registrations, ${s.attendances} attendances, ${s.statements} statements.`);
					if (admin) io.out(adminNotice(admin, baseUrl()));
					return 0;
				});
			}
			case 'import':
				return await importCommand(rest, parsed.values['dry-run'] ?? false, io);
			case 'export':
				return await exportCommand(rest, parsed.values, io);
			case 'select':
				return await selectCommand(parsed.values, io);
			case 'privacy':
				return await privacyCommand(rest, parsed.values, io);
			case 'attendance':
				return await attendanceCommand(rest, parsed.values, io);
			case 'report':
				return await reportCommand(rest, parsed.values, io);
			case 'send-reminders': {
				const { sendReminders } = await import('../lib/server/use-cases/send-reminders');
				const { createMailer } = await import('../lib/server/mail');
				return await withDatabase(async (h) => {
					const sent = await sendReminders(h.db, createMailer(h.db), new Date());
					io.out(`Sent ${sent} reminders.`);
					return 0;
				});
			}
			case 'worker':
				return await workerCommand(io);
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
		io.err(`convene: ${databaseMessage(error).slice(0, 500)}`);
		if (process.env.CONVENE_DEBUG) io.err(String((error as Error).stack));
		return 1;
	}
}

const CLI_ACTOR: Actor = { kind: 'system', via: 'cli' };

async function importCommand(args: string[], isDryRun: boolean, io: Io): Promise<number> {
	const [what, file, ...extra] = args;
	if (what !== 'people' || !file || extra.length) {
		io.err('convene: usage: convene import people FILE [--dry-run]');
		return 2;
	}
	if (!fs.existsSync(file)) {
		io.err(`convene: no such file: ${file}`);
		return 1;
	}
	const { readTable } = await import('../lib/server/imports/read-table');
	const { guessMapping } = await import('../lib/domain/people-import');
	const { importPeople } = await import('../lib/server/use-cases/import-people');
	const rows = await readTable(new Uint8Array(fs.readFileSync(file)), file);
	const mapping = guessMapping(rows[0] ?? []);
	return withDatabase(async (h) => {
		const result = await importPeople(h.db, CLI_ACTOR, {
			rows,
			mapping,
			isDryRun,
			onProgress: (done, total) => {
				if (total >= 5000) io.out(`  ${done} / ${total}`);
			}
		});
		if (result.ok) {
			io.out(`${result.isDryRun ? 'Valid (dry run, nothing written)' : 'Imported'}: ${result.imported} people, ${result.organizationsCreated} new organizations.`);
			return 0;
		}
		switch (result.reason) {
			case 'invalid-mapping':
				io.err(`convene: the columns of ${path.basename(file)} could not be mapped (columns: ${(rows[0] ?? []).join(', ')}):`);
				for (const p of result.problems) io.err(`  ${p.reason}`);
				return 1;
			case 'invalid-rows':
				io.err(`convene: ${result.problems.length} problems in ${new Set(result.problems.map((p) => p.row)).size} rows; nothing was imported:`);
				for (const p of result.problems) io.err(`  row ${p.row}, ${p.field}: ${p.reason}`);
				return 1;
			case 'empty-file':
				io.err(`convene: ${file} has no rows under its header`);
				return 1;
			case 'conflict':
				io.err(`convene: someone changed the directory during the import; nothing was imported (${result.detail})`);
				return 1;
			default:
				io.err(`convene: ${result.reason}`);
				return 1;
		}
	});
}

async function exportCommand(args: string[], values: { format?: string; out?: string; q?: string; category?: string; country?: string }, io: Io): Promise<number> {
	const [what, ...extra] = args;
	const format = values.format;
	if (what !== 'people' || extra.length || (format !== 'csv' && format !== 'xlsx') || !values.out) {
		io.err('convene: usage: convene export people --format csv|xlsx --out FILE [--q TEXT] [--category ID] [--country CODE]');
		return 2;
	}
	const { exportPeople } = await import('../lib/server/use-cases/export-people');
	return withDatabase(async (h) => {
		const result = await exportPeople(h.db, CLI_ACTOR, { q: values.q, categoryId: values.category, countryCode: values.country?.toUpperCase() }, format, new Date());
		if (!result.ok) return 1;
		fs.writeFileSync(values.out!, result.body);
		io.out(`Exported ${result.count} people to ${values.out}.`);
		return 0;
	});
}

async function selectCommand(values: { categories?: string; respondents?: string; 'panel-size'?: string; 'group-by'?: string; seed?: string; json?: boolean }, io: Io): Promise<number> {
	if (!values.categories || !values.respondents || !values['panel-size']) {
		io.err('convene: usage: convene select --categories FILE --respondents FILE --panel-size K [--group-by COLUMN] [--seed S] [--json]');
		return 2;
	}
	for (const file of [values.categories, values.respondents]) {
		if (!fs.existsSync(file)) {
			io.err(`convene: no such file: ${file}`);
			return 1;
		}
	}
	const { readSortitionFiles, SortitionFileError } = await import('../lib/server/selection/sortition-files');
	const { runSelection, describeDiagnosis } = await import('../lib/server/selection/run');
	const { peoplePanels } = await import('../lib/domain/selection/realize');
	let read;
	try {
		read = readSortitionFiles(fs.readFileSync(values.categories, 'utf8'), fs.readFileSync(values.respondents, 'utf8'), Number(values['panel-size']), values['group-by']);
	} catch (error) {
		if (error instanceof SortitionFileError) {
			io.err(`convene: ${error.message}`);
			return 1;
		}
		throw error;
	}
	const seed = values.seed ?? randomBytes(8).toString('hex');
	const outcome = await runSelection(read.problem, seed);
	if (!outcome.ok) {
		if (values.json) io.out(JSON.stringify({ infeasible: true, conflicts: outcome.diagnosis.conflicts, singleChanges: outcome.diagnosis.singleChanges ?? [], relaxations: outcome.diagnosis.relaxations }));
		io.err('convene: no panel satisfies the quotas.');
		for (const line of describeDiagnosis(outcome.diagnosis)) io.err(`  ${line.replaceAll('\n', '\n  ')}`);
		return 1;
	}
	if (values.json) {
		const panels = peoplePanels(outcome.classes, outcome.distribution.panels);
		io.out(
			JSON.stringify({
				minProbability: outcome.minProbability,
				probabilities: outcome.probabilities,
				panels,
				drawn: outcome.drawn,
				seed,
				distributionHash: outcome.distributionHash
			})
		);
		return 0;
	}
	const percent = (p: number) => `${(p * 100).toFixed(2)} %`;
	io.out(`${read.problem.people.length} respondents, panel of ${read.problem.panelSize}: LEXIMIN in ${outcome.stats.seconds.toFixed(2)} s (${outcome.stats.classes} classes of interchangeable people, ${outcome.stats.panelSearches} panel searches).`);
	io.out(`Minimum selection probability: ${percent(outcome.minProbability)}; maximum: ${percent(Math.max(...outcome.probabilities))}.`);
	io.out(`Distribution: ${outcome.distribution.panels.length} panel compositions, sha256 ${outcome.distributionHash}.`);
	io.out(`Drawn with seed ${seed}: ${outcome.drawn.map((i) => read.ids[i]).join(', ')}`);
	return 0;
}

async function privacyCommand(args: string[], values: { attendees?: string; k?: string; json?: boolean }, io: Io): Promise<number> {
	const [sub, ...files] = args;
	const usage = 'convene: usage: convene privacy check --attendees attendees.csv [--k N] [--json] FILE...';
	if (sub !== 'check' || !values.attendees || !files.length) {
		io.err(usage);
		return 2;
	}
	const k = Number(values.k ?? DEFAULT_K);
	if (!Number.isInteger(k) || k < 2) {
		io.err(`convene: --k must be a whole number of at least 2, not "${values.k}"`);
		return 2;
	}
	const { readAttendeesCsv, AttendeesFileError } = await import('../lib/server/privacy/attendees-file');
	const { readDocument, UnreadableDocumentError } = await import('../lib/server/privacy/read-document');
	const { checkText, explainFinding } = await import('../lib/domain/privacy/check');
	let attendees;
	try {
		if (!fs.existsSync(values.attendees)) throw new AttendeesFileError([`no such file: ${values.attendees}`]);
		attendees = await readAttendeesCsv(fs.readFileSync(values.attendees, 'utf8'));
	} catch (error) {
		if (!(error instanceof AttendeesFileError)) throw error;
		io.err(`convene: ${values.attendees}: the attendees file has problems; nothing was checked.`);
		for (const p of error.problems) io.err(`  ${p}`);
		return 2;
	}
	const results = [];
	for (const file of files) {
		let text: string;
		try {
			text = await readDocument(file);
		} catch (error) {
			if (!(error instanceof UnreadableDocumentError)) throw error;
			io.err(`convene: ${error.message}; nothing was checked.`);
			return 2;
		}
		const report = checkText(text, attendees, k);
		results.push({
			file,
			findings: report.findings.map((f) => {
				const before = text.slice(0, f.start).split('\n');
				return { ...f, line: before.length, column: before[before.length - 1].length + 1, message: explainFinding(f) };
			})
		});
	}
	const all = results.flatMap((r) => r.findings);
	const blocking = all.filter((f) => f.severity === 'block').length;
	const warnings = all.length - blocking;
	if (values.json) io.out(JSON.stringify({ k, attendees: attendees.length, blocking, warnings, files: results }, null, 2));
	else {
		for (const r of results) for (const f of r.findings) io.out(`${r.file}:${f.line}:${f.column}: ${f.severity === 'block' ? 'BLOCK' : 'warn '} ${f.kind}: ${f.message}`);
		io.out(`${files.length} ${files.length === 1 ? 'file' : 'files'} checked against ${attendees.length} attendees (k = ${k}): ${blocking} blocking, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}.`);
	}
	return blocking ? 1 : 0;
}

async function attendanceCommand(args: string[], values: { consultation?: string; 'time-zone'?: string; json?: boolean }, io: Io): Promise<number> {
	const [sub, file, ...extra] = args;
	const usage = 'convene: usage: convene attendance parse FILE [--time-zone ZONE] [--json] | convene attendance import --consultation SLUG FILE';
	if (!file || extra.length || (sub !== 'parse' && sub !== 'import') || (sub === 'import' && !values.consultation)) {
		io.err(usage);
		return 2;
	}
	if (!fs.existsSync(file)) {
		io.err(`convene: no such file: ${file}`);
		return 2;
	}
	const { readTable, UnreadableFileError } = await import('../lib/server/imports/read-table');
	let table;
	try {
		table = await readTable(new Uint8Array(fs.readFileSync(file)), file);
	} catch (error) {
		if (!(error instanceof UnreadableFileError)) throw error;
		io.err(`convene: ${error.message}`);
		return 2;
	}
	if (sub === 'parse') {
		const { parseZoomReport, ZoomReportError } = await import('../lib/domain/attendance/zoom');
		const { isValidTimeZone } = await import('../lib/domain/time');
		const zone = values['time-zone'] ?? 'UTC';
		if (!isValidTimeZone(zone)) {
			io.err(`convene: unknown time zone "${zone}" (an IANA name such as Asia/Bangkok)`);
			return 2;
		}
		try {
			const report = parseZoomReport(table, zone);
			const rows = report.attendees.map((a) => ({
				name: a.originalName ?? a.name,
				displayName: a.name,
				email: a.email,
				totalMinutes: a.totalMinutes,
				firstJoin: a.firstJoin.toISOString(),
				lastLeave: a.lastLeave.toISOString(),
				sessions: a.sessions.map((s) => ({ join: s.join.toISOString(), leave: s.leave.toISOString(), minutes: s.minutes })),
				role: a.role,
				country: a.country
			}));
			if (values.json) io.out(JSON.stringify({ kind: report.kind, topic: report.topic, timeZone: zone, attendees: rows }, null, 2));
			else {
				io.out(`Zoom ${report.kind} report${report.topic ? ` "${report.topic}"` : ''}: ${rows.length} people, ${rows.reduce((n, r) => n + r.sessions.length, 0)} sessions (times read in ${zone}).`);
				for (const r of rows) io.out(`  ${r.name}${r.email ? ` <${r.email}>` : ''}: ${r.totalMinutes} min in ${r.sessions.length} session${r.sessions.length === 1 ? '' : 's'}, ${r.firstJoin} – ${r.lastLeave}`);
			}
			return 0;
		} catch (error) {
			if (!(error instanceof ZoomReportError)) throw error;
			io.err(`convene: ${file} is not a readable Zoom report; nothing was read.`);
			for (const p of error.problems) io.err(`  ${p}`);
			return 1;
		}
	}
	const { importZoomAttendance } = await import('../lib/server/use-cases/record-attendance');
	return withDatabase(async (h) => {
		const result = await importZoomAttendance(h.db, CLI_ACTOR, values.consultation!, table);
		if (!result.ok) {
			if (result.reason === 'not-found') io.err(`convene: no consultation "${values.consultation}"`);
			else if (result.reason === 'invalid') {
				io.err(`convene: ${file} is not a readable Zoom report; nothing was imported.`);
				for (const p of result.problems) io.err(`  ${p}`);
			} else io.err('convene: not allowed');
			return 1;
		}
		const s = result.summary;
		io.out(`Imported ${s.people} ${s.people === 1 ? 'person' : 'people'} (${s.sessions} ${s.sessions === 1 ? 'session' : 'sessions'}): ${s.matchedByEmail} matched by email, ${s.matchedByName} by name, ${s.unmatched.length} unmatched.`);
		for (const u of s.unmatched) io.out(`  unmatched: ${u.name}${u.email ? ` <${u.email}>` : ''} (${u.minutes} min); match them on the attendance page`);
		return 0;
	});
}

async function reportCommand(args: string[], values: { consultation?: string; format?: string; out?: string; draft?: boolean; note?: string; 'dry-run'?: boolean; 'refuse-tracked-changes'?: boolean }, io: Io): Promise<number> {
	if (args[0] === 'import') return reportImport(args.slice(1), values, io);
	const usage = 'convene: usage: convene report render --consultation SLUG --format docx|pdf|html|md --out FILE [--draft]';
	const formats = ['docx', 'pdf', 'html', 'md'] as const;
	if (args[0] !== 'render' || args.length > 1 || !values.consultation || !values.out || !values.format) {
		io.err(usage);
		return 2;
	}
	const format = formats.find((f) => f === values.format);
	if (!format) {
		io.err(`convene: --format must be one of ${formats.join(', ')}, not "${values.format}"`);
		return 2;
	}
	const { renderReport } = await import('../lib/server/exports/report-formats');
	const { loadDraftInput } = await import('../lib/server/queries/draft-input');
	const { baseUrl } = await import('../lib/server/links');
	const { draftReport } = await import('../lib/domain/report/draft');
	const { plainText } = await import('../lib/domain/report/model');
	const { protectionOf } = await import('../lib/server/queries/protected');
	const { checkText, explainFinding } = await import('../lib/domain/privacy/check');
	return withDatabase(async (h) => {
		const loaded = await loadDraftInput(h.db, values.consultation!, baseUrl());
		if (!loaded) {
			io.err(`convene: no consultation "${values.consultation}"`);
			return 1;
		}
		const started = performance.now();
		let doc = draftReport(loaded.input);
		let what = 'a fresh draft';
		if (!values.draft) {
			// The latest saved version, whatever its state.
			const { versionDocument } = await import('../lib/server/queries/report-versions');
			const { latestReportVersion } = await import('../lib/server/queries/reports');
			const latest = await latestReportVersion(h.db, loaded.consultationId);
			if (!latest) {
				io.err(`convene: the report of "${values.consultation}" has no saved version yet; use --draft for a fresh draft`);
				return 1;
			}
			doc = (await versionDocument(h.db, latest.id))!;
			what = `version ${latest.number} (${latest.state})`;
		}
		fs.writeFileSync(values.out!, await renderReport(doc, format));
		// Against the gate's own definition of who is protected, so "would block" means what publishing does.
		const protection = await protectionOf(h.db, { consultationId: loaded.consultationId });
		const report = checkText(plainText(doc), protection.people, protection.k, protection.room);
		io.out(`Wrote ${what}, ${doc.blocks.filter((b) => b.kind === 'paragraph').length} numbered paragraphs, to ${values.out} (${format}, ${Math.round(performance.now() - started)} ms).`);
		for (const f of report.findings) io.out(`  ${f.severity === 'block' ? 'BLOCK' : 'warn '} ${f.kind}: ${explainFinding(f)}`);
		io.out(report.isBlocked ? 'The privacy core would block circulation and publication of this draft as it stands.' : 'The privacy core finds nothing that blocks.');
		return 0;
	});
}

/** A version edited in Word, read and (unless --dry-run) saved as the report's next version, with what it changes. */
async function reportImport(args: string[], values: { consultation?: string; note?: string; 'dry-run'?: boolean; 'refuse-tracked-changes'?: boolean }, io: Io): Promise<number> {
	if (args.length !== 1 || !values.consultation) {
		io.err('convene: usage: convene report import --consultation SLUG FILE.docx [--refuse-tracked-changes] [--note TEXT] [--dry-run]');
		return 2;
	}
	const file = args[0];
	const { DOCX_LIMITS, explainDocxRefusal } = await import('../lib/server/imports/read-docx');
	let data: Uint8Array;
	try {
		// The size first: a file far too large is refused without being read.
		if (fs.statSync(file).size > DOCX_LIMITS.bytes) {
			io.err(`convene: ${file}: The file is larger than ${DOCX_LIMITS.bytes / 1024 / 1024} MB; nothing was imported.`);
			return 1;
		}
		data = new Uint8Array(fs.readFileSync(file));
	} catch (error) {
		io.err(`convene: ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
		return 2;
	}
	const { previewDocxImport } = await import('../lib/server/use-cases/import-report-docx');
	const { saveVersion } = await import('../lib/server/use-cases/save-report-version');
	const { shownChanges } = await import('../lib/domain/report/edit');
	const where = (p: { kind: string; label: string; isFootnote: boolean }) =>
		p.kind === 'paragraph' ? `${p.isFootnote ? 'a footnote of ' : ''}para. ${p.label}` : p.kind === 'heading' ? `heading "${p.label}"` : p.kind === 'annex' ? 'the annex table' : 'the title page';
	return withDatabase(async (h) => {
		const result = await previewDocxImport(h.db, CLI_ACTOR, values.consultation!, data, { refuseTrackedChanges: values['refuse-tracked-changes'] ?? false });
		if (!result.ok) {
			const reasons: Record<string, string> = {
				'not-found': `the consultation "${values.consultation}" has no report yet`,
				'no-version': 'the file does not say which version of the report it comes from: edit a DOCX downloaded from Convene (report render, or the report page)',
				'other-report': `the file is a version of another report than that of "${values.consultation}"`
			};
			if (result.reason === 'refused') io.err(`convene: ${file}: ${explainDocxRefusal(result.refusal)}; nothing was imported.`);
			else if (result.reason === 'conflict') io.err(`convene: ${file} was downloaded from version ${result.basedOn}, but version ${result.latest} has been saved since; nothing was imported.`);
			else if (result.reason === 'tracked-changes') {
				io.err(`convene: ${file} holds ${result.changes.length} tracked changes; nothing was imported (accept or reject them in Word, or leave out --refuse-tracked-changes):`);
				for (const c of result.changes) io.err(`  ${c.kind} by ${c.author || 'someone'} in ${where(c.place)}${c.text ? `: "${c.text}"` : ''}`);
			} else io.err(`convene: ${reasons[result.reason] ?? 'not allowed'}; nothing was imported.`);
			return 1;
		}
		const p = result.preview;
		const changes = shownChanges(p.diff);
		io.out(`${file}: ${p.blocks.filter((b) => b.kind === 'paragraph').length} numbered paragraphs; ${changes.length} blocks changed from version ${p.basedOn} (${changes.filter((c) => c.op === 'added').length} added, ${changes.filter((c) => c.op === 'removed').length} removed, ${changes.filter((c) => c.op === 'changed').length} changed).`);
		for (const c of changes) io.out(`  ${c.op}: ${c.words.map((w) => (w.op === 'added' ? `[+${w.text}+]` : w.op === 'removed' ? `[-${w.text}-]` : w.text)).join('')}`);
		for (const c of p.trackedChanges) io.out(`  tracked ${c.kind} by ${c.author || 'someone'} in ${where(c.place)}, accepted as shown${c.text ? `: "${c.text}"` : ''}`);
		for (const c of p.comments) io.out(`  comment by ${c.author || 'someone'} on ${where(c.place)}: ${c.text}`);
		if (p.trackedChangeCount > p.trackedChanges.length) io.out(`  … and ${p.trackedChangeCount - p.trackedChanges.length} more tracked changes`);
		if (p.commentCount > p.comments.length) io.out(`  … and ${p.commentCount - p.comments.length} more comments`);
		for (const o of p.omitted) io.out(`  left out (a report version cannot hold them): ${o.count} ${o.kind.replace('-', ' ')}`);
		for (const f of p.findings) io.out(`  ${f.severity === 'block' ? 'BLOCK' : 'warn '} ${f.explanation}`);
		if (p.editorial.warnings.length) io.out(`  ${p.editorial.warnings.length} editorial warnings (UN Editorial Manual); see the report page`);
		if (values['dry-run']) {
			io.out('Dry run: nothing was saved.');
			return 0;
		}
		const saved = await saveVersion(h.db, CLI_ACTOR, values.consultation!, p.basedOn, p.blocks, values.note ?? `Edited in Word (${path.basename(file)})`);
		if (!saved.ok) {
			io.err(saved.reason === 'conflict' ? `convene: version ${saved.latest} was saved meanwhile; nothing was imported.` : 'convene: not saved');
			return 1;
		}
		io.out(`Saved as version ${saved.number} (a draft).${p.isBlocked ? ' The privacy core blocks its circulation and publication as it stands.' : ''}`);
		return 0;
	});
}
