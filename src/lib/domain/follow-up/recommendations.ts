// Following up recommendations: who they are addressed to, their status, and the spreadsheet in
// which the secretariat updates many at once (an XLSX round-trip). Pure: no database here.

import { RECOMMENDATION_STATUSES } from '../enums';
import type { ConsultationId } from '../ids';

export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export const STATUS_LABELS: Record<RecommendationStatus, string> = {
	open: 'Open',
	'in-progress': 'In progress',
	implemented: 'Implemented',
	'no-action': 'No action'
};

/** The usual addressees of a regional review's recommendations, and the words that name them. */
export const ADDRESSEES = [
	{ id: 'governments', label: 'Governments', pattern: /\b(governments?|states?|member states|ministr(y|ies)|national authorities)\b/i },
	{ id: 'parliamentarians', label: 'Parliamentarians', pattern: /\b(parliaments?|parliamentarians?|legislat(ors?|ures?)|members of parliament)\b/i },
	{ id: 'inter-parliamentary-bodies', label: 'Inter-parliamentary bodies', pattern: /\b(inter-parliamentary|IPU)\b/i },
	{ id: 'local-authorities', label: 'Local authorities', pattern: /\b(local (governments?|authorities)|municipalit(y|ies)|cities)\b/i },
	{ id: 'the-network', label: 'The Network', pattern: /\b(the network|UN network|United Nations network)\b/i },
	{ id: 'un-system', label: 'United Nations system', pattern: /\b(United Nations (agencies|system|entities)|UN (agencies|system|entities))\b/i },
	{ id: 'regional-bodies', label: 'Regional bodies', pattern: /\b(regional (bodies|organizations|consultative processes|level)|ASEAN|SAARC|Pacific Islands Forum)\b/i },
	{ id: 'civil-society', label: 'Civil society', pattern: /\b(civil society|NGOs?|non-governmental)\b/i },
	{ id: 'employers', label: 'Employers and recruiters', pattern: /\b(employers?|recruit(ers|ment agencies)|private sector|businesses)\b/i },
	{ id: 'trade-unions', label: 'Trade unions', pattern: /\b(trade unions?|workers' organizations)\b/i }
] as const;

export type AddresseeId = (typeof ADDRESSEES)[number]['id'];

const norm = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLowerCase().replace(/\s+/g, ' ');

export function addresseeLabel(id: string): string {
	return ADDRESSEES.find((a) => a.id === id)?.label ?? id;
}

/** Addressees a recommendation's text names ("Governments should …"); the secretariat can correct them. */
export function suggestAddressees(text: string): AddresseeId[] {
	return ADDRESSEES.filter((a) => a.pattern.test(text)).map((a) => a.id);
}

/** "para. 14 (B)": how the secretariat cites a recommendation of a report. */
export function recommendationReference(paragraphNumber: number | null, letter: string | null): string {
	if (paragraphNumber === null) return letter ? `(${letter})` : '';
	return letter ? `para. ${paragraphNumber} (${letter})` : `para. ${paragraphNumber}`;
}

/** A tracked recommendation as pages and the open data show it. */
export interface TrackedRecommendation {
	id: string;
	consultationId: ConsultationId;
	consultationSlug: string;
	consultationTitle: string;
	timeZone: string;
	reportSlug: string | null;
	versionNumber: number | null;
	/** "para. 14 (B)", in English (the spreadsheet, open data); pages word it from the two below. */
	reference: string;
	paragraphNumber: number | null;
	listLetter: string | null;
	text: string;
	addressees: string[];
	status: RecommendationStatus;
	objectives: { id: string; number: number; shortTitle: string }[];
	/** A status change's entry also says which (its note is in English). */
	followUps: { id: string; happenedOn: string; note: string; evidenceUrl: string | null; statusChange: { from: RecommendationStatus; to: RecommendationStatus } | null }[];
	updatedAt: Date;
}

/** What is wrong with a cell or a row of the sheet (or a field of the form); pages word it. */
export type SheetProblem =
	| { kind: 'not-a-status'; value: string }
	| { kind: 'not-an-addressee'; value: string }
	| { kind: 'not-an-objective'; value: string; last: number }
	| { kind: 'ambiguous-date'; value: string }
	| { kind: 'not-a-date'; value: string }
	| { kind: 'not-a-web-address'; value: string }
	| { kind: 'columns-missing'; columns: string[] }
	| { kind: 'unknown-recommendation'; value: string }
	| { kind: 'no-recommendation-id' }
	| { kind: 'repeated-row'; row: number }
	| { kind: 'follow-up-without-note' }
	| { kind: 'follow-up-without-date' }
	| { kind: 'not-an-organizer' }
	| { kind: 'public-log'; explanation: string };

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: SheetProblem };

export function parseStatus(cell: string): Parsed<RecommendationStatus> {
	const n = norm(cell).replace(/[\s_]+/g, '-');
	const found = RECOMMENDATION_STATUSES.find((s) => s === n || norm(STATUS_LABELS[s]).replace(/\s+/g, '-') === n);
	if (found) return { ok: true, value: found };
	return { ok: false, problem: { kind: 'not-a-status', value: cell } };
}

/** "Governments; Parliamentarians" (labels or ids, separated by ; or ,). Empty means none. */
export function parseAddressees(cell: string): Parsed<AddresseeId[]> {
	const parts = cell.split(/[;,\n]/).map((p) => p.trim()).filter(Boolean);
	const ids: AddresseeId[] = [];
	for (const part of parts) {
		const n = norm(part);
		const found = ADDRESSEES.find((a) => a.id === n || norm(a.label) === n || norm(a.label).replace(/^the /, '') === n.replace(/^the /, ''));
		if (!found) return { ok: false, problem: { kind: 'not-an-addressee', value: part } };
		if (!ids.includes(found.id)) ids.push(found.id);
	}
	return { ok: true, value: ids };
}

/** "3; 7" or "Objective 3, objective 7": objective numbers, each between 1 and the framework's last. */
export function parseObjectiveNumbers(cell: string, last: number): Parsed<number[]> {
	const parts = cell.split(/[;,\n]/).map((p) => p.trim()).filter(Boolean);
	const numbers: number[] = [];
	for (const part of parts) {
		const m = /^(?:objective\s*|obj\.?\s*|#)?(\d{1,3})$/i.exec(part);
		const n = m ? Number(m[1]) : NaN;
		if (!Number.isInteger(n) || n < 1 || n > last) return { ok: false, problem: { kind: 'not-an-objective', value: part, last } };
		if (!numbers.includes(n)) numbers.push(n);
	}
	return { ok: true, value: numbers.sort((a, b) => a - b) };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoDate(y: number, mo: number, d: number): string | null {
	const date = new Date(Date.UTC(y, mo - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
	return date.toISOString().slice(0, 10);
}

/**
 * A date as staff type it in Excel: 2026-11-23, 23/11/2026 (day first, as in the region), 23 November
 * 2026, or a date cell (which the spreadsheet reader gives as JavaScript's date text, in UTC).
 * 11/05/2026 is refused as ambiguous only when both readings are dates and the sheet cannot tell.
 */
export function parseSheetDate(cell: string): Parsed<string> {
	const s = cell.trim();
	let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
	let value: string | null = null;
	if (m) value = isoDate(+m[1], +m[2], +m[3]);
	else if ((m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s))) {
		const [d, mo] = [+m[1], +m[2]];
		if (d <= 12 && mo <= 12 && d !== mo) return { ok: false, problem: { kind: 'ambiguous-date', value: s } };
		value = isoDate(+m[3], mo > 12 ? d : mo, mo > 12 ? mo : d);
	} else if ((m = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/i.exec(s))) {
		const month = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase());
		value = month >= 0 ? isoDate(+m[3], month + 1, +m[1]) : null;
	} else if (/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{4} /.test(s) && !Number.isNaN(Date.parse(s))) {
		// exceljs reads a date cell as a Date at midnight UTC and shows it with Date#toString.
		const date = new Date(Date.parse(s));
		value = isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
	}
	return value ? { ok: true, value } : { ok: false, problem: { kind: 'not-a-date', value: s } };
}

export function parseEvidenceUrl(cell: string): Parsed<string | null> {
	const s = cell.trim();
	if (!s) return { ok: true, value: null };
	try {
		const url = new URL(s);
		if (url.protocol === 'https:' || url.protocol === 'http:') return { ok: true, value: url.toString() };
	} catch {
		// reported below
	}
	return { ok: false, problem: { kind: 'not-a-web-address', value: s } };
}

// ---------------------------------------------------------------------------------------------
// The spreadsheet
// ---------------------------------------------------------------------------------------------

export const SHEET_COLUMNS = {
	id: 'Recommendation ID',
	consultation: 'Consultation',
	reference: 'Reference',
	text: 'Recommendation',
	addressees: 'Addressees',
	objectives: 'Objectives',
	status: 'Status',
	followUpDate: 'Follow-up date',
	followUpNote: 'Follow-up note',
	evidence: 'Evidence link',
	latest: 'Latest follow-up (for reading)'
} as const;

export interface CurrentRecommendation {
	id: string;
	status: RecommendationStatus;
	addressees: readonly string[];
	objectiveNumbers: readonly number[];
}

export interface SheetChange {
	id: string;
	row: number; // spreadsheet row number, as Excel shows it
	status?: RecommendationStatus;
	addressees?: AddresseeId[];
	objectiveNumbers?: number[];
	followUp?: { happenedOn: string; note: string; evidenceUrl: string | null };
}

export interface SheetError {
	row: number;
	column: string;
	problem: SheetProblem;
}

export type SheetPlan = { ok: true; changes: SheetChange[]; unchanged: number } | { ok: false; errors: SheetError[] };

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
	const [x, y] = [[...a].sort(), [...b].sort()];
	return x.length === y.length && x.every((v, i) => v === y[i]);
}

/**
 * Reads the sheet back: every error is reported (row and column) and then nothing is applied; rows
 * left as exported are unchanged. Text and reference columns are for reading: the report is the
 * source of a recommendation's words.
 */
export function planSheet(table: readonly (readonly string[])[], current: ReadonlyMap<string, CurrentRecommendation>, lastObjective: number): SheetPlan {
	const errors: SheetError[] = [];
	const header = (table[0] ?? []).map((h) => norm(h));
	const col = (name: string) => header.indexOf(norm(name));
	const idCol = col(SHEET_COLUMNS.id);
	const statusCol = col(SHEET_COLUMNS.status);
	if (idCol < 0 || statusCol < 0) {
		const missing = [idCol < 0 ? SHEET_COLUMNS.id : null, statusCol < 0 ? SHEET_COLUMNS.status : null].filter((c) => c !== null);
		return { ok: false, errors: [{ row: 1, column: missing.join(', '), problem: { kind: 'columns-missing', columns: missing } }] };
	}
	const [addrCol, objCol, dateCol, noteCol, urlCol] = [SHEET_COLUMNS.addressees, SHEET_COLUMNS.objectives, SHEET_COLUMNS.followUpDate, SHEET_COLUMNS.followUpNote, SHEET_COLUMNS.evidence].map(col);
	const changes: SheetChange[] = [];
	const seen = new Map<string, number>();
	let unchanged = 0;
	for (let r = 1; r < table.length; r++) {
		const row = table[r] ?? [];
		const cell = (c: number) => (c >= 0 ? (row[c] ?? '').trim() : '');
		if (row.every((v) => !v?.trim())) continue;
		const rowNumber = r + 1;
		const fail = (column: string, problem: SheetProblem) => errors.push({ row: rowNumber, column, problem });
		const id = cell(idCol).toLowerCase();
		const before = current.get(id);
		if (!before) {
			fail(SHEET_COLUMNS.id, id ? { kind: 'unknown-recommendation', value: cell(idCol) } : { kind: 'no-recommendation-id' });
			continue;
		}
		if (seen.has(id)) {
			fail(SHEET_COLUMNS.id, { kind: 'repeated-row', row: seen.get(id)! });
			continue;
		}
		seen.set(id, rowNumber);
		const change: SheetChange = { id, row: rowNumber };
		const status = parseStatus(cell(statusCol));
		if (!status.ok) fail(SHEET_COLUMNS.status, status.problem);
		else if (status.value !== before.status) change.status = status.value;
		if (addrCol >= 0) {
			const addressees = parseAddressees(cell(addrCol));
			if (!addressees.ok) fail(SHEET_COLUMNS.addressees, addressees.problem);
			else if (!sameList(addressees.value, before.addressees)) change.addressees = addressees.value;
		}
		if (objCol >= 0) {
			const numbers = parseObjectiveNumbers(cell(objCol), lastObjective);
			if (!numbers.ok) fail(SHEET_COLUMNS.objectives, numbers.problem);
			else if (!sameList(numbers.value, before.objectiveNumbers)) change.objectiveNumbers = numbers.value;
		}
		const [dateText, note, urlText] = [cell(dateCol), cell(noteCol), cell(urlCol)];
		if (dateText || note || urlText) {
			if (!note) fail(SHEET_COLUMNS.followUpNote, { kind: 'follow-up-without-note' });
			const date: Parsed<string> = dateText ? parseSheetDate(dateText) : { ok: false, problem: { kind: 'follow-up-without-date' } };
			if (!date.ok) fail(SHEET_COLUMNS.followUpDate, date.problem);
			const url = parseEvidenceUrl(urlText);
			if (!url.ok) fail(SHEET_COLUMNS.evidence, url.problem);
			if (note && date.ok && url.ok) change.followUp = { happenedOn: date.value, note, evidenceUrl: url.value };
		}
		if (change.status || change.addressees || change.objectiveNumbers || change.followUp) changes.push(change);
		else unchanged++;
	}
	return errors.length ? { ok: false, errors } : { ok: true, changes, unchanged };
}
