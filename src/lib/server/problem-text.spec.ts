import { describe, expect, it } from 'vitest';
import { importProblemText, mappingProblemText, runFailureText, sheetErrorText, sheetProblemText, tableProblemText, zoomProblemText } from './problem-text';
import { englishFailure, type RunFailure } from '../domain/selection/run-record';
import { parseZoomReport, ZoomReportError } from '../domain/attendance/zoom';
import { checkMapping, validatePeopleImport, type ImportProblem, type MappingProblem } from '../domain/people-import';
import { locales } from '$lib/paraglide/runtime';
import type { TableProblem } from './imports/read-table';
import type { SheetProblem } from '../domain/follow-up/recommendations';

// One of each kind: the Record type fails to compile when a kind is added without a sample here.
const TABLE: Record<TableProblem['kind'], TableProblem> = {
	'too-large': { kind: 'too-large', rows: 20_000, columns: 50 },
	'file-too-large': { kind: 'file-too-large', limitMb: 25 },
	'not-a-table': { kind: 'not-a-table', fileName: 'notes.pdf' },
	'csv-line-too-long': { kind: 'csv-line-too-long', limit: 100_000 },
	'csv-unreadable': { kind: 'csv-unreadable', detail: 'Invalid Closing Quote' },
	'xlsx-not-a-zip': { kind: 'xlsx-not-a-zip' },
	'xlsx-too-many-parts': { kind: 'xlsx-too-many-parts', limit: 500 },
	'xlsx-unzips-too-large': { kind: 'xlsx-unzips-too-large', limitMb: 200 },
	'xlsx-part-too-large': { kind: 'xlsx-part-too-large', part: 'xl/worksheets/sheet1.xml', limitMb: 64 },
	'xlsx-unreadable': { kind: 'xlsx-unreadable', detail: 'end of central directory' },
	'xlsx-too-slow': { kind: 'xlsx-too-slow', seconds: 30 },
	'cell-too-long': { kind: 'cell-too-long', row: 12_345, column: 3, limit: 32_767 },
	'no-worksheet': { kind: 'no-worksheet' }
};
const SHEET: Record<SheetProblem['kind'], SheetProblem> = {
	'not-a-status': { kind: 'not-a-status', value: 'Finished' },
	'not-an-addressee': { kind: 'not-an-addressee', value: 'Martians' },
	'not-an-objective': { kind: 'not-an-objective', value: '24', last: 23 },
	'ambiguous-date': { kind: 'ambiguous-date', value: '05/11/2026' },
	'not-a-date': { kind: 'not-a-date', value: 'next week' },
	'not-a-web-address': { kind: 'not-a-web-address', value: 'ftp://x' },
	'columns-missing': { kind: 'columns-missing', columns: ['Recommendation ID', 'Status'] },
	'unknown-recommendation': { kind: 'unknown-recommendation', value: 'r-404' },
	'no-recommendation-id': { kind: 'no-recommendation-id' },
	'repeated-row': { kind: 'repeated-row', row: 7 },
	'follow-up-without-note': { kind: 'follow-up-without-note' },
	'follow-up-without-date': { kind: 'follow-up-without-date' },
	'not-an-organizer': { kind: 'not-an-organizer' },
	'public-log': { kind: 'public-log', explanation: '"Ms X" names a participant.' }
};

const ROW: Record<ImportProblem['kind'], ImportProblem> = {
	missing: { row: 2, field: 'name', value: '', kind: 'missing', reason: '' },
	'too-long': { row: 2, field: 'name', value: 'A very long name', kind: 'too-long', reason: '' },
	'invalid-email': { row: 3, field: 'email', value: 'broken', kind: 'invalid-email', reason: '' },
	'email-in-directory': { row: 4, field: 'email', value: 'known@example.org', kind: 'email-in-directory', reason: '' },
	'email-repeated': { row: 5, field: 'email', value: 'twice@example.org', kind: 'email-repeated', otherRow: 2, reason: '' },
	'unknown-country': { row: 6, field: 'country', value: 'Atlantis', kind: 'unknown-country', reason: '' },
	'unknown-category': { row: 7, field: 'category', value: 'Martians', kind: 'unknown-category', reason: '' },
	'not-yes-or-no': { row: 8, field: 'consentToList', value: 'maybe', kind: 'not-yes-or-no', reason: '' }
};
const MAPPING: Record<MappingProblem['kind'], MappingProblem> = {
	'required-unmapped': { field: 'email', kind: 'required-unmapped', reason: '' },
	'no-such-column': { field: 'email', kind: 'no-such-column', column: 6, columnCount: 3, reason: '' },
	'column-taken': { field: 'email', kind: 'column-taken', column: 1, takenBy: 'name', reason: '' }
};

/** The values a problem carries that its wording must repeat (file names, cells, rows). */
const carried = (p: object) => Object.entries(p).filter(([k, v]) => k !== 'kind' && typeof v === 'string').map(([, v]) => v as string);

describe('a refused table or sheet, in each language', () => {
	it.each(Object.values(TABLE).map((p) => [p.kind, p] as const))('words the table problem %s in every language, the file’s own words kept', (_, p) => {
		const english = tableProblemText(p, 'en');
		for (const locale of locales) {
			const text = tableProblemText(p, locale);
			expect(text).not.toMatch(/[{}]/);
			for (const value of carried(p)) expect(text).toContain(value);
			if (locale !== 'en') expect(text).not.toBe(english);
		}
	});

	it.each(Object.values(SHEET).map((p) => [p.kind, p] as const))('words the sheet problem %s in every language', (_, p) => {
		const english = sheetProblemText(p, 'en');
		for (const locale of locales) {
			const text = sheetProblemText(p, locale);
			expect(text).not.toMatch(/[{}]/);
			for (const value of carried(p)) expect(text).toContain(value);
			if (locale !== 'en') expect(text).not.toBe(english);
		}
	});

	it('writes limits as the reader writes numbers', () => {
		expect(tableProblemText(TABLE['too-large'], 'en')).toBe('The table is too large: at most 20,000 rows and 50 columns');
		expect(tableProblemText(TABLE['too-large'], 'fr')).toBe('Le tableau est trop grand : 20\u202f000 lignes et 50 colonnes au plus');
		expect(tableProblemText(TABLE['cell-too-long'], 'ru')).toContain('12\u00a0345');
	});

	it('names the row and the column of a sheet’s error, and lists the English labels the sheet holds', () => {
		expect(sheetErrorText({ row: 4, column: 'Status', problem: SHEET['not-a-status'] }, 'fr')).toBe(
			'Ligne 4, Status : « Finished » n’est pas un statut : écrivez l’un de ceux-ci : Open, In progress, Implemented, No action'
		);
		expect(sheetProblemText(SHEET['columns-missing'], 'zh')).toContain('“Recommendation ID”, “Status”');
	});

	it.each([...Object.values(ROW), ...Object.values(MAPPING)].map((p) => [p.kind, p] as const))('words the people import problem %s in every language', (_, p) => {
		const text = (locale: (typeof locales)[number]) => ('row' in p ? importProblemText(p, locale) : mappingProblemText(p, locale));
		for (const locale of locales) {
			expect(text(locale)).not.toMatch(/[{}]/);
			if ('row' in p && p.value && p.kind !== 'too-long') expect(text(locale)).toContain(p.value);
			if (locale !== 'en') expect(text(locale)).not.toBe(text('en'));
		}
		expect(mappingProblemText(MAPPING['column-taken'], 'fr')).toBe('La colonne 1 est déjà associée à « Nom »');
		expect(importProblemText(ROW['email-repeated'], 'zh')).toBe('重复：“twice@example.org”也在第2行');
	});

	it('words every problem the people import really finds (the checks give each a kind)', () => {
		const rows = [['Name', 'Email', 'Country', 'Consent to list'], ['', 'broken', 'Atlantis', 'maybe']];
		const found = validatePeopleImport(rows, { name: 0, email: 1, country: 2, consentToList: 3 }, { countries: [], categories: [], organizations: [], existingEmails: new Set() }).problems;
		expect(found.map((p) => importProblemText(p, 'en'))).toEqual(['Missing', '“broken” is not an email address', 'Unknown country “Atlantis” (write an ISO code such as NP, or the name)', '“maybe” is not yes or no']);
		expect(checkMapping({ email: 0, name: 0 }, 1).map((p) => mappingProblemText(p, 'ru'))).toEqual(['Столбец 1 уже сопоставлен полю «Имя»']);
	});

	it('words a Zoom report’s bad lines in every language, with the English wording kept for the CLI', () => {
		const bad = [
			['Name (Original Name)', 'User Email', 'Join Time', 'Leave Time', 'Duration (Minutes)'],
			['Ana Lima', 'ana@example.org', 'yesterday', '10/25/2026 10:40:00 AM', '41'],
			['', 'x@example.org', '10/25/2026 10:40:00 AM', '10/25/2026 10:30:00 AM', 'ten']
		];
		let error: ZoomReportError | undefined;
		try {
			parseZoomReport(bad, 'Asia/Bangkok');
		} catch (e) {
			error = e as ZoomReportError;
		}
		expect(error!.problems).toEqual(['Line 2: join time "yesterday" is not a date and time.', 'Line 3: no name; leaves before joining; duration "ten" is not a number of minutes.']);
		expect(error!.found.map((p) => zoomProblemText(p, 'en'))).toEqual(['Line 2: join time “yesterday” is not a date and time.', 'Line 3: no name; leaves before joining; duration “ten” is not a number of minutes.']);
		expect(zoomProblemText(error!.found[1], 'fr')).toBe('Ligne 3 : pas de nom ; part avant d’arriver ; la durée « ten » n’est pas un nombre de minutes.');
		expect(zoomProblemText(error!.found[0], 'zh')).toBe('第2行：加入时间“yesterday”不是日期和时间。');
		for (const locale of locales) expect(zoomProblemText({ kind: 'no-participant-table' }, locale)).toContain('Join Time');
	});

	it('says why a selection run failed in every language, with what a stopped run had reached', () => {
		const reached = { stage: 3, fixedClasses: 120, classes: 1621, panelSearches: 40, iterations: 41, panels: 2048, lowest: 0.0631, bound: 0.0637 };
		const failures: RunFailure[] = [
			{ kind: 'cancelled' },
			{ kind: 'time-limit', seconds: 600, reached },
			{ kind: 'time-limit', seconds: 600, reached: null },
			{ kind: 'pool-changed' },
			{ kind: 'abandoned', attempts: 4 }
		];
		for (const f of failures) {
			for (const locale of locales) {
				expect(runFailureText(f, locale)).not.toMatch(/[{}]/);
				if (locale !== 'en') expect(runFailureText(f, locale)).not.toBe(runFailureText(f, 'en'));
			}
		}
		// The page's English is the English stored with the run, typography aside.
		expect(runFailureText(failures[1], 'en')).toBe(
			'The selection was stopped at its time limit of 600 s. It had reached stage 3, with 120 of 1,621 classes settled and 2,048 panels found. The lowest probability was 6.31% (at most 6.37% in this stage). No registration was changed. Raise CONVENE_SELECTION_TIME_LIMIT, or loosen the quotas, and run it again.'
		);
		expect(englishFailure(failures[1])).toContain('with 120 of 1621 classes settled and 2048 panels found; the lowest probability was 6.31 % (at most 6.37 % in this stage).');
		expect(runFailureText(failures[1], 'fr')).toContain('avec 120 classes réglées sur 1\u202f621 et 2\u202f048 panels trouvés. La probabilité la plus basse était de 6,31\u00a0% (au plus 6,37\u00a0% à cette étape).');
		expect(runFailureText({ kind: 'error', message: 'HiGHS: out of memory' }, 'zh')).toBe('HiGHS: out of memory');
	});
});
