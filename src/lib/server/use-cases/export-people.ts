// Export a filtered list of people: personal data leaves the system, so admin only and audit-logged.
import type { Database } from '../db';
import { listPeople, type PeopleFilter } from '../queries/directory';
import { writeAudit } from '../queries/audit';
import { peopleCsv, peopleXlsx } from '../exports/people';
import { FORBIDDEN, policy, type Actor, type Forbidden } from '../../domain/policy';

export type ExportFormat = 'csv' | 'xlsx';
export type ExportPeopleResult = { ok: true; body: Buffer; mediaType: string; fileName: string; count: number } | Forbidden;

const MEDIA_TYPES: Record<ExportFormat, string> = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

export async function exportPeople(db: Database, actor: Actor, filter: PeopleFilter, format: ExportFormat, now: Date): Promise<ExportPeopleResult> {
	if (!policy.canExportPersonalData(actor)) return FORBIDDEN;
	const people = await listPeople(db, filter, 1_000_000);
	const body = format === 'csv' ? peopleCsv(people) : await peopleXlsx(people);
	await writeAudit(db, actor, { action: 'directory.export', subjectType: 'person', details: { format, count: people.length, filter } });
	return { ok: true, body, mediaType: MEDIA_TYPES[format], fileName: `people-${now.toISOString().slice(0, 10)}.${format}`, count: people.length };
}
