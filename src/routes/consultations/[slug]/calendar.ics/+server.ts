import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb, links } from '$lib/server/runtime';
import { getPublishedConceptNote } from '$lib/server/queries/consultations';
import { consultationIcs } from '$lib/server/exports/ics';

// The public calendar file: times in UTC, no meeting link (that goes to confirmed participants only).
export const GET: RequestHandler = async ({ params }) => {
	const note = await getPublishedConceptNote(getDb(), params.slug);
	if (!note) error(404);
	const c = note.consultation;
	return new Response(consultationIcs(c, links().consultation(c.slug)), {
		headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="${c.slug}.ics"` }
	});
};
