import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb, links } from '$lib/server/runtime';
import { getPublishedConceptNote } from '$lib/server/queries/consultations';
import { consultationIcs } from '$lib/server/exports/ics';
import { localizedUrl } from '$lib/server/messages/locale';

// The public calendar file: times in UTC, no meeting link (that goes to confirmed participants only).
// The event's link leads to the consultation page in the language the file was asked in.
export const GET: RequestHandler = async ({ params, locals }) => {
	const note = await getPublishedConceptNote(getDb(), params.slug);
	if (!note) error(404);
	const c = note.consultation;
	return new Response(consultationIcs(c, localizedUrl(links().consultation(c.slug), locals.locale), null, locals.locale), {
		headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="${c.slug}.ics"` }
	});
};
