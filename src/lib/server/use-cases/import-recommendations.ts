// The spreadsheet round-trip, coming back: an edited XLSX of the recommendations applied as one change.
import type { Database } from '../db';
import { planSheet, type CurrentRecommendation } from '../../domain/follow-up/recommendations';
import { FORBIDDEN, type Actor } from '../../domain/policy';
import { readTable, UnreadableFileError, type TableProblem } from '../imports/read-table';
import { lastObjectiveNumber, listRecommendations } from '../queries/recommendations';
import { type ChangeResult, applyChanges } from './update-recommendations';

export type SheetResult = ChangeResult | { ok: false; reason: 'unreadable'; problem: TableProblem };

/** Reads an edited sheet back. Any error anywhere: nothing is changed, and every error is listed. */
export async function importRecommendationsSheet(db: Database, actor: Actor, processId: string, data: Uint8Array, fileName: string, now: Date): Promise<SheetResult & { unchanged?: number }> {
	if (actor.kind !== 'staff' && actor.kind !== 'system') return FORBIDDEN;
	let table;
	try {
		table = await readTable(data, fileName);
	} catch (error) {
		if (error instanceof UnreadableFileError) return { ok: false, reason: 'unreadable', problem: error.problem };
		throw error;
	}
	const rows = await listRecommendations(db, processId);
	const current = new Map<string, CurrentRecommendation>(rows.map((r) => [r.id, { id: r.id, status: r.status, addressees: r.addressees, objectiveNumbers: r.objectives.map((o) => o.number) }]));
	const plan = planSheet(table, current, await lastObjectiveNumber(db, processId));
	if (!plan.ok) return { ok: false, reason: 'invalid', errors: plan.errors };
	const result = await applyChanges(db, actor, plan.changes, now);
	return result.ok ? { ...result, unchanged: plan.unchanged } : result;
}
