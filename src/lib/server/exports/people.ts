// People lists as CSV or XLSX. Every text cell is neutralized against formula injection.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { neutralizeCell } from '../../domain/spreadsheet-safety';
import type { DirectoryPerson } from '../queries/directory';
import { m } from '../../paraglide/messages';
import { genderLabel, statusLabel } from '../../format';
import { localizeReferenceData } from '../reference-names';

export const PEOPLE_COLUMNS: { header: string; value: (p: DirectoryPerson) => string }[] = [
	{ header: 'Name', value: (p) => p.name },
	{ header: 'Honorific', value: (p) => p.honorific ?? '' },
	{ header: 'Job title', value: (p) => p.jobTitle ?? '' },
	{ header: 'Email', value: (p) => p.email ?? '' },
	{ header: 'Phone', value: (p) => p.phone ?? '' },
	{ header: 'Organization', value: (p) => p.organizationName ?? '' },
	{ header: 'Country', value: (p) => p.countryName ?? '' },
	{ header: 'Country code', value: (p) => p.countryCode ?? '' },
	{ header: 'Stakeholder category', value: (p) => p.categoryLabel ?? '' },
	{ header: 'Gender', value: (p) => (p.gender === 'self-described' ? (p.genderSelfDescription ?? 'self-described') : (p.gender ?? '')) },
	{ header: 'Languages', value: (p) => p.languages.join(', ') },
	{ header: 'Consent to contact', value: (p) => (p.consentToContact ? 'yes' : 'no') },
	{ header: 'Consent to list', value: (p) => (p.consentToList ? 'yes' : 'no') }
];

function tableOf(people: DirectoryPerson[]): string[][] {
	return [PEOPLE_COLUMNS.map((c) => c.header), ...people.map((p) => PEOPLE_COLUMNS.map((c) => neutralizeCell(c.value(p))))];
}

/** UTF-8 with a byte-order mark, so that Excel shows non-Latin names correctly. */
export function peopleCsv(people: DirectoryPerson[]): Buffer {
	return Buffer.from('\uFEFF' + stringify(tableOf(people), { record_delimiter: '\r\n' }), 'utf8');
}

export async function peopleXlsx(people: DirectoryPerson[]): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Convene';
	const sheet = workbook.addWorksheet('People', { views: [{ state: 'frozen', ySplit: 1 }] });
	const [header, ...rows] = tableOf(people);
	sheet.addRow(header).font = { bold: true };
	// Values are written as strings (never formulas): exceljs stores them as shared strings.
	for (const row of rows) sheet.addRow(row);
	sheet.columns.forEach((column, i) => {
		column.width = Math.min(40, Math.max(10, header[i].length + 2));
	});
	sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A one-sheet workbook: bold frozen header, filters, every text cell neutralized; numbers stay numbers. */
export async function tableXlsx(sheetName: string, header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Convene';
	const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.addRow([...header]).font = { bold: true };
	for (const row of rows) sheet.addRow(row.map((v) => (typeof v === 'number' ? v : neutralizeCell(v ?? ''))));
	sheet.columns.forEach((column, i) => {
		column.width = Math.min(40, Math.max(12, header[i].length + 2));
	});
	sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The organizer's registration list as XLSX, in the organizer's language (headers, statuses,
 * genders, countries, subregions and groups); cells neutralized like every export.
 */
export function registrationsXlsx(rows: import('../queries/registrations').RegistrationListRow[], locale: string): Promise<Buffer> {
	const header = [m.xlsx_submitted_utc(), m.registrations_status(), m.field_name(), m.field_email(), m.field_organization(), m.field_country(), m.field_subregion(), m.field_category(), m.field_gender(), m.xlsx_languages(), m.register_interpretation(), m.register_accessibility()];
	return tableXlsx(
		m.xlsx_registrations_sheet(),
		header,
		localizeReferenceData(rows, locale).map((r) => [r.submittedAt.toISOString().replace('T', ' ').slice(0, 19), statusLabel(r.status), r.name, r.email, r.organization, r.country, r.subregion, r.category, r.gender ? genderLabel(r.gender) : '', r.languages.join(', '), r.interpretationNeeds, r.accessibilityNeeds])
	);
}
