// Counts and shares of registrations by one dimension (subregion, gender, stakeholder category),
// for the organizer's balance view. Shares are of the rows given, rounded to whole per cent by
// largest remainder so that a column adds up to exactly 100.

export interface BalanceRow {
	key: string; // '' = not stated
	count: number;
	percent: number;
}

export function balanceBy<T>(rows: readonly T[], keyOf: (row: T) => string | null | undefined): BalanceRow[] {
	const counts = new Map<string, number>();
	for (const row of rows) {
		const key = keyOf(row) ?? '';
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	const total = rows.length;
	const entries = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
	if (total === 0) return [];
	const exact = entries.map(([, n]) => (n * 100) / total);
	const floors = exact.map(Math.floor);
	let missing = 100 - floors.reduce((a, b) => a + b, 0);
	const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	for (const [, i] of order) {
		if (missing <= 0) break;
		floors[i]++;
		missing--;
	}
	return entries.map(([key, count], i) => ({ key, count, percent: floors[i] }));
}
