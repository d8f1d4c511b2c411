// Import people (and the organizations they name) from rows of a CSV/XLSX file: all or nothing.
// authorize → load the directory → validate (domain) → write everything in one transaction.
import type { Database } from '../db';
import { organization, person } from '../db/schema';
import { loadImportContext } from '../queries/directory';
import { writeAudit } from '../queries/audit';
import { FORBIDDEN, policy, type Actor, type Forbidden } from '../../domain/policy';
import { checkMapping, validatePeopleImport, type ColumnMapping, type ImportProblem, type MappingProblem } from '../../domain/people-import';
import { databaseMessage, uniqueViolation } from '../db/errors';
import type { OrganizationId } from '../../domain/ids';

export type ImportPeopleResult =
	| { ok: true; imported: number; organizationsCreated: number; isDryRun: boolean }
	| Forbidden
	| { ok: false; reason: 'empty-file' }
	| { ok: false; reason: 'invalid-mapping'; problems: MappingProblem[] }
	| { ok: false; reason: 'invalid-rows'; problems: ImportProblem[]; validRows: number }
	// Someone added one of these emails between validation and commit: nothing was imported.
	| { ok: false; reason: 'conflict'; detail: string };

export interface ImportPeopleInput {
	rows: string[][]; // rows[0] is the header
	mapping: ColumnMapping;
	isDryRun?: boolean;
	/** Called after each batch is written, for a progress bar. */
	onProgress?: (done: number, total: number) => void;
}

const BATCH = 1000;

export async function importPeople(db: Database, actor: Actor, input: ImportPeopleInput): Promise<ImportPeopleResult> {
	if (!policy.canChangeDirectory(actor)) return FORBIDDEN;
	if (input.rows.length < 2) return { ok: false, reason: 'empty-file' };
	const mappingProblems = checkMapping(input.mapping, Math.max(...input.rows.map((r) => r.length)));
	if (mappingProblems.length) return { ok: false, reason: 'invalid-mapping', problems: mappingProblems };

	const validation = validatePeopleImport(input.rows, input.mapping, await loadImportContext(db));
	if (validation.problems.length) {
		return { ok: false, reason: 'invalid-rows', problems: validation.problems, validRows: validation.people.length };
	}
	if (input.isDryRun) {
		return { ok: true, imported: validation.people.length, organizationsCreated: validation.newOrganizations.length, isDryRun: true };
	}

	try {
		await db.transaction(async (tx) => {
			const newOrgIds = new Map<string, OrganizationId>();
			for (let i = 0; i < validation.newOrganizations.length; i += BATCH) {
				const chunk = validation.newOrganizations.slice(i, i + BATCH);
				const inserted = await tx
					.insert(organization)
					.values(chunk.map((o) => ({ name: o.name, countryCode: o.countryCode, categoryId: o.categoryId })))
					.returning({ id: organization.id });
				chunk.forEach((o, j) => newOrgIds.set(o.key, inserted[j].id));
			}
			const total = validation.people.length;
			for (let i = 0; i < total; i += BATCH) {
				const chunk = validation.people.slice(i, i + BATCH);
				await tx.insert(person).values(
					chunk.map((p) => ({
						name: p.name,
						email: p.email,
						honorific: p.honorific,
						jobTitle: p.jobTitle,
						phone: p.phone,
						gender: p.gender,
						genderSelfDescription: p.genderSelfDescription,
						countryCode: p.countryCode,
						categoryId: p.categoryId,
						organizationId: p.organization ? (p.organization.kind === 'existing' ? p.organization.id : newOrgIds.get(p.organization.key)!) : null,
						languages: p.languages,
						consentToContact: p.consentToContact,
						consentToList: p.consentToList
					}))
				);
				input.onProgress?.(Math.min(i + BATCH, total), total);
			}
			await writeAudit(tx, actor, {
				action: 'directory.import',
				subjectType: 'person',
				details: { people: total, organizationsCreated: validation.newOrganizations.length }
			});
		});
	} catch (error) {
		if (uniqueViolation(error)) return { ok: false, reason: 'conflict', detail: databaseMessage(error) };
		throw error;
	}
	return { ok: true, imported: validation.people.length, organizationsCreated: validation.newOrganizations.length, isDryRun: false };
}
