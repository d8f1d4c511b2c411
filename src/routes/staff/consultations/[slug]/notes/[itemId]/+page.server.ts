// Longer than a route should be: the statement list is labelled here in the interface language (the
// descriptor phrase, the recommendation letter, each finding's sentence).
import { error, fail } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireStaff } from '$lib/server/guards';
import { referenceLists } from '$lib/server/queries/reference';
import { deleteStatement, saveStatement } from '$lib/server/use-cases/take-notes';
import { notesOfItem } from '$lib/server/queries/notes';
import { statementFormFrom, ZStatementForm, descriptorPhrase } from '$lib/domain/notes/statement';
import { letterOf } from '$lib/domain/report/model';
import { categoryNoun } from '$lib/domain/statistics';
import { categoryDisplayLabel } from '$lib/domain/reference';
import { formatTimeRange } from '$lib/domain/time';
import { errorTexts } from '$lib/error-text';
import { zodFieldErrors } from '$lib/domain/form-errors';
import { m } from '$lib/paraglide/messages';
import { localizeReferenceData } from '$lib/server/reference-names';

const loadPage = async ({ locals, params }: Parameters<PageServerLoad>[0]) => {
	requireStaff(locals.actor);
	const db = getDb();
	const notes = await notesOfItem(db, locals.actor, params.slug, params.itemId);
	if (!notes.ok) error(notes.reason === 'forbidden' ? 403 : 404, notes.reason === 'forbidden' ? m.error_forbidden() : undefined);
	const { categories, countries, subregions } = await referenceLists(db);
	const c = notes.consultation;
	const labels = {
		categoryNoun: (id: string) => categoryNoun(id, 1),
		country: (code: string) => countries.find((x) => x.code === code)?.name ?? code,
		subregion: (id: string) => subregions.find((x) => x.id === id)?.name ?? id
	};
	const index = notes.items.findIndex((i) => i.id === notes.item.id);
	let letter = 0;
	return {
		consultation: { slug: c.slug, title: c.title, k: c.anonymityThreshold },
		item: { id: notes.item.id, title: notes.item.title, when: formatTimeRange(notes.item.startsAt, notes.item.endsAt, c.timeZone, locals.locale) },
		previous: notes.items[index - 1] ?? null,
		next: notes.items[index + 1] ?? null,
		people: notes.people,
		facts: notes.facts,
		objectives: notes.objectives,
		categories: categories.map((x) => ({ id: x.id, label: categoryDisplayLabel(x.label) })),
		countries,
		subregions,
		newId: randomUUID(),
		statements: notes.statements.map((s) => ({
			...s,
			phrase: descriptorPhrase(s.descriptors, labels),
			letter: s.isRecommendation ? letterOf(letter++) : null,
			findings: s.findings.map((f) =>
				f.kind === 'descriptor'
					? m.notes_finding_descriptor({ matching: f.matching, k: f.k })
					: f.severity === 'block'
						? m.notes_finding_leak({ text: f.text })
						: m.notes_finding_organization({ text: f.text })
			)
		}))
	};
};

// Countries and groups in the staff member's language; objectives keep their English titles here:
// the notes are the report's English, and tags are suggested by matching a statement's words
// against those titles.
export const load: PageServerLoad = async (event) => {
	const data = await loadPage(event);
	return { ...localizeReferenceData(data, event.locals.locale), objectives: data.objectives };
};


export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		requireStaff(locals.actor);
		const form = await request.formData();
		const raw = statementFormFrom(form) as Record<string, unknown>;
		const values = Object.fromEntries([...form].map(([k, v]) => [k, String(v)]));
		const objectives = form.getAll('objectives').map(String);
		const parsed = ZStatementForm.safeParse(raw);
		if (!parsed.success) return fail(400, { statementId: String(raw.statementId), values, objectives, errors: errorTexts(zodFieldErrors(parsed.error)) });
		const result = await saveStatement(getDb(), locals.actor, params.slug, params.itemId, parsed.data, new Date());
		if (!result.ok) {
			if (result.reason === 'invalid') return fail(400, { statementId: parsed.data.statementId, values, objectives, errors: errorTexts(result.errors) });
			if (result.reason === 'conflict') return fail(409, { statementId: parsed.data.statementId, values, objectives, errors: { _: m.notes_err_conflict() } });
			error(result.reason === 'forbidden' ? 403 : 404);
		}
		const saved =
			result.descriptorCount === null
				? m.notes_saved({ attribution: result.attribution === 'on-record' ? m.notes_on_record() : m.notes_non_attributable() })
				: m.notes_saved_with_count({ count: result.descriptorCount });
		return { saved, savedId: result.statementId };
	},
	delete: async ({ locals, params, request }) => {
		requireStaff(locals.actor);
		const id = String((await request.formData()).get('statementId') ?? '');
		const result = await deleteStatement(getDb(), locals.actor, params.slug, params.itemId, id);
		if (!result.ok && result.reason === 'forbidden') error(403);
		return { saved: m.notes_deleted() };
	}
};
