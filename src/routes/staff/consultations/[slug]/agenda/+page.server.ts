import { error, fail } from '@sveltejs/kit';
import { asc, eq, isNull } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireStaff } from '$lib/server/guards';
import { consultation, organization, person } from '$lib/server/db/schema';
import { getConceptNoteForStaff } from '$lib/server/queries/consultations';
import { addDocument, deleteAgendaItem, deleteDocument, saveAgendaItem, type AgendaResult } from '$lib/server/use-cases/edit-agenda';
import { MAX_DOCUMENT_BYTES, ZAgendaItemForm, ZDocumentLinkForm, documentMediaType, toAgendaItemValues } from '$lib/domain/agenda-input';
import { policy } from '$lib/domain/policy';
import { registrationErrors } from '$lib/domain/registration-input';
import { dateInZone, formatTime, formatTimeRange } from '$lib/domain/time';
import { m } from '$lib/paraglide/messages';

async function consultationFor(slug: string) {
	const [c] = await getDb().select().from(consultation).where(eq(consultation.slug, slug));
	if (!c) error(404);
	return c;
}

function refusal(result: Exclude<AgendaResult, { ok: true }>) {
	if (result.reason === 'invalid') return fail(400, { errors: result.errors });
	return fail(result.reason === 'forbidden' ? 403 : 404, { errors: { _: 'invalid' } });
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const c = await consultationFor(params.slug);
	requireStaff(locals.actor, (a) => policy.canOrganize(a, c.id));
	const db = getDb();
	const note = await getConceptNoteForStaff(db, c.id);
	const people = await db
		.select({ id: person.id, name: person.name, organization: organization.name })
		.from(person)
		.leftJoin(organization, eq(person.organizationId, organization.id))
		.where(isNull(person.erasedAt))
		.orderBy(asc(person.name));
	const z = c.timeZone;
	return {
		consultation: { slug: c.slug, title: c.title },
		when: formatTimeRange(c.startsAt, c.endsAt, z, locals.locale),
		people: people.map((p) => ({ id: p.id, label: p.organization ? `${p.name} — ${p.organization}` : p.name })),
		items: note.agenda.map((a) => ({ id: a.id, title: a.title, description: a.description ?? '', startTime: formatTime(a.startsAt, z, 'en'), endTime: formatTime(a.endsAt, z, 'en'), moderatorId: a.moderatorId ?? '', speakerIds: a.speakerIds, questions: a.questions.join('\n') })),
		documents: note.documents
	};
};

async function agendaValues(c: typeof consultation.$inferSelect, form: FormData) {
	const parsed = ZAgendaItemForm.safeParse({
		title: form.get('title') ?? undefined,
		description: form.get('description') ?? undefined,
		startTime: form.get('startTime'),
		endTime: form.get('endTime'),
		moderatorId: form.get('moderatorId') ?? undefined,
		speakerIds: form.getAll('speakerIds').map(String),
		questions: form.get('questions') ?? undefined
	});
	if (!parsed.success) return { ok: false as const, errors: registrationErrors(parsed.error) };
	return toAgendaItemValues(parsed.data, { date: dateInZone(c.startsAt, c.timeZone), timeZone: c.timeZone, startsAt: c.startsAt, endsAt: c.endsAt });
}

export const actions: Actions = {
	saveItem: async ({ locals, params, request }) => {
		const c = await consultationFor(params.slug);
		const actor = requireStaff(locals.actor);
		const form = await request.formData();
		const values = await agendaValues(c, form);
		const itemId = String(form.get('itemId') ?? '') || null;
		if (!values.ok) return fail(400, { itemId, errors: values.errors });
		const result = await saveAgendaItem(getDb(), actor, c.slug, itemId, values.values);
		return result.ok ? { saved: true } : refusal(result);
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
		const result = await addDocument(getDb(), actor, params.slug, parsed.data);
		return result.ok ? { saved: true } : refusal(result);
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
		const result = await addDocument(getDb(), actor, params.slug, { title: title.slice(0, 300), fileName: file.name, mediaType, content: Buffer.from(await file.arrayBuffer()) });
		return result.ok ? { saved: true } : refusal(result);
	},
	deleteDocument: async ({ locals, params, request }) => {
		const actor = requireStaff(locals.actor);
		const result = await deleteDocument(getDb(), actor, params.slug, String((await request.formData()).get('documentId') ?? ''));
		return result.ok ? { saved: true } : refusal(result);
	}
};
