// Longer than a route should be: five actions (items and documents) share the agenda page, each a
// parse and one use-case call; the forms come back as sent after a refusal.
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { consultationOr404, requireStaff } from '$lib/server/guards';
import { overrideReasonOf } from '$lib/server/forms';
import { getConceptNoteForStaff, type ConsultationRow } from '$lib/server/queries/consultations';
import { listPeopleLabels } from '$lib/server/queries/directory';
import { addDocument, deleteAgendaItem, deleteDocument, saveAgendaItem, type AgendaResult } from '$lib/server/use-cases/edit-agenda';
import { MAX_DOCUMENT_BYTES, ZAgendaItemForm, ZDocumentLinkForm, documentMediaType, toAgendaItemValues } from '$lib/domain/agenda-input';
import { policy } from '$lib/domain/policy';
import { zodFieldErrors } from '$lib/domain/form-errors';
import { dateInZone, formatDeadline, formatTime, formatTimeRange } from '$lib/domain/time';
import { overridesOfAll } from '$lib/server/privacy/gate';
import { m } from '$lib/paraglide/messages';

/** A refusal, with what the person sent (so nothing is lost) and, for the privacy gate, why and whether they may override it. */
function refusal(result: Exclude<AgendaResult, { ok: true }>, sent: Record<string, unknown> = {}) {
	if (result.reason === 'invalid') return fail(400, { ...sent, errors: result.errors, findings: result.findings ?? [], canOverride: result.canOverride ?? false });
	return fail(result.reason === 'forbidden' ? 403 : 404, { ...sent, errors: { _: 'invalid' } });
}
/** The agenda item form as sent, to show it again after a refusal. */
const sentItem = (form: FormData) => ({
	title: String(form.get('title') ?? ''),
	description: String(form.get('description') ?? ''),
	startTime: String(form.get('startTime') ?? ''),
	endTime: String(form.get('endTime') ?? ''),
	moderatorId: String(form.get('moderatorId') ?? ''),
	speakerIds: form.getAll('speakerIds').map(String),
	questions: String(form.get('questions') ?? '')
});

export const load: PageServerLoad = async ({ locals, params }) => {
	const c = await consultationOr404(params.slug);
	requireStaff(locals.actor, (a) => policy.canOrganize(a, c.id));
	const db = getDb();
	const z = c.timeZone;
	const [note, people, overrides] = await Promise.all([getConceptNoteForStaff(db, c.id), listPeopleLabels(db), overridesOfAll(db, [['consultation', [c.id]], ['document', [c.id]]])]);
	return {
		consultation: { slug: c.slug, title: c.title },
		overrides: overrides.map((o) => ({ date: formatDeadline(o.at, z, locals.locale), reason: o.reason, findings: o.findings })),
		when: formatTimeRange(c.startsAt, c.endsAt, z, locals.locale),
		people,
		items: note.agenda.map((a) => ({ id: a.id, title: a.title, description: a.description ?? '', startTime: formatTime(a.startsAt, z, 'en'), endTime: formatTime(a.endsAt, z, 'en'), moderatorId: a.moderatorId ?? '', speakerIds: a.speakerIds, questions: a.questions.join('\n') })),
		documents: note.documents
	};
};

async function agendaValues(c: ConsultationRow, form: FormData) {
	const parsed = ZAgendaItemForm.safeParse({
		title: form.get('title') ?? undefined,
		description: form.get('description') ?? undefined,
		startTime: form.get('startTime'),
		endTime: form.get('endTime'),
		moderatorId: form.get('moderatorId') ?? undefined,
		speakerIds: form.getAll('speakerIds').map(String),
		questions: form.get('questions') ?? undefined
	});
	if (!parsed.success) return { ok: false as const, errors: zodFieldErrors(parsed.error) };
	return toAgendaItemValues(parsed.data, { date: dateInZone(c.startsAt, c.timeZone), timeZone: c.timeZone, startsAt: c.startsAt, endsAt: c.endsAt });
}

export const actions: Actions = {
	saveItem: async ({ locals, params, request }) => {
		const c = await consultationOr404(params.slug);
		const actor = requireStaff(locals.actor);
		const form = await request.formData();
		const values = await agendaValues(c, form);
		const itemId = String(form.get('itemId') ?? '') || null;
		if (!values.ok) return fail(400, { itemId, values: sentItem(form), errors: values.errors });
		const result = await saveAgendaItem(getDb(), actor, c.slug, itemId, values.values, { overrideReason: overrideReasonOf(form) });
		return result.ok ? { saved: true } : refusal(result, { itemId, values: sentItem(form) });
	},
	deleteItem: async ({ locals, params, request }) => {
		const actor = requireStaff(locals.actor);
		const result = await deleteAgendaItem(getDb(), actor, params.slug, String((await request.formData()).get('itemId') ?? ''));
		return result.ok ? { saved: true } : refusal(result);
	},
	addLink: async ({ locals, params, request }) => {
		const actor = requireStaff(locals.actor);
		const form = await request.formData();
		const parsed = ZDocumentLinkForm.safeParse({ title: form.get('title') ?? undefined, url: form.get('url') ?? '' });
		if (!parsed.success) return fail(400, { documentError: m.err_link_invalid() });
		const result = await addDocument(getDb(), actor, params.slug, parsed.data, { overrideReason: overrideReasonOf(form) });
		return result.ok ? { saved: true } : refusal(result, { documentForm: 'link', documentValues: parsed.data });
	},
	addFile: async ({ locals, params, request }) => {
		const actor = requireStaff(locals.actor);
		const form = await request.formData();
		const file = form.get('file');
		const title = String(form.get('title') ?? '').trim();
		if (!(file instanceof File) || file.size === 0 || !title) return fail(400, { documentError: m.err_required() });
		if (file.size > MAX_DOCUMENT_BYTES) return fail(400, { documentError: m.documents_too_large() });
		const mediaType = documentMediaType(file.name);
		if (!mediaType) return fail(400, { documentError: m.documents_type_refused() });
		const result = await addDocument(getDb(), actor, params.slug, { title: title.slice(0, 300), fileName: file.name, mediaType, content: Buffer.from(await file.arrayBuffer()) }, { overrideReason: overrideReasonOf(form) });
		return result.ok ? { saved: true } : refusal(result, { documentForm: 'file', documentValues: { title, url: '' } });
	},
	deleteDocument: async ({ locals, params, request }) => {
		const actor = requireStaff(locals.actor);
		const result = await deleteDocument(getDb(), actor, params.slug, String((await request.formData()).get('documentId') ?? ''));
		return result.ok ? { saved: true } : refusal(result);
	}
};
