// Formula injection (CWE-1236, OWASP "CSV Injection"): a cell that starts with = + - @ tab or
// carriage return may be run as a formula by Excel or LibreOffice. Every exported text cell goes
// through here; the leading apostrophe makes spreadsheet programs show the text as it is.
const FORMULA_START = /^[=+\-@\t\r]/;

export function isFormulaLike(value: string): boolean {
	return FORMULA_START.test(value);
}

export function neutralizeCell(value: string | null | undefined): string {
	if (value === null || value === undefined) return '';
	return isFormulaLike(value) ? `'${value}` : value;
}
