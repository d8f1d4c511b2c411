// Why an uploaded table, an edited sheet, a row of the people import or a Zoom report was refused,
// and why a selection run failed, in the staff member's language: the readers and checks say what
// is wrong as data, and only this module words it.
import { m } from '../paraglide/messages';
import { getLocale, type Locale } from '../paraglide/runtime';
import { formatNumber, formatPercent } from '../format';
import { importFieldLabel } from '../format-staff';
import { STATUS_LABELS, ADDRESSEES, type SheetError, type SheetProblem } from '../domain/follow-up/recommendations';
import type { TableProblem } from './imports/read-table';
import type { ImportProblem, MappingProblem } from '../domain/people-import';
import type { ZoomProblem, ZoomRowIssue } from '../domain/attendance/zoom';
import type { RunFailure } from '../domain/selection/run-record';

const n = (value: number, locale: Locale) => formatNumber(value, locale);


const quoted = (names: readonly string[]) => names.map((c) => `“${c}”`).join(', ');
export function tableProblemText(p: TableProblem, locale: Locale = getLocale()): string {
	const o = { locale };
	switch (p.kind) {
		case 'too-large':
			return m.table_too_large({ rows: n(p.rows, locale), columns: n(p.columns, locale) }, o);
		case 'file-too-large':
			return m.table_file_too_large({ limit: n(p.limitMb, locale) }, o);
		case 'not-a-table':
			return m.table_not_a_table({ name: p.fileName }, o);
		case 'csv-line-too-long':
			return m.table_csv_line_too_long({ limit: n(p.limit, locale) }, o);
		case 'csv-unreadable':
			return m.table_csv_unreadable({ detail: p.detail }, o);
		case 'xlsx-not-a-zip':
			return m.table_xlsx_not_a_zip({}, o);
		case 'xlsx-too-many-parts':
			return m.table_xlsx_too_many_parts({ limit: n(p.limit, locale) }, o);
		case 'xlsx-unzips-too-large':
			return m.table_xlsx_unzips_too_large({ limit: n(p.limitMb, locale) }, o);
		case 'xlsx-part-too-large':
			return m.table_xlsx_part_too_large({ part: p.part, limit: n(p.limitMb, locale) }, o);
		case 'xlsx-unreadable':
			return m.table_xlsx_unreadable({ detail: p.detail }, o);
		case 'xlsx-too-slow':
			return m.table_xlsx_too_slow({ seconds: n(p.seconds, locale) }, o);
		case 'cell-too-long':
			return m.table_cell_too_long({ row: n(p.row, locale), column: p.column, limit: n(p.limit, locale) }, o);
		case 'no-worksheet':
			return m.table_no_worksheet({}, o);
	}
}

/** The sheet holds the English labels (as downloaded), so those are what it asks for. */
export function sheetProblemText(p: SheetProblem, locale: Locale = getLocale()): string {
	const o = { locale };
	switch (p.kind) {
		case 'not-a-status':
			return m.sheet_not_a_status({ value: p.value, statuses: Object.values(STATUS_LABELS).join(', ') }, o);
		case 'not-an-addressee':
			return m.sheet_not_an_addressee({ value: p.value, addressees: ADDRESSEES.map((a) => a.label).join('; ') }, o);
		case 'not-an-objective':
			return m.sheet_not_an_objective({ value: p.value, last: p.last }, o);
		case 'ambiguous-date':
			return m.sheet_ambiguous_date({ value: p.value }, o);
		case 'not-a-date':
			return m.sheet_not_a_date({ value: p.value }, o);
		case 'not-a-web-address':
			return m.sheet_not_a_web_address({ value: p.value }, o);
		case 'columns-missing':
			return m.sheet_columns_missing({ columns: quoted(p.columns) }, o);
		case 'unknown-recommendation':
			return m.sheet_unknown_recommendation({ value: p.value }, o);
		case 'no-recommendation-id':
			return m.sheet_no_recommendation_id({}, o);
		case 'repeated-row':
			return m.sheet_repeated_row({ row: p.row }, o);
		case 'follow-up-without-note':
			return m.sheet_follow_up_without_note({}, o);
		case 'follow-up-without-date':
			return m.sheet_follow_up_without_date({}, o);
		case 'not-an-organizer':
			return m.sheet_not_an_organizer({}, o);
		case 'public-log':
			return m.sheet_public_log({ explanation: p.explanation }, o);
	}
}

/** "Row 4, Status: “Finished” is not a status: …" */
export const sheetErrorText = (e: SheetError, locale: Locale = getLocale()) => m.staff_recs_sheet_row({ row: e.row, column: e.column, message: sheetProblemText(e.problem, locale) }, { locale });

/** A row of the people import that cannot be taken, as the problems table shows it. */
export function importProblemText(p: ImportProblem, locale: Locale = getLocale()): string {
	const o = { locale };
	switch (p.kind) {
		case 'missing':
			return m.import_problem_missing({}, o);
		case 'too-long':
			return m.import_problem_too_long({}, o);
		case 'invalid-email':
			return m.import_problem_invalid_email({ value: p.value }, o);
		case 'email-in-directory':
			return m.import_problem_email_in_directory({ value: p.value }, o);
		case 'email-repeated':
			return m.import_problem_email_repeated({ value: p.value, row: p.otherRow ?? '' }, o);
		case 'unknown-country':
			return m.import_problem_unknown_country({ value: p.value }, o);
		case 'unknown-category':
			return m.import_problem_unknown_category({ value: p.value }, o);
		case 'not-yes-or-no':
			return m.import_problem_not_yes_or_no({ value: p.value }, o);
	}
}

export function mappingProblemText(p: MappingProblem, locale: Locale = getLocale()): string {
	const o = { locale };
	switch (p.kind) {
		case 'required-unmapped':
			return m.import_mapping_required({}, o);
		case 'no-such-column':
			return m.import_mapping_no_such_column({ column: p.column ?? '', count: p.columnCount ?? '' }, o);
		case 'column-taken':
			return m.import_mapping_column_taken({ column: p.column ?? '', field: p.takenBy ? importFieldLabel(p.takenBy, locale) : '' }, o);
	}
}

/** A Zoom participant report that cannot be read, line by line. */
export function zoomProblemText(p: ZoomProblem, locale: Locale = getLocale()): string {
	const o = { locale };
	if (p.kind === 'no-participant-table') return m.zoom_no_participant_table({}, o);
	const issue = (i: ZoomRowIssue) =>
		i.kind === 'no-name'
			? m.zoom_no_name({}, o)
			: i.kind === 'bad-join'
				? m.zoom_bad_join({ value: i.value }, o)
				: i.kind === 'bad-leave'
					? m.zoom_bad_leave({ value: i.value }, o)
					: i.kind === 'leaves-before-joining'
						? m.zoom_leaves_before_joining({}, o)
						: m.zoom_bad_duration({ value: i.value }, o);
	return m.zoom_bad_line({ line: p.line, issues: p.issues.map(issue).join(m.zoom_issue_separator({}, o)) }, o);
}

/** Why a selection run failed; an unexpected error is shown as it was raised. */
export function runFailureText(f: RunFailure, locale: Locale = getLocale()): string {
	const o = { locale };
	switch (f.kind) {
		case 'cancelled':
			return m.selection_failure_cancelled({}, o);
		case 'time-limit': {
			const p = f.reached;
			const percent = (share: number) => formatPercent(share * 100, locale, 2);
			const reached = !p
				? m.selection_failure_not_started({}, o)
				: [
						p.panels !== undefined
							? m.selection_failure_reached_panels({ stage: p.stage, fixed: n(p.fixedClasses, locale), classes: n(p.classes, locale), panels: n(p.panels, locale) }, o)
							: m.selection_failure_reached({ stage: p.stage, fixed: n(p.fixedClasses, locale), classes: n(p.classes, locale) }, o),
						p.lowest !== undefined && p.bound !== undefined ? m.selection_failure_lowest({ lowest: percent(p.lowest), bound: percent(p.bound) }, o) : ''
					]
						.filter(Boolean)
						.join(' ');
			return m.selection_failure_time_limit({ seconds: n(f.seconds, locale), reached }, o);
		}
		case 'pool-changed':
			return m.selection_failure_pool_changed({}, o);
		case 'abandoned':
			return m.selection_failure_abandoned({ attempts: f.attempts }, o);
		case 'error':
			return f.message;
	}
}
