// Longer than a route should be: the consultation's stored instants are turned back into the form's
// dates and wall-clock times in its own time zone (24:00 kept as entered).
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { consultationOr404, requireStaff } from '$lib/server/guards';
import { overrideReasonOf } from '$lib/server/forms';
import { consultationFormExtras, listObjectivesWithClusters } from '$lib/server/queries/consultations';
import { loadDirectoryOptions } from '$lib/server/queries/directory-options';
import { saveConsultation } from '$lib/server/use-cases/save-consultation';
import { overridesOfAll } from '$lib/server/privacy/gate';
import { ZConsultationForm, consultationFormFields, toConsultationValues } from '$lib/domain/consultation-input';
import { policy } from '$lib/domain/policy';
import { zodFieldErrors } from '$lib/domain/form-errors';
import { dateInZone, formatDeadline, wallClockAt } from '$lib/domain/time';
import { localizeHref } from '$lib/paraglide/runtime';
import { localizeReferenceData } from '$lib/server/reference-names';

const NEW = 'new';
const hhmm = (d: Date, zone: string) => {
	const w = wallClockAt(d, zone);
	return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
};

const loadPage = async ({ locals, params, url }: Parameters<PageServerLoad>[0]) => {
	const db = getDb();
	const objectives = await listObjectivesWithClusters(db);
	const { organizations } = await loadDirectoryOptions(db);
	if (params.slug === NEW) {
		requireStaff(locals.actor, policy.canCreateConsultation);
		return { isNew: true, objectives, organizations, values: { timeZone: 'Asia/Bangkok', startTime: '11:00', endTime: '14:00', format: 'online', isOnePerOrganization: true, isChathamHouse: true, status: 'draft', registrationClosesTime: '24:00', objectives: [] as string[] } };
	}
	const c = await consultationOr404(params.slug);
	requireStaff(locals.actor, (a) => policy.canOrganize(a, c.id));
	const extras = await consultationFormExtras(db, c.id);
	const z = c.timeZone;
	// A deadline at midnight is shown as 24:00 of the day before, as it was entered.
	const closes = c.registrationClosesAt;
	const closesAtMidnight = closes && hhmm(closes, z) === '00:00';
	const overrides = await overridesOfAll(db, [['consultation', [c.id]], ['document', [c.id]]]);
	return {
		isNew: false,
		isSaved: url.searchParams.has('saved'),
		overrides: overrides.map((o) => ({ date: formatDeadline(o.at, c.timeZone, locals.locale), reason: o.reason, findings: o.findings })),
		objectives,
		organizations,
		values: {
			...c,
			date: dateInZone(c.startsAt, z),
			startTime: hhmm(c.startsAt, z),
			endTime: hhmm(c.endsAt, z),
			reviewObjectives: c.reviewObjectives.join('\n'),
			capacity: c.capacity === null ? '' : String(c.capacity),
			anonymityThreshold: String(c.anonymityThreshold),
			registrationLimit: c.registrationLimit === null ? '' : String(c.registrationLimit),
			registrationOpensDate: c.registrationOpensAt ? dateInZone(c.registrationOpensAt, z) : '',
			registrationClosesDate: closes ? dateInZone(closesAtMidnight ? new Date(closes.getTime() - 1) : closes, z) : '',
			registrationClosesTime: closes ? (closesAtMidnight ? '24:00' : hhmm(closes, z)) : '24:00',
			objectives: extras.objectiveIds.map((id) => id.replace(/^gcm-/, '')),
			leadAgencyIds: extras.leadAgencyIds,
			coDesignerIds: extras.coDesignerIds
		}
	};
};

// Stakeholder groups, subregions, countries and objectives in the staff member's language.
export const load: PageServerLoad = async (event) => localizeReferenceData(await loadPage(event), event.locals.locale);

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const actor = requireStaff(locals.actor);
		const data = await request.formData();
		const raw = consultationFormFields(data);
		const parsed = ZConsultationForm.safeParse(raw);
		if (!parsed.success) return fail(400, { values: raw, errors: zodFieldErrors(parsed.error) });
		const converted = toConsultationValues(parsed.data);
		if (!converted.ok) return fail(400, { values: raw, errors: converted.errors });
		const result = await saveConsultation(getDb(), actor, params.slug === NEW ? null : params.slug, converted.values, new Date(), { overrideReason: overrideReasonOf(data) });
		if (!result.ok) {
			if (result.reason === 'invalid') return fail(400, { values: raw, errors: result.errors, findings: result.findings ?? [], canOverride: result.canOverride ?? false });
			error(result.reason === 'forbidden' ? 403 : 404);
		}
		redirect(303, `${localizeHref(`/staff/consultations/${result.slug}/edit`)}?saved=1`);
	}
};
