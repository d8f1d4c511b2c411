// The files of existing sortition tools (the Sortition Foundation's stratification app and the
// replication data of Flanigan et al.): categories.csv with `category,feature,min,max`, and
// respondents.csv with one column per category, an optional id column and an optional group column.
import { parse } from 'csv-parse/sync';
import type { SelectionProblem, Quota } from '../../domain/selection/problem';

export class SortitionFileError extends Error {}

function rows(text: string, file: string): Record<string, string>[] {
	try {
		return parse(text.replace(/^\uFEFF/, ''), { columns: (h: string[]) => h.map((c) => c.trim()), skip_empty_lines: true, trim: true }) as Record<string, string>[];
	} catch (error) {
		throw new SortitionFileError(`${file}: ${(error as Error).message}`);
	}
}

export function readSortitionFiles(categoriesCsv: string, respondentsCsv: string, panelSize: number, groupBy?: string): { problem: SelectionProblem; ids: string[] } {
	if (!Number.isInteger(panelSize) || panelSize < 1) throw new SortitionFileError(`--panel-size must be a whole number above 0, not ${panelSize}`);
	const quotaRows = rows(categoriesCsv, 'categories.csv');
	const quotas: Quota[] = quotaRows.map((r, i) => {
		const line = i + 2;
		for (const column of ['category', 'feature', 'min', 'max']) {
			if (r[column] === undefined) throw new SortitionFileError(`categories.csv needs the columns category,feature,min,max (missing: ${column})`);
		}
		const min = Number(r.min);
		const max = Number(r.max);
		if (!Number.isInteger(min) || min < 0) throw new SortitionFileError(`categories.csv line ${line}: min must be a whole number, not "${r.min}"`);
		if (!Number.isInteger(max) || max < 0) throw new SortitionFileError(`categories.csv line ${line}: max must be a whole number, not "${r.max}"`);
		return { category: r.category, feature: r.feature, min, max };
	});
	const categories = [...new Set(quotas.map((q) => q.category))];
	const respondentRows = rows(respondentsCsv, 'respondents.csv');
	if (!respondentRows.length) throw new SortitionFileError('respondents.csv has no rows');
	const header = Object.keys(respondentRows[0]);
	for (const c of categories) if (!header.includes(c)) throw new SortitionFileError(`respondents.csv has no column "${c}" (a category of categories.csv)`);
	if (groupBy && !header.includes(groupBy)) throw new SortitionFileError(`respondents.csv has no column "${groupBy}" (--group-by)`);
	const idColumn = header.find((h) => /^(id|nationbuilder_id|person_id|respondent_id)$/i.test(h));
	const known = new Map(categories.map((c) => [c, new Set(quotas.filter((q) => q.category === c).map((q) => q.feature))]));
	const people = respondentRows.map((r, i) => {
		for (const c of categories) {
			if (!known.get(c)!.has(r[c])) throw new SortitionFileError(`respondents.csv line ${i + 2}: ${c} "${r[c]}" is not a feature of categories.csv`);
		}
		return { features: Object.fromEntries(categories.map((c) => [c, r[c]])), group: groupBy ? r[groupBy] : null };
	});
	return { problem: { people, quotas, panelSize }, ids: respondentRows.map((r, i) => (idColumn ? r[idColumn] : String(i))) };
}
