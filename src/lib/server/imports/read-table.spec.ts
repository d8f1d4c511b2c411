// The table reader under hostile files: each is refused with the limit it broke, quickly, and
// without holding up other work (the event loop keeps turning while it reads).
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readCsv, readTable, readXlsx, TABLE_LIMITS, UnreadableFileError } from './read-table';

const CENTRAL = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
const LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

async function xlsx(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	fill(workbook.addWorksheet('People'));
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The longest pause of the event loop while `work` runs, in ms. */
async function longestPause(work: () => Promise<unknown>): Promise<number> {
	let longest = 0;
	let last = performance.now();
	const timer = setInterval(() => {
		const now = performance.now();
		longest = Math.max(longest, now - last);
		last = now;
	}, 5);
	try {
		await work().catch(() => undefined);
	} finally {
		clearInterval(timer);
	}
	return longest;
}

describe('reading an uploaded table', () => {
	it('reads an XLSX as Excel shows it: text, empty rows kept, rows as wide as the widest', async () => {
		const data = await xlsx((s) => {
			s.addRow(['Name', 'Email', 'Country']);
			s.addRow(['Ana Lima', 'ana@example.org']);
			s.getCell('A4').value = 'Mere Tane';
		});
		expect(await readXlsx(data)).toEqual([
			['Name', 'Email', 'Country'],
			['Ana Lima', 'ana@example.org', ''],
			['', '', ''],
			['Mere Tane', '', '']
		]);
	});

	it('refuses a spreadsheet whose only far cell is XFD1048576 in well under a second, without pausing other work', async () => {
		const data = await xlsx((s) => {
			s.getCell('A1').value = 'Name';
			s.getCell('XFD1048576').value = 'far';
		});
		expect(data.byteLength).toBeLessThan(10_000);
		const started = performance.now();
		await expect(readTable(data, 'bomb.xlsx')).rejects.toThrow(`at most ${TABLE_LIMITS.rows.toLocaleString('en-GB')} rows and ${TABLE_LIMITS.columns} columns`);
		expect(performance.now() - started).toBeLessThan(1000);
		expect(await longestPause(() => readTable(data, 'bomb.xlsx'))).toBeLessThan(100);
	});

	it('refuses too many columns in one row, and too many rows', async () => {
		const wide = await xlsx((s) => s.addRow(Array.from({ length: TABLE_LIMITS.columns + 1 }, (_, i) => `c${i}`)));
		await expect(readXlsx(wide)).rejects.toThrow(/at most .* columns/);
		const long = await xlsx((s) => {
			s.getCell(`A${TABLE_LIMITS.rows + 1}`).value = 'one too many';
		});
		await expect(readXlsx(long)).rejects.toThrow(/at most 20,000 rows/);
	});

	it('refuses a zip bomb by what it really unpacks to, not what its headers claim', async () => {
		const zip = new JSZip();
		const normal = await JSZip.loadAsync(await xlsx((s) => s.addRow(['Name'])));
		for (const [name, file] of Object.entries(normal.files)) if (!file.dir) zip.file(name, await file.async('uint8array'));
		// 24 MB of spaces inside a worksheet compress to about 24 KB; the test lowers the limit to 16 MB.
		zip.file('xl/worksheets/padding.xml', Buffer.alloc(24 * 1024 * 1024, 32), { compression: 'DEFLATE', compressionOptions: { level: 9 } });
		const bomb = Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
		expect(bomb.byteLength).toBeLessThan(200 * 1024);
		const limits = { ...TABLE_LIMITS, unzippedBytes: 16 * 1024 * 1024 };
		await expect(readXlsx(bomb, limits)).rejects.toThrow(/unpacks to more than 16 MB/);
		// The same file with headers that claim every part unpacks to 1 KB: counted as it unpacks.
		for (let at = bomb.indexOf(CENTRAL); at !== -1; at = bomb.indexOf(CENTRAL, at + 4)) bomb.writeUInt32LE(1024, at + 24);
		for (let at = bomb.indexOf(LOCAL); at !== -1; at = bomb.indexOf(LOCAL, at + 4)) bomb.writeUInt32LE(1024, at + 22);
		await expect(readXlsx(bomb, limits)).rejects.toThrow(/unpacks to more than 16 MB/);
	});

	it('refuses a cell longer than Excel allows, and a part that unpacks past its own limit', async () => {
		const long = await xlsx((s) => s.addRow(['Name', 'x'.repeat(TABLE_LIMITS.cellLength + 1)]));
		await expect(readXlsx(long)).rejects.toThrow('A cell (row 1, column 2) holds more than 32,767 characters');
		const wide = await xlsx((s) => {
			for (let r = 1; r <= 2000; r++) s.addRow([`Person ${r}`, `person${r}@example.org`, 'Thailand']);
		});
		await expect(readXlsx(wide, { ...TABLE_LIMITS, partBytes: 50_000 })).rejects.toThrow(/A part of the XLSX file \(xl\/.*\) unpacks to more than/);
	});

	it('refuses what is not a zip, and an empty workbook, with the reason', async () => {
		await expect(readTable(new TextEncoder().encode('Name,Email\n'), 'people.xlsx')).rejects.toThrow(/not a valid XLSX/);
		await expect(readTable(new Uint8Array(deflateRawSync(Buffer.from('x'))), 'people.xlsx')).rejects.toBeInstanceOf(UnreadableFileError);
		await expect(readTable(new Uint8Array(10), 'people.pdf')).rejects.toThrow(/neither a .csv nor an .xlsx/);
	});

	it('reads a CSV with semicolons (Excel in French) and refuses an endless line or too many rows', async () => {
		expect(await readCsv('\uFEFFname;email\nAna;ana@example.org\n')).toEqual([
			['name', 'email'],
			['Ana', 'ana@example.org']
		]);
		await expect(readCsv(`name\n${'x'.repeat(TABLE_LIMITS.lineLength + 10)}\n`)).rejects.toThrow(/longer than 100,000 characters/);
		await expect(readCsv('a\n'.repeat(TABLE_LIMITS.rows + 1))).rejects.toThrow(/at most 20,000 rows/);
		await expect(readCsv(`${Array.from({ length: TABLE_LIMITS.columns + 1 }, () => 'c').join(',')}\n`)).rejects.toThrow(/columns/);
	});

	it('reads a large CSV without pausing other work for 100 ms', async () => {
		const text = `name,email\n${Array.from({ length: 19_000 }, (_, i) => `Person ${i},p${i}@example.org`).join('\n')}`;
		expect(await longestPause(() => readCsv(text))).toBeLessThan(100);
	});
});
