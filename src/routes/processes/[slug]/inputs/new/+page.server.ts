// Longer than a route should be: attachments are checked one by one (type by content, size, count) before the
// use-case, so that the typed text comes back with the file's own error.
import { error, fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { processOr404 } from '$lib/server/guards';
import { getPublishedConsultationInProcess } from '$lib/server/queries/consultations';
import { contributionOptions } from '$lib/server/queries/contribution-options';
import { submitWrittenInput, type AttachmentFile } from '$lib/server/use-cases/contributions';
import { checkAttachment, checkAttachmentSet, parseWith, ZWrittenInput } from '$lib/domain/contribution-input';
import { localizeHref } from '$lib/paraglide/runtime';
import { localizeReferenceData } from '$lib/server/reference-names';

async function target(slug: string, consultationSlug: string | null) {
	const p = await processOr404(slug);
	if (!consultationSlug) return { process: p, consultation: null };
	const c = await getPublishedConsultationInProcess(getDb(), p.id, consultationSlug);
	if (!c) error(404);
	return { process: p, consultation: c };
}

// The open call: a written input to the process, or to one of its consultations (?consultation=slug).
export const load: PageServerLoad = async ({ params, url, locals }) => {
	const t = await target(params.slug, url.searchParams.get('consultation'));
	const options = localizeReferenceData(await contributionOptions(getDb(), t.process.frameworkId), locals.locale);
	const suggested = url.searchParams.get('suggested')?.split(',').filter(Boolean) ?? [];
	return {
		process: { slug: t.process.slug, title: t.process.title },
		consultation: t.consultation,
		objectives: options.objectives,
		submissionKey: randomUUID(),
		done: url.searchParams.has('done'),
		// The objectives are listed in order already; the confirmation names those suggested.
		suggested: options.objectives.filter((o) => suggested.includes(o.id)).map((o) => `${o.number}. ${o.shortTitle}`)
	};
};

export const actions: Actions = {
	default: async ({ params, url, request }) => {
		const t = await target(params.slug, url.searchParams.get('consultation'));
		const form = await request.formData();
		const get = (k: string) => (form.has(k) ? String(form.get(k)) : undefined);
		const raw = {
			authorName: get('authorName'),
			organizationName: get('organizationName'),
			email: get('email'),
			title: get('title'),
			text: get('text'),
			objectiveIds: form.getAll('objectiveIds').map(String),
			isAttributionConsented: form.get('isAttributionConsented') === 'on',
			consentToProcessing: form.get('consentToProcessing') === 'on',
			submissionKey: get('submissionKey')
		};
		const parsed = parseWith(ZWrittenInput, raw);
		const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
		const uploads = form.getAll('attachments').filter((f): f is File => f instanceof File && f.size > 0 && f.name !== '');
		const files: AttachmentFile[] = [];
		const setError = checkAttachmentSet(uploads.map((f) => f.size));
		if (setError) errors.attachments = setError;
		else {
			for (const f of uploads) {
				const bytes = new Uint8Array(await f.arrayBuffer());
				const checked = checkAttachment(f.name, bytes);
				if (!checked.ok) {
					errors.attachments = checked.message;
					break;
				}
				files.push({ ...checked.value, bytes });
			}
		}
		// The typed text always comes back; files must be chosen again (browsers never refill them).
		if (!parsed.ok || Object.keys(errors).length) return fail(400, { values: raw, errors });
		const result = await submitWrittenInput(getDb(), { processId: t.process.id, consultationId: t.consultation?.id ?? null }, parsed.data, files);
		if (!result.ok) return fail(400, { values: raw, errors: result.errors });
		const query = new URLSearchParams({ done: '1', ...(t.consultation ? { consultation: t.consultation.slug } : {}), ...(result.suggested.length ? { suggested: result.suggested.join(',') } : {}) });
		redirect(303, `${localizeHref(`/processes/${t.process.slug}/inputs/new`)}?${query}`);
	}
};
