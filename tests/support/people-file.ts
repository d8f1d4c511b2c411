// Generates people files for import tests and benchmarks: fictional names, example.org emails.
import ExcelJS from 'exceljs';

export const PEOPLE_HEADER = ['Name', 'Email', 'Organization', 'Country', 'Stakeholder category', 'Gender', 'Languages', 'Consent to contact'];
const COUNTRIES = ['TH', 'Philippines', 'Viet Nam', 'Nepal', 'FJ', 'Kazakhstan', 'Mongolia', 'Bangladesh', 'Samoa', 'Indonesia'];
const CATEGORIES = ['Civil society', 'Trade unions', 'Migrants', 'Academia', 'Private sector', 'Parliamentarians', 'Media', 'NGO'];
const GENDERS = ['Woman', 'Man', 'F', 'M', 'Non-binary', '', 'Prefer not to say'];

export type BadKind = 'email' | 'country' | 'category' | 'duplicate';

/** Rows of a people file; `bad` maps row indexes (1-based data rows) to the one defect they carry. */
export function makePeopleRows(count: number, tag: string, bad: Map<number, BadKind> = new Map()): string[][] {
	const rows = [PEOPLE_HEADER];
	for (let i = 1; i <= count; i++) {
		const kind = bad.get(i);
		const email = kind === 'email' ? `person ${i} at example.org` : kind === 'duplicate' ? `p1-${tag}@example.org` : `p${i}-${tag}@example.org`;
		rows.push([
			`Imported Person ${i} ${tag}`,
			email,
			`Imported Organization ${i % 300} ${tag}`,
			kind === 'country' ? 'Atlantis' : COUNTRIES[i % COUNTRIES.length],
			kind === 'category' ? 'Space agencies' : CATEGORIES[i % CATEGORIES.length],
			GENDERS[i % GENDERS.length],
			i % 3 === 0 ? 'en, fr' : 'en',
			i % 2 === 0 ? 'yes' : 'no'
		]);
	}
	return rows;
}

export async function toXlsx(rows: string[][]): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Network');
	for (const row of rows) sheet.addRow(row);
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** 20 defective rows spread through the file: five of each kind. */
export function twentyBadRows(count: number): Map<number, BadKind> {
	const kinds: BadKind[] = ['email', 'country', 'category', 'duplicate'];
	const bad = new Map<number, BadKind>();
	for (let k = 0; k < 20; k++) bad.set(2 + Math.floor((k * (count - 2)) / 20), kinds[k % 4]);
	return bad;
}
