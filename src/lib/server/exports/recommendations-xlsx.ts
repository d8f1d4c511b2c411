// The spreadsheet round-trip, going out: the process's recommendations as a workbook to edit in Excel.
import ExcelJS from 'exceljs';
import { STATUS_LABELS, SHEET_COLUMNS, addresseeLabel, type TrackedRecommendation } from '../../domain/follow-up/recommendations';
import { neutralizeCell } from '../../domain/spreadsheet-safety';

const STATUS_LIST = `"${Object.values(STATUS_LABELS).join(',')}"`;

/** The process's recommendations as a workbook to edit in Excel: one row each, status as a drop-down. */
export async function recommendationsXlsx(rows: readonly TrackedRecommendation[]): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Convene';
	const sheet = workbook.addWorksheet('Recommendations', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
	const header = [
		SHEET_COLUMNS.id,
		SHEET_COLUMNS.consultation,
		SHEET_COLUMNS.reference,
		SHEET_COLUMNS.text,
		SHEET_COLUMNS.addressees,
		SHEET_COLUMNS.objectives,
		SHEET_COLUMNS.status,
		SHEET_COLUMNS.followUpDate,
		SHEET_COLUMNS.followUpNote,
		SHEET_COLUMNS.evidence,
		SHEET_COLUMNS.latest
	];
	sheet.addRow(header).font = { bold: true };
	for (const r of rows) {
		const latest = r.followUps[0];
		sheet.addRow([
			r.id,
			neutralizeCell(r.consultationTitle),
			r.reference,
			neutralizeCell(r.text),
			r.addressees.map(addresseeLabel).join('; '),
			r.objectives.map((o) => o.number).join('; '),
			STATUS_LABELS[r.status],
			'',
			'',
			'',
			latest ? neutralizeCell(`${latest.happenedOn}: ${latest.note}`) : ''
		]);
	}
	const widths = [38, 30, 14, 60, 28, 12, 14, 14, 40, 30, 40];
	sheet.columns.forEach((column, i) => {
		column.width = widths[i];
		if ([3, 8, 10].includes(i)) column.alignment = { wrapText: true, vertical: 'top' };
	});
	for (let row = 2; row <= rows.length + 1; row++) {
		sheet.getCell(row, 7).dataValidation = { type: 'list', allowBlank: false, formulae: [STATUS_LIST], showErrorMessage: true, errorTitle: 'Status', error: `Choose one of ${Object.values(STATUS_LABELS).join(', ')}` };
		sheet.getCell(row, 8).numFmt = 'yyyy-mm-dd';
	}
	sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
