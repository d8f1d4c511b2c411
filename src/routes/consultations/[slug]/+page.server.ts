// Longer than a route should be: the public consultation page gathers the concept note, the registration window, the
// documents and the process link, each formatted in the consultation's zone and the reader's language.
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb, getReadCache } from '$lib/server/runtime';
import { cachedConceptNote, cachedProcessSlug } from '$lib/server/queries/cached';
import { registrationState } from '$lib/domain/consultation';
import { formatDeadline, formatTime, formatTimeRange } from '$lib/domain/time';
import { m } from '$lib/paraglide/messages';
import { referenceNames } from '$lib/server/reference-names';

export const load: PageServerLoad = async ({ params, locals }) => {
	const note = await cachedConceptNote(getReadCache(), getDb(), params.slug);
	if (!note) error(404, m.consultation_not_found());
	const c = note.consultation;
	const zone = c.timeZone;
	const locale = locals.locale;
	const names = referenceNames(locale);
	const clusters = [...new Set(note.objectives.map((o) => o.cluster).filter((n): n is number => n !== null))];
	return {
		consultation: {
			slug: c.slug,
			title: c.title,
			theme: c.theme,
			background: c.background,
			format: c.format,
			venue: c.venue,
			reviewObjectives: c.reviewObjectives,
			participationRules: c.participationRules,
			expectedOutcomes: c.expectedOutcomes,
			capacity: c.capacity,
			isChathamHouse: c.isChathamHouse,
			isOnePerOrganization: c.isOnePerOrganization,
			timeZone: zone
		},
		when: formatTimeRange(c.startsAt, c.endsAt, zone, locale),
		instants: { start: c.startsAt.toISOString(), end: c.endsAt.toISOString() },
		locale,
		registration: registrationState(c, new Date()),
		deadline: c.registrationClosesAt ? formatDeadline(c.registrationClosesAt, zone, locale) : null,
		// A single round table is named; a consultation spanning several is not labelled with one.
		cluster: clusters.length === 1 && note.objectives.length > 1 ? clusters[0] : null,
		objectives: note.objectives.map((o) => ({ ...o, title: names.objective(o.number, o.title), shortTitle: names.objectiveShort(o.number, o.shortTitle) })),
		leadAgencies: note.team.filter((t) => t.role === 'lead-agency'),
		coDesigners: note.team.filter((t) => t.role === 'co-designer'),
		// The meeting link is never on the public page: it goes to selected, confirmed participants.
		agenda: note.agenda.map((item) => ({
			...item,
			start: formatTime(item.startsAt, zone, locale),
			end: formatTime(item.endsAt, zone, locale)
		})),
		documents: note.documents,
		processSlug: c.processId ? await cachedProcessSlug(getReadCache(), getDb(), c.processId) : null
	};
};
