import { fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { contributionOptions } from '$lib/server/queries/contribution-options';
import { submitPractice } from '$lib/server/use-cases/contributions';
import { parsePractice } from '$lib/domain/contribution-input';
import { localizeHref } from '$lib/paraglide/runtime';
import { localizeReferenceData } from '$lib/server/reference-names';

export const load: PageServerLoad = async ({ url, locals }) => {
	return { ...localizeReferenceData(await contributionOptions(getDb()), locals.locale), submissionKey: randomUUID(), done: url.searchParams.has('done') };
};

export const actions: Actions = {
	default: async ({ request }) => {
		const form = await request.formData();
		const get = (k: string) => (form.has(k) ? String(form.get(k)) : undefined);
		const raw = {
			title: get('title'),
			summary: get('summary'),
			objectiveIds: form.getAll('objectiveIds').map(String),
			principleIds: form.getAll('principleIds').map(String),
			countryCode: get('countryCode'),
			subregionId: get('subregionId'),
			categoryId: get('categoryId'),
			since: get('since'),
			until: get('until'),
			links: get('links') ?? '',
			submitterName: get('submitterName'),
			submitterEmail: get('submitterEmail'),
			consentToProcessing: form.get('consentToProcessing') === 'on',
			submissionKey: get('submissionKey')
		};
		const parsed = parsePractice(raw);
		if (!parsed.ok) return fail(400, { values: raw, errors: parsed.errors });
		const result = await submitPractice(getDb(), null, parsed.data);
		if (!result.ok) return fail(400, { values: raw, errors: result.errors });
		redirect(303, `${localizeHref('/practices/new')}?done=1`);
	}
};
