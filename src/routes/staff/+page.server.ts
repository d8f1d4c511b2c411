import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireStaff } from '$lib/server/guards';
import { listConsultationsWithRegistrationCounts, listReviewProcesses } from '$lib/server/queries/consultations';
import { policy } from '$lib/domain/policy';
import { formatTimeRange } from '$lib/domain/time';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireStaff(locals.actor);
	const rows = await listConsultationsWithRegistrationCounts(getDb());
	// Organizers and rapporteurs see the consultations they are assigned to; admins see all.
	const visible = rows.filter((c) => actor.role === 'admin' || actor.organizerOf.has(c.id) || actor.rapporteurOf.has(c.id));
	const processes = await listReviewProcesses(getDb());
	return {
		processes,
		canCreate: policy.canCreateConsultation(actor),
		links: {
			directory: policy.canReadDirectory(actor),
			import: policy.canChangeDirectory(actor),
			outbox: policy.canReadOutbox(actor),
			moderation: policy.canModerate(actor),
			audit: policy.canReadAuditLog(actor)
		},
		consultations: visible.map((c) => ({
			slug: c.slug,
			title: c.title,
			status: c.status,
			registrations: c.registrations,
			canOrganize: policy.canOrganize(actor, c.id),
			canTakeNotes: policy.canTakeNotes(actor, c.id),
			when: formatTimeRange(c.startsAt, c.endsAt, c.timeZone, locals.locale)
		}))
	};
};

