import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import { editLikeWord } from './support/word-edits';

function convene(args: string[], env: Record<string, string> = {}) {
	const result = spawnSync(process.execPath, ['bin/convene.js', ...args], {
		encoding: 'utf8',
		env: { ...process.env, ...env },
		timeout: 60_000
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Every test starts one or more CLI processes (tsx compiles on start): seconds each on a busy 2-core machine.
describe('convene CLI', { timeout: 60_000 }, () => {
	it('lists its commands with --help', () => {
		const r = convene(['--help']);
		expect(r.code).toBe(0);
		for (const command of ['migrate', 'seed --demo', 'serve [--port N]']) expect(r.stdout).toContain(command);
	});

	it('rejects an unknown command with exit code 2 and the help', () => {
		const r = convene(['frobnicate']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('unknown command "frobnicate"');
	});

	it('rejects a port that is not a number', () => {
		const r = convene(['serve', '--port', 'abc']);
		expect(r.code).toBe(2);
		expect(r.stderr.trim()).toBe('convene: --port must be a number between 1 and 65535, not "abc"');
	});

	it.each([
		['postgres://nobody@127.0.0.1:1/convene', /^convene: Cannot connect to PostgreSQL at postgres:\/\/127\.0\.0\.1:1\/convene \(DATABASE_URL\): .*ECONNREFUSED/],
		['not a url', /^convene: DATABASE_URL is not a valid URL/],
		['mysql://localhost/convene', /^convene: DATABASE_URL must start with postgres:\/\/ or postgresql:\/\//]
	])('gives one clear line, not a stack trace, for DATABASE_URL=%s', (url, message) => {
		const r = convene(['migrate'], { DATABASE_URL: url });
		expect(r.code).toBe(1);
		const lines = r.stderr.trim().split('\n');
		expect(lines, r.stderr).toHaveLength(1);
		expect(lines[0]).toMatch(message);
	});

	it('never prints the password of a DATABASE_URL', () => {
		const r = convene(['migrate'], { DATABASE_URL: 'postgres://convene:s3cret-pw@127.0.0.1:1/convene' });
		expect(r.stderr).not.toContain('s3cret-pw');
	});

	it('seeds the demo into an empty embedded database once, then refuses, and imports attendance, renders the report and imports a copy edited in Word there', { timeout: 180_000 }, async () => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-cli-'));
		try {
			const first = convene(['seed', '--demo'], { CONVENE_DATA_DIR: dataDir, CONVENE_ADMIN_PASSWORD: 'cli-test-password' });
			expect(first.code).toBe(0);
			expect(first.stdout).toMatch(/Seeded the demo: \d+ people in \d+ organizations from \d+ countries; 6 consultations/);
			expect(first.stdout).toContain('admin@convene.example');
			const second = convene(['seed', '--demo'], { CONVENE_DATA_DIR: dataDir });
			expect(second.code).toBe(1);
			expect(second.stderr.trim()).toBe('convene: the database already holds data; the demo is only seeded into an empty database');
			expect(fs.existsSync(path.join(dataDir, 'convene.lock'))).toBe(false); // released on exit
			// A Zoom report imported into the seeded database: nobody in it registered.
			const report = path.join(dataDir, 'zoom.csv');
			fs.writeFileSync(report, 'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\nGuest 7,,10/25/2026 10:00:00 AM,10/25/2026 10:30:00 AM,30\n');
			const imported = convene(['attendance', 'import', '--consultation', 'parliamentarians', report], { CONVENE_DATA_DIR: dataDir });
			expect(imported.stderr).toBe('');
			expect(imported.stdout.split('\n')[0]).toBe('Imported 1 person (1 session): 0 matched by email, 0 by name, 1 unmatched.');
			expect(convene(['attendance', 'import', '--consultation', 'nowhere', report], { CONVENE_DATA_DIR: dataDir }).stderr.trim()).toBe('convene: no consultation "nowhere"');
			// The report: no saved version yet; a fresh draft in each format.
			const out = path.join(dataDir, 'report');
			const latest = convene(['report', 'render', '--consultation', 'parliamentarians', '--format', 'md', '--out', `${out}.md`], { CONVENE_DATA_DIR: dataDir });
			expect(latest.code).toBe(1);
			expect(latest.stderr.trim()).toBe('convene: the report of "parliamentarians" has no saved version yet; use --draft for a fresh draft');
			for (const format of ['md', 'docx', 'pdf']) {
				const r = convene(['report', 'render', '--consultation', 'parliamentarians', '--format', format, '--out', `${out}.${format}`, '--draft'], { CONVENE_DATA_DIR: dataDir });
				expect(r.stderr).toBe('');
				expect(r.stdout).toMatch(new RegExp(`^Wrote a fresh draft, \\d+ numbered paragraphs, to .*report\\.${format} \\(${format}, \\d+ ms\\)\\.`));
				expect(r.stdout).toContain('The privacy core finds nothing that blocks.');
			}
			expect(fs.readFileSync(`${out}.md`, 'utf8')).toMatch(/^## I\. Background$/m);
			expect(fs.readFileSync(`${out}.pdf`).subarray(0, 5).toString()).toBe('%PDF-');
			expect(convene(['report', 'render', '--consultation', 'parliamentarians', '--format', 'odt', '--out', `${out}.odt`, '--draft'], { CONVENE_DATA_DIR: dataDir }).code).toBe(2);
			// The published demo report, downloaded as DOCX, edited in Word and imported as version 2.
			const published = convene(['report', 'render', '--consultation', 'local-and-regional-authorities', '--format', 'docx', '--out', `${out}-v1.docx`], { CONVENE_DATA_DIR: dataDir });
			expect(published.stdout).toMatch(/^Wrote version 1 \(published\)/);
			const edited = `${out}-edited.docx`;
			fs.writeFileSync(edited, await editLikeWord(new Uint8Array(fs.readFileSync(`${out}-v1.docx`)), [{ trackedInsertion: ' A sentence added in Word.', after: 'Chatham House Rule', author: 'Reviewer A' }]));
			const importArgs = ['report', 'import', '--consultation', 'local-and-regional-authorities', edited];
			const dry = convene([...importArgs, '--dry-run'], { CONVENE_DATA_DIR: dataDir });
			expect(dry.stderr).toBe('');
			expect(dry.stdout).toMatch(/: \d+ numbered paragraphs; 1 blocks changed from version 1 \(0 added, 0 removed, 1 changed\)\.\n {2}changed: .*Chatham House Rule.*\[\+ ?A sentence added in Word\.\+\]/);
			expect(dry.stdout).toMatch(/tracked insertion by Reviewer A in para\. \d+, accepted as shown: "A sentence added in Word\."/);
			expect(dry.stdout.trim().split('\n').at(-1)).toBe('Dry run: nothing was saved.');
			const refused = convene([...importArgs, '--refuse-tracked-changes'], { CONVENE_DATA_DIR: dataDir });
			expect(refused.code).toBe(1);
			expect(refused.stderr).toMatch(/holds 1 tracked changes; nothing was imported/);
			const saved = convene(importArgs, { CONVENE_DATA_DIR: dataDir });
			expect(saved.stderr).toBe('');
			expect(saved.stdout.trim().split('\n').at(-1)).toBe('Saved as version 2 (a draft).');
			const stale = convene(importArgs, { CONVENE_DATA_DIR: dataDir });
			expect(stale.code).toBe(1);
			expect(stale.stderr.trim()).toBe(`convene: ${edited} was downloaded from version 1, but version 2 has been saved since; nothing was imported.`);
			const notDocx = convene(['report', 'import', '--consultation', 'local-and-regional-authorities', `${out}.pdf`], { CONVENE_DATA_DIR: dataDir });
			expect(notDocx.stderr.trim()).toBe(`convene: ${out}.pdf: This is not a Word (.docx) file: it is a PDF. Save it from Word as .docx and upload that; nothing was imported.`);
			// A backup restored into a new data directory holds the same rows; a second restore is refused.
			const backup = path.join(dataDir, 'backup.sql');
			const backedUp = convene(['backup', '--out', backup], { CONVENE_DATA_DIR: dataDir });
			expect(backedUp.stderr).toBe('');
			const rows = Number(/^Backed up (\d+) rows of \d+ tables \(schema \S+\) to /.exec(backedUp.stdout)?.[1]);
			expect(rows).toBeGreaterThan(1000);
			expect(fs.existsSync(`${backup}.partial`)).toBe(false);
			const restoredDir = path.join(dataDir, 'restored');
			const restored = convene(['restore', backup], { CONVENE_DATA_DIR: restoredDir });
			expect(restored.stderr).toBe('');
			expect(restored.stdout.trim()).toBe(`Restored ${rows} rows from ${backup}.`);
			const again = convene(['restore', backup], { CONVENE_DATA_DIR: restoredDir });
			expect(again.code).toBe(1);
			expect(again.stderr.trim()).toBe('convene: The database already holds data: restore into an empty database, or pass --replace to replace everything in it');
			expect(convene(['restore', backup, '--replace'], { CONVENE_DATA_DIR: restoredDir }).code).toBe(0);
			expect(convene(['backup'], { CONVENE_DATA_DIR: dataDir }).stderr.trim()).toBe('convene: usage: convene backup --out FILE');
		} finally {
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	});

	it('imports people from a CSV only when every row is valid, and exports them as XLSX', { timeout: 60_000 }, () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-cli-import-'));
		const env = { CONVENE_DATA_DIR: path.join(dir, 'data') };
		try {
			const file = path.join(dir, 'people.csv');
			fs.writeFileSync(file, 'Name;E-mail;Organisation;Country\nAda Test;ada@example.org;Harbour Network;Thailand\nBad Row;bad-email;;Atlantis\n');
			const refused = convene(['import', 'people', file], env);
			expect(refused.code).toBe(1);
			expect(refused.stderr.trim().split('\n')).toEqual([
				'convene: 2 problems in 1 rows; nothing was imported:',
				'  row 3, email: invalid email "bad-email"',
				'  row 3, country: unknown country "Atlantis"'
			]);
			fs.writeFileSync(file, 'Name;E-mail;Organisation;Country\nAda Test;ada@example.org;Harbour Network;Thailand\n');
			const imported = convene(['import', 'people', file], env);
			expect(imported.stdout.trim()).toBe('Imported: 1 people, 1 new organizations.');
			const out = path.join(dir, 'people.xlsx');
			const exported = convene(['export', 'people', '--format', 'xlsx', '--out', out], env);
			expect(exported.stdout.trim()).toBe(`Exported 1 people to ${out}.`);
			expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK'); // a zip container
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('explains how to call export when the format is missing', () => {
		const r = convene(['export', 'people', '--out', 'x.csv']);
		expect(r.code).toBe(2);
		expect(r.stderr.trim()).toBe('convene: usage: convene export people --format csv|xlsx --out FILE [--q TEXT] [--category ID] [--country CODE]');
	});

	describe('select', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-select-'));
		const write = (name: string, text: string) => {
			const file = path.join(dir, name);
			fs.writeFileSync(file, text);
			return file;
		};
		const categories = write('categories.csv', 'category,feature,min,max\ngender,woman,2,3\ngender,man,1,3\nregion,north,1,4\nregion,south,1,4\n');
		// Ten fictional respondents; org-a has three members, at most one may sit.
		const respondents = write(
			'respondents.csv',
			['id,gender,region,org', 'r1,woman,north,org-a', 'r2,woman,north,org-a', 'r3,man,south,org-a', 'r4,woman,south,', 'r5,man,north,org-b', 'r6,woman,south,org-c', 'r7,man,south,', 'r8,woman,north,', 'r9,man,north,', 'r10,woman,south,'].join('\n')
		);
		const select = (...extra: string[]) => convene(['select', '--categories', categories, '--respondents', respondents, '--panel-size', '4', ...extra]);

		it('prints LEXIMIN probabilities, the distribution over panels and a reproducible draw as JSON', { timeout: 30_000 }, () => {
			const r = select('--group-by', 'org', '--seed', 'fixed-seed', '--json');
			expect(r.stderr).toBe('');
			expect(r.code).toBe(0);
			const out = JSON.parse(r.stdout);
			expect(out.seed).toBe('fixed-seed');
			expect(out.probabilities).toHaveLength(10);
			expect(out.probabilities.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(4, 9);
			expect(out.minProbability).toBeCloseTo(Math.min(...out.probabilities), 12);
			expect(out.panels.reduce((a: number, p: { probability: number }) => a + p.probability, 0)).toBeCloseTo(1, 9);
			for (const p of out.panels as { members: number[] }[]) {
				expect(p.members).toHaveLength(4);
				expect(p.members.filter((i) => i <= 2).length).toBeLessThanOrEqual(1); // one of org-a
			}
			expect(out.drawn).toHaveLength(4);
			expect(JSON.parse(select('--group-by', 'org', '--seed', 'fixed-seed', '--json').stdout).drawn).toEqual(out.drawn);
		});

		it('explains infeasible quotas and exits 1', () => {
			const tight = write('tight.csv', 'category,feature,min,max\ngender,woman,4,4\ngender,man,1,4\nregion,north,0,4\nregion,south,0,4\n');
			const r = convene(['select', '--categories', tight, '--respondents', respondents, '--panel-size', '4']);
			expect(r.code).toBe(1);
			expect(r.stderr).toContain('no panel satisfies the quotas');
			expect(r.stderr).toContain('The minimums of gender add up to 5 seats, 1 more than the panel of 4.');
			expect(r.stderr).toMatch(/gender = (woman: min 4 → 3|man: min 1 → 0)/);
		});

		it('names the quotas that clash across dimensions, with their counts, and each single change that would allow a panel (text and --json)', () => {
			const all = write('north-women.csv', 'gender,region\nwoman,north\nwoman,north\nwoman,north\nman,south\nman,south\nman,south\nman,south\nman,north\n');
			const quotas = write('no-north.csv', 'category,feature,min,max\ngender,woman,2,4\ngender,man,0,4\nregion,north,0,0\nregion,south,0,4\n');
			const r = convene(['select', '--categories', quotas, '--respondents', all, '--panel-size', '4']);
			expect(r.code).toBe(1);
			expect(r.stderr).toContain('gender = woman needs at least 2 seats, but everyone who could fill them is also region = north, where at most 0 seats are allowed.');
			expect(r.stderr).toContain('region = north: raise the maximum from 0 to 2');
			expect(r.stderr).toContain('gender = woman: lower the minimum from 2 to 0');
			const json = JSON.parse(convene(['select', '--categories', quotas, '--respondents', all, '--panel-size', '4', '--json']).stdout);
			const clash = json.conflicts.find((c: { kind: string }) => c.kind === 'clash');
			expect(clash.bounds.map((b: { quota: { feature: string }; bound: string; value: number; available: number }) => [b.quota.feature, b.bound, b.value, b.available])).toEqual([
				['woman', 'min', 2, 3],
				['north', 'max', 0, 4]
			]);
			expect(clash.overlaps).toEqual([{ a: 0, b: 1, seats: 3, isContained: true }]);
			expect(json.singleChanges.map((c: { quota: { feature: string }; bound: string; to: number }) => `${c.quota.feature} ${c.bound} ${c.to}`)).toEqual(['woman min 0', 'north max 2']);
		});

		it('names the line of a respondent whose value is not in categories.csv', () => {
			const bad = write('bad.csv', 'gender,region\nwoman,north\nrobot,south\n');
			const r = convene(['select', '--categories', categories, '--respondents', bad, '--panel-size', '1']);
			expect(r.code).toBe(1);
			expect(r.stderr).toContain('respondents.csv line 3: gender "robot" is not a feature of categories.csv');
		});
	});

	describe('privacy check', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-privacy-'));
		const write = (name: string, text: string | Buffer) => {
			const file = path.join(dir, name);
			fs.writeFileSync(file, text);
			return file;
		};
		// Fictional attendees; columns in another order and case, a BOM, countries and genders as people write them.
		const attendees = write(
			'attendees.csv',
			'\uFEFFAttribution,Name,Email,Organization,Country,Category,Gender\n' +
				['non-attributable,Dechen Wangmo,dechen@example.org,Wangmo Foundation,Bhutan,parliamentarians,woman', 'non-attributable,Karma Choden,karma@example.org,Assembly Office,BT,parliamentarian,F', 'non-attributable,Sonam Dorji,sonam@example.org,Assembly Office,bt,Parliamentarians,male', 'non-attributable,Lagi Faleolo,lagi@example.org,Samoa Media Hub,WS,media,woman', 'on-record,Maria Santos-Reyes,msr@example.org,Parliament of Atlantis,PH,parliamentarians,woman'].join('\n')
		);
		const check = (...args: string[]) => convene(['privacy', 'check', '--attendees', attendees, ...args]);

		it('passes a clean text with exit 0', () => {
			const r = check(write('clean.txt', 'Maria Santos-Reyes opened the meeting. She thanked everyone.\n\nA parliamentarian from Bhutan said wages were withheld.'));
			expect(r.stderr).toBe('');
			expect(r.stdout.trim()).toBe('1 file checked against 5 attendees (k = 3): 0 blocking, 0 warnings.');
			expect(r.code).toBe(0);
		});

		it('reports each finding with its place in Markdown, HTML and DOCX files and exits 1', async () => {
			const md = write('notes.md', '# Session 1\n\nA parliamentarian from Bhutan said wages were withheld. She called for portability.\n');
			const html = write('page.html', '<h1>Session</h1><p>As <b>Lagi Faleolo</b> said, data matter.</p><p>The Wangmo Foundation hosted.</p>');
			const document = new Document({ sections: [{ children: [new Paragraph('Opening.'), new Paragraph('Write to karma@example.org for the slides.')] }] });
			const docx = write('report.docx', await Packer.toBuffer(document));
			const r = check(md, html, docx);
			expect(r.code).toBe(1);
			expect(r.stdout.split('\n').filter(Boolean)).toEqual([
				`${md}:3:1: BLOCK anonymity: "A parliamentarian from Bhutan said wages were withheld. She" fits 2 attendees (category parliamentarians, country BT, gender woman); at least 3 are needed so that nobody can be singled out.`,
				`${html}:3:4: BLOCK person: "Lagi Faleolo" names Lagi Faleolo, who spoke under the Chatham House Rule.`,
				`${html}:5:5: BLOCK person: "Wangmo" names Dechen Wangmo, who spoke under the Chatham House Rule.`, // her surname, inside the organization's name
				`${html}:5:5: warn  organization: "Wangmo Foundation" names the organization of a participant who spoke under the Chatham House Rule (Wangmo Foundation); check that it does not reveal who said what.`,
				`${docx}:3:10: BLOCK email: "karma@example.org" is the email address of Karma Choden.`,
				'3 files checked against 5 attendees (k = 3): 4 blocking, 1 warning.'
			]);
		});

		it('prints the findings as JSON with --json, with k from --k', () => {
			const r = check('--json', '--k', '4', write('k.txt', 'A Bhutanese MP said so.'));
			expect(r.code).toBe(1);
			const out = JSON.parse(r.stdout);
			expect(out).toMatchObject({ k: 4, attendees: 5, blocking: 2, warnings: 0 });
			expect(out.files[0].findings.map((f: { descriptor: object; matching: number; line: number }) => [f.descriptor, f.matching, f.line])).toEqual([
				[{ country: 'BT' }, 3, 1],
				[{ country: 'BT', category: 'parliamentarians' }, 3, 1]
			]);
		});

		it('refuses an attendees file with problems, row by row, and checks nothing (exit 2)', () => {
			const bad = write('bad.csv', 'name,attribution,country\nAna Lima,on record,Atlantis\n,maybe,NP\n');
			const r = convene(['privacy', 'check', '--attendees', bad, write('x.txt', 'Text.')]);
			expect(r.code).toBe(2);
			expect(r.stdout).toBe('');
			expect(r.stderr.split('\n').filter(Boolean)).toEqual([
				`convene: ${bad}: the attendees file has problems; nothing was checked.`,
				'  Row 2: unknown country "Atlantis" (give an ISO code such as NP, or a name).',
				'  Row 3: the name is empty.',
				'  Row 3: attribution must be "on-record" or "non-attributable", not "maybe".'
			]);
		});

		it('refuses a file format it cannot read', () => {
			const r = check(write('old.doc', 'binary'));
			expect(r.code).toBe(2);
			expect(r.stderr).toContain('.doc files cannot be read; save it as .docx, .html, .md or .txt');
		});
	});

	describe('attendance parse', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-attendance-'));
		const write = (name: string, text: string) => {
			const file = path.join(dir, name);
			fs.writeFileSync(file, text);
			return file;
		};
		it('prints one normalized row per person, rejoins summed, times read in the zone', () => {
			const file = write(
				'participants.csv',
				'\uFEFFName (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\nAna L (Ana Lima),ana@example.org,10/25/2026 09:59:01 AM,10/25/2026 10:40:00 AM,41,Yes\nAna L (Ana Lima),ana@example.org,10/25/2026 10:45:00 AM,10/25/2026 12:00:30 PM,76,Yes\n'
			);
			const r = convene(['attendance', 'parse', file, '--time-zone', 'Pacific/Apia', '--json']);
			expect(r.stderr).toBe('');
			expect(r.code).toBe(0);
			expect(JSON.parse(r.stdout)).toEqual({
				kind: 'meeting',
				topic: null,
				timeZone: 'Pacific/Apia',
				attendees: [
					{
						name: 'Ana Lima',
						displayName: 'Ana L',
						email: 'ana@example.org',
						totalMinutes: 117,
						firstJoin: '2026-10-24T20:59:01.000Z',
						lastLeave: '2026-10-24T23:00:30.000Z',
						sessions: [
							{ join: '2026-10-24T20:59:01.000Z', leave: '2026-10-24T21:40:00.000Z', minutes: 41 },
							{ join: '2026-10-24T21:45:00.000Z', leave: '2026-10-24T23:00:30.000Z', minutes: 76 }
						],
						role: 'participant',
						country: null
					}
				]
			});
		});
		it('refuses a malformed report with the line at fault (exit 1), and an unknown zone (exit 2)', () => {
			const bad = write('bad.csv', 'Name (Original Name),Join Time,Leave Time\nAna,soon,10/25/2026 10:40:00 AM\n');
			const r = convene(['attendance', 'parse', bad]);
			expect(r.code).toBe(1);
			expect(r.stderr).toContain('Line 2: join time "soon" is not a date and time.');
			expect(convene(['attendance', 'parse', bad, '--time-zone', 'Mars/Olympus']).code).toBe(2);
		});
	});
});
