// Longer than a route should be: the import is three form posts on one page (upload, check the mapping with a dry
// run, commit), each keeping the uploaded rows by id.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireStaff } from '$lib/server/guards';
import { readTable, UnreadableFileError } from '$lib/server/imports/read-table';
import { deleteImportUpload, getImportUpload, saveImportUpload } from '$lib/server/queries/import-uploads';
import { importPeople } from '$lib/server/use-cases/import-people';
import { IMPORT_FIELDS, guessMapping, type ColumnMapping } from '$lib/domain/people-import';
import { policy } from '$lib/domain/policy';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { importProblemText, mappingProblemText, tableProblemText } from '$lib/server/problem-text';
import { importFieldLabel } from '$lib/format-staff';

/** The mapping chosen in the form (map_<field>=<column>), else the guessed one. */
function mappingFrom(params: URLSearchParams | FormData, header: string[]): ColumnMapping {
	const hasChoice = IMPORT_FIELDS.some((f) => params.get(`map_${f}`) !== null);
	if (!hasChoice) return guessMapping(header);
	const mapping: ColumnMapping = {};
	for (const field of IMPORT_FIELDS) {
		const value = String(params.get(`map_${field}`) ?? '');
		if (/^\d+$/.test(value)) mapping[field] = Number(value);
	}
	return mapping;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireStaff(locals.actor, policy.canChangeDirectory);
	const uploadId = url.searchParams.get('upload');
	const imported = url.searchParams.get('imported');
	if (imported) return { done: { people: Number(imported), organizations: Number(url.searchParams.get('organizations') ?? 0) } };
	if (!uploadId) return {};
	const db = getDb();
	const upload = await getImportUpload(db, uploadId, actor.userId);
	if (!upload) return { expired: true };
	const header = upload.rows[0] ?? [];
	const mapping = mappingFrom(url.searchParams, header);
	const check = await importPeople(db, actor, { rows: upload.rows, mapping, isDryRun: true });
	return {
		upload: { id: upload.id, fileName: upload.fileName, header, rowCount: upload.rows.length - 1 },
		mapping,
		fields: IMPORT_FIELDS,
		check: check.ok
			? { ok: true as const, people: check.imported, organizations: check.organizationsCreated }
			: check.reason === 'invalid-rows'
				? { ok: false as const, problems: check.problems.slice(0, 500).map((p) => ({ row: p.row, field: importFieldLabel(p.field), reason: importProblemText(p) })), problemCount: check.problems.length }
				: check.reason === 'invalid-mapping'
					? { ok: false as const, problems: check.problems.map((p) => ({ row: 0, field: p.field ? importFieldLabel(p.field) : '', reason: mappingProblemText(p) })), problemCount: check.problems.length }
					: { ok: false as const, problems: [], problemCount: 0 }
	};
};

export const actions: Actions = {
	check: async ({ locals, request }) => {
		const actor = requireStaff(locals.actor, policy.canChangeDirectory);
		const form = await request.formData();
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { message: m.import_no_file() });
		let rows: string[][];
		try {
			rows = await readTable(new Uint8Array(await file.arrayBuffer()), file.name);
		} catch (error) {
			if (error instanceof UnreadableFileError) return fail(400, { message: m.import_unreadable({ reason: tableProblemText(error.problem) }) });
			throw error;
		}
		const id = await saveImportUpload(getDb(), actor.userId, file.name, rows, new Date());
		redirect(303, `${localizeHref('/staff/directory/import')}?upload=${id}`);
	},
	commit: async ({ locals, request }) => {
		const actor = requireStaff(locals.actor, policy.canChangeDirectory);
		const form = await request.formData();
		const db = getDb();
		const upload = await getImportUpload(db, String(form.get('upload') ?? ''), actor.userId);
		if (!upload) return fail(410, { message: m.import_expired() });
		const result = await importPeople(db, actor, { rows: upload.rows, mapping: mappingFrom(form, upload.rows[0] ?? []) });
		if (!result.ok) return fail(result.reason === 'forbidden' ? 403 : 409, { message: m.import_conflict() });
		await deleteImportUpload(db, upload.id);
		redirect(303, `${localizeHref('/staff/directory/import')}?imported=${result.imported}&organizations=${result.organizationsCreated}`);
	}
};
