// Reads an uploaded CSV or XLSX file into rows of text, as the person sees them in Excel, under
// limits checked before anything large is built: one small hostile file (a far cell at
// XFD1048576, a zip bomb, a million empty rows, one endless line) is refused with the limit it
// broke, and parsing streams in chunks so that other requests keep being served meanwhile.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { unzipBounded, ZipRefusedError, type ZipLimits } from './bounded-zip';

export type Table = string[][];

/** Why a table was refused, for each reader's language (the message is the English wording). */
export type TableProblem =
	| { kind: 'too-large'; rows: number; columns: number }
	| { kind: 'file-too-large'; limitMb: number }
	| { kind: 'not-a-table'; fileName: string }
	| { kind: 'csv-line-too-long'; limit: number }
	| { kind: 'csv-unreadable'; detail: string }
	| { kind: 'xlsx-not-a-zip' }
	| { kind: 'xlsx-too-many-parts'; limit: number }
	| { kind: 'xlsx-unzips-too-large'; limitMb: number }
	| { kind: 'xlsx-part-too-large'; part: string; limitMb: number }
	| { kind: 'xlsx-unreadable'; detail: string }
	| { kind: 'xlsx-too-slow'; seconds: number }
	| { kind: 'cell-too-long'; row: number; column: number; limit: number }
	| { kind: 'no-worksheet' };

const fmt = (n: number) => n.toLocaleString('en-GB');

function englishOf(p: TableProblem): string {
	switch (p.kind) {
		case 'too-large':
			return `The table is too large: at most ${fmt(p.rows)} rows and ${fmt(p.columns)} columns`;
		case 'file-too-large':
			return `The file is larger than ${p.limitMb} MB`;
		case 'not-a-table':
			return `"${p.fileName}" is neither a .csv nor an .xlsx file`;
		case 'csv-line-too-long':
			return `A line of the CSV file is longer than ${fmt(p.limit)} characters`;
		case 'csv-unreadable':
			return `The CSV file could not be read: ${p.detail}`;
		case 'xlsx-not-a-zip':
			return 'The XLSX file could not be read: it is not a valid XLSX (zip) file';
		case 'xlsx-too-many-parts':
			return `The XLSX file holds more than ${fmt(p.limit)} parts`;
		case 'xlsx-unzips-too-large':
			return `The XLSX file unpacks to more than ${fmt(p.limitMb)} MB`;
		case 'xlsx-part-too-large':
			return `A part of the XLSX file (${p.part}) unpacks to more than ${fmt(p.limitMb)} MB`;
		case 'xlsx-unreadable':
			return `The XLSX file could not be read: ${p.detail}`;
		case 'xlsx-too-slow':
			return `The XLSX file took longer than ${p.seconds} s to read`;
		case 'cell-too-long':
			return `A cell (row ${fmt(p.row)}, column ${p.column}) holds more than ${fmt(p.limit)} characters`;
		case 'no-worksheet':
			return 'The XLSX file has no worksheet';
	}
}

export class UnreadableFileError extends Error {
	constructor(public readonly problem: TableProblem) {
		super(englishOf(problem));
	}
}

/** The limits of an uploaded table, named in the errors. */
export interface TableLimits extends ZipLimits {
	bytes: number;
	rows: number;
	columns: number;
	lineLength: number;
	/** One cell's text, as Excel itself allows. */
	cellLength: number;
	time: number;
}

export const TABLE_LIMITS: TableLimits = {
	bytes: 25 * 1024 * 1024,
	rows: 20_000,
	columns: 50,
	/** One CSV line (a record), in characters. */
	lineLength: 100_000,
	/** Everything inside an XLSX (a zip), decompressed. */
	unzippedBytes: 200 * 1024 * 1024,
	/** One part of an XLSX (a worksheet, the shared strings), decompressed. */
	partBytes: 64 * 1024 * 1024,
	cellLength: 32_767,
	zipEntries: 500,
	/** Reading one file, in milliseconds. */
	time: 30_000
};

export const MAX_IMPORT_BYTES = TABLE_LIMITS.bytes;

const tooBig = (limits: TableLimits) => new UnreadableFileError({ kind: 'too-large', rows: limits.rows, columns: limits.columns });

function detectDelimiter(firstLine: string): string {
	// Excel in French, German and other locales writes CSV with semicolons.
	const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
	return counts.sort((a, b) => b[1] - a[1])[0][1] > 0 ? counts[0][0] : ',';
}

/** The text in chunks, so that a parser fed with them yields to other requests between chunks. */
function chunksOf(text: string, size = 64 * 1024): Readable {
	let at = 0;
	return new Readable({
		read() {
			if (at >= text.length) this.push(null);
			else {
				this.push(text.slice(at, at + size));
				at += size;
			}
		}
	});
}

export async function readCsv(text: string, limits: TableLimits = TABLE_LIMITS): Promise<Table> {
	const clean = text.replace(/^\uFEFF/, '');
	const lineEnd = clean.search(/\r?\n/);
	const firstLine = clean.slice(0, lineEnd === -1 ? Math.min(clean.length, limits.lineLength) : Math.min(lineEnd, limits.lineLength));
	const rows: Table = [];
	const parser = parse({ delimiter: detectDelimiter(firstLine), relax_column_count: true, skip_empty_lines: false, bom: true, max_record_size: limits.lineLength });
	try {
		for await (const record of chunksOf(clean).pipe(parser) as AsyncIterable<string[]>) {
			if (rows.length >= limits.rows || record.length > limits.columns) {
				parser.destroy();
				throw tooBig(limits);
			}
			rows.push(record);
		}
	} catch (error) {
		if (error instanceof UnreadableFileError) throw error;
		const e = error as { code?: string; message: string };
		if (e.code === 'CSV_MAX_RECORD_SIZE') throw new UnreadableFileError({ kind: 'csv-line-too-long', limit: limits.lineLength });
		throw new UnreadableFileError({ kind: 'csv-unreadable', detail: e.message });
	}
	return rows;
}

/** A zip bomb (or a broken zip) is refused before the spreadsheet reader sees it. */
async function checkZip(data: Uint8Array, limits: TableLimits): Promise<void> {
	try {
		await unzipBounded(data, limits);
	} catch (error) {
		if (!(error instanceof ZipRefusedError)) throw error;
		const r = error.refusal;
		if (r.problem === 'not-a-zip') throw new UnreadableFileError({ kind: 'xlsx-not-a-zip' });
		if (r.problem === 'too-many-parts') throw new UnreadableFileError({ kind: 'xlsx-too-many-parts', limit: r.limit });
		if (r.problem === 'unzips-too-large') throw new UnreadableFileError({ kind: 'xlsx-unzips-too-large', limitMb: r.limitMb });
		if (r.problem === 'part-too-large') throw new UnreadableFileError({ kind: 'xlsx-part-too-large', part: r.part, limitMb: r.limitMb });
		throw new UnreadableFileError({ kind: 'xlsx-unreadable', detail: r.detail });
	}
}

export async function readXlsx(data: ArrayBuffer | Uint8Array, limits: TableLimits = TABLE_LIMITS): Promise<Table> {
	const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
	const started = Date.now();
	await checkZip(bytes, limits);
	const rows: Table = [];
	let width = 0;
	const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
		sharedStrings: 'cache',
		styles: 'cache',
		hyperlinks: 'ignore',
		worksheets: 'emit',
		entries: 'ignore'
	});
	let sheets = 0;
	try {
		for await (const sheet of reader) {
			sheets++;
			for await (const row of sheet) {
				// The far cell is refused as soon as its row is read: nothing of its size is built.
				if (row.number > limits.rows || row.cellCount > limits.columns) throw tooBig(limits);
				if (Date.now() - started > limits.time) throw new UnreadableFileError({ kind: 'xlsx-too-slow', seconds: limits.time / 1000 });
				const values: string[] = [];
				for (let c = 1; c <= row.cellCount; c++) {
					const text = row.getCell(c).text ?? '';
					if (text.length > limits.cellLength) throw new UnreadableFileError({ kind: 'cell-too-long', row: row.number, column: c, limit: limits.cellLength });
					values.push(text);
				}
				rows[row.number - 1] = values;
				width = Math.max(width, values.length);
			}
			break; // the first worksheet only
		}
	} catch (error) {
		if (error instanceof UnreadableFileError) throw error;
		throw new UnreadableFileError({ kind: 'xlsx-unreadable', detail: (error as Error).message });
	}
	if (!sheets) throw new UnreadableFileError({ kind: 'no-worksheet' });
	// As Excel shows it: every row as wide as the widest, empty rows kept.
	for (let i = 0; i < rows.length; i++) {
		const row = (rows[i] ??= []);
		while (row.length < width) row.push('');
	}
	return rows;
}

export async function readTable(data: Uint8Array, fileName: string): Promise<Table> {
	if (data.byteLength > TABLE_LIMITS.bytes) throw new UnreadableFileError({ kind: 'file-too-large', limitMb: TABLE_LIMITS.bytes / 1024 / 1024 });
	const lower = fileName.toLowerCase();
	if (lower.endsWith('.xlsx')) return readXlsx(data);
	if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(new TextDecoder('utf-8').decode(data));
	throw new UnreadableFileError({ kind: 'not-a-table', fileName });
}
