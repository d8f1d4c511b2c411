// Reads an uploaded CSV or XLSX file into rows of text, as the person sees them in Excel.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export type Table = string[][];

export class UnreadableFileError extends Error {}

export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

function detectDelimiter(firstLine: string): string {
	// Excel in French, German and other locales writes CSV with semicolons.
	const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
	return counts.sort((a, b) => b[1] - a[1])[0][1] > 0 ? counts[0][0] : ',';
}

export function readCsv(text: string): Table {
	const clean = text.replace(/^\uFEFF/, '');
	const firstLine = clean.slice(0, clean.search(/\r?\n|$/));
	try {
		return parse(clean, { delimiter: detectDelimiter(firstLine), relax_column_count: true, skip_empty_lines: false, bom: true }) as Table;
	} catch (error) {
		throw new UnreadableFileError(`The CSV file could not be read: ${(error as Error).message}`);
	}
}

export async function readXlsx(data: ArrayBuffer | Uint8Array): Promise<Table> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(data as ArrayBuffer);
	} catch (error) {
		throw new UnreadableFileError(`The XLSX file could not be read: ${(error as Error).message}`);
	}
	const sheet = workbook.worksheets[0];
	if (!sheet) throw new UnreadableFileError('The XLSX file has no worksheet');
	const rows: Table = [];
	const width = sheet.columnCount;
	sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
		const values: string[] = [];
		for (let c = 1; c <= width; c++) values.push(row.getCell(c).text ?? '');
		rows[rowNumber - 1] = values;
	});
	for (let i = 0; i < rows.length; i++) rows[i] ??= [];
	return rows;
}

export async function readTable(data: Uint8Array, fileName: string): Promise<Table> {
	if (data.byteLength > MAX_IMPORT_BYTES) throw new UnreadableFileError(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
	const lower = fileName.toLowerCase();
	if (lower.endsWith('.xlsx')) return readXlsx(data);
	if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(new TextDecoder('utf-8').decode(data));
	throw new UnreadableFileError(`"${fileName}" is neither a .csv nor an .xlsx file`);
}
