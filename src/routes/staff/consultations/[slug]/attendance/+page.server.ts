// Longer than a route should be: the Zoom upload, hand matching and check-in share the page (three actions), with
// the upload's size bound before the file is read.
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { consultationOr404, requireStaff } from '$lib/server/guards';
import { checkIn, importZoomAttendance, matchAttendanceByHand } from '$lib/server/use-cases/record-attendance';
import { attendanceOf, unmatchedAttendance } from '$lib/server/queries/attendance';
import { consultationStatistics, statisticsLabels } from '$lib/server/queries/attendees';
import { readTable, UnreadableFileError } from '$lib/server/imports/read-table';
import { attendanceSentence, categoryNoun, genderSentence } from '$lib/domain/statistics';
import { formatTimeRange } from '$lib/domain/time';
import { policy } from '$lib/domain/policy';
import { m } from '$lib/paraglide/messages';
import { tableProblemText, zoomProblemText } from '$lib/server/problem-text';
import { formId, NOT_FOUND } from '$lib/server/forms';
import type { RegistrationId } from '$lib/domain/ids';

export const load: PageServerLoad = async ({ locals, params }) => {
	const c = await consultationOr404(params.slug);
	requireStaff(locals.actor, (a) => policy.canTakeNotes(a, c.id));
	const db = getDb();
	const [registrants, unmatched, stats, labels] = await Promise.all([attendanceOf(db, c.id), unmatchedAttendance(db, c.id), consultationStatistics(db, c.id), statisticsLabels(db)]);
	const sentenceLabels = { category: categoryNoun, country: (code: string) => labels.countries.get(code) ?? code };
	return {
		consultation: { slug: c.slug, title: c.title, k: c.anonymityThreshold, timeZone: c.timeZone },
		when: formatTimeRange(c.startsAt, c.endsAt, c.timeZone, locals.locale),
		registrants,
		unmatched,
		sentences: stats.total ? [attendanceSentence(stats, sentenceLabels, c.anonymityThreshold), genderSentence(stats, c.anonymityThreshold)].filter((s): s is string => !!s) : [],
		attended: stats.total
	};
};

export const actions: Actions = {
	import: async ({ locals, params, request }) => {
		const c = await consultationOr404(params.slug);
		const actor = requireStaff(locals.actor, (a) => policy.canTakeNotes(a, c.id));
		const file = (await request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { problems: [m.attendance_choose_file()] });
		let table;
		try {
			table = await readTable(new Uint8Array(await file.arrayBuffer()), file.name);
		} catch (e) {
			if (e instanceof UnreadableFileError) return fail(400, { problems: [tableProblemText(e.problem)] });
			throw e;
		}
		const result = await importZoomAttendance(getDb(), actor, c.slug, table);
		if (!result.ok) return fail(result.reason === 'invalid' ? 400 : 403, { problems: result.reason === 'invalid' ? result.problems.map((p) => zoomProblemText(p)) : [m.error_forbidden()] });
		const s = result.summary;
		return { imported: m.attendance_imported({ people: s.people, byEmail: s.matchedByEmail, byName: s.matchedByName, unmatched: s.unmatched.length }) };
	},
	match: async ({ locals, params, request }) => {
		const c = await consultationOr404(params.slug);
		const actor = requireStaff(locals.actor, (a) => policy.canTakeNotes(a, c.id));
		const form = await request.formData();
		const key = String(form.get('key') ?? '');
		const registrationId = formId<RegistrationId>(form, 'registrationId');
		if (!registrationId) return fail(400, { matchKey: key, matchError: m.attendance_choose_registrant() });
		const result = await matchAttendanceByHand(getDb(), actor, c.slug, key, registrationId);
		if (!result.ok) return fail(400, { matchKey: key, matchError: result.reason === 'forbidden' ? m.error_forbidden() : m.attendance_match_gone() });
		return { saved: m.attendance_matched() };
	},
	checkIn: async ({ locals, params, request }) => {
		const c = await consultationOr404(params.slug);
		const actor = requireStaff(locals.actor, (a) => policy.canTakeNotes(a, c.id));
		const form = await request.formData();
		const registrationId = formId<RegistrationId>(form, 'registrationId');
		const result = registrationId ? await checkIn(getDb(), actor, c.slug, registrationId, form.get('present') === 'yes') : NOT_FOUND;
		if (!result.ok) return fail(400, { problems: [m.error_forbidden()] });
		return { saved: m.attendance_saved() };
	}
};
