// Create or edit a consultation's concept note. Admins and organizers create (the creator becomes
// its organizer); only its organizers (and admins) edit. Drafts stay invisible to the public.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { consultation, consultationObjective, consultationStaff, organizingTeamMember } from '../db/schema';
import { FORBIDDEN, policy, type Actor, type Forbidden } from '../../domain/policy';
import { objectiveId, GCM_FRAMEWORK_ID } from '../../domain/reference';
import type { ConsultationValues } from '../../domain/consultation-input';
import type { ProtectionScope } from '../queries/protected';
import { clearedList, fieldErrors, listFields, passGate } from '../privacy/gate';
import { writeAudit } from '../queries/audit';
import { isForeignKeyViolation, uniqueViolation } from '../db/errors';
import type { ConsultationId } from '../../domain/ids';
import { findingText } from '../privacy/finding-text';

export type SaveConsultationResult =
	| { ok: true; slug: string }
	| Forbidden
	| { ok: false; reason: 'not-found' }
	| { ok: false; reason: 'invalid'; errors: Record<string, string>; findings?: string[]; canOverride?: boolean };

/** `overrideReason`: an administrator's written reason to save past a blocking privacy finding (audited). */
export async function saveConsultation(db: Database, actor: Actor, existingSlug: string | null, values: ConsultationValues, now: Date, options: { overrideReason?: string | null } = {}): Promise<SaveConsultationResult> {
	if (actor.kind !== 'staff' && actor.kind !== 'system') return FORBIDDEN;
	if (existingSlug === null && !policy.canCreateConsultation(actor)) return FORBIDDEN;
	const { objectiveNumbers, team, ...row } = values;
	try {
		return await db.transaction(async (tx) => {
			// An edit locks the consultation and checks the organizer first.
			const [existing] = existingSlug === null ? [] : await tx.select({ id: consultation.id, k: consultation.anonymityThreshold }).from(consultation).where(eq(consultation.slug, existingSlug)).for('update');
			if (existingSlug !== null && !existing) return { ok: false as const, reason: 'not-found' as const };
			if (existing && !policy.canOrganize(actor, existing.id)) return FORBIDDEN;
			// Lowering k lets smaller groups be described: a privacy decision, like an override, for
			// administrators only, and kept in the audit log.
			if (existing && row.anonymityThreshold < existing.k) {
				if (!policy.canOverridePrivacy(actor)) return { ok: false as const, reason: 'invalid' as const, errors: { anonymityThreshold: 'anonymity-threshold-admin' } };
				await writeAudit(tx, actor, { action: 'consultation.lower-anonymity-threshold', subjectType: 'consultation', subjectId: existing.id, details: { from: existing.k, to: row.anonymityThreshold } });
			}
			// The concept note is public: its texts pass the privacy gate, against everyone the
			// consultation protects (a new one: every consultation's).
			const scope: ProtectionScope = existing ? { consultationId: existing.id } : 'everywhere';
			const texts = {
				title: row.title,
				theme: row.theme ?? '',
				background: row.background ?? '',
				venue: row.venue ?? '',
				participationRules: row.participationRules ?? '',
				expectedOutcomes: row.expectedOutcomes ?? '',
				...listFields('reviewObjectives', row.reviewObjectives)
			};
			const gate = await passGate(tx, actor, scope, { type: 'consultation', id: existing?.id ?? null }, texts, { overrideReason: options.overrideReason });
			if (!gate.ok) return { ok: false as const, reason: 'invalid' as const, errors: fieldErrors(texts, gate.findings), findings: gate.findings.map((f) => findingText(f)), canOverride: gate.canOverride };
			// What is stored is what the gate cleared.
			const t = gate.texts;
			const cleared = {
				...row,
				title: t.title,
				theme: row.theme === null ? null : t.theme,
				background: row.background === null ? null : t.background,
				venue: row.venue === null ? null : t.venue,
				participationRules: row.participationRules === null ? null : t.participationRules,
				expectedOutcomes: row.expectedOutcomes === null ? null : t.expectedOutcomes,
				reviewObjectives: clearedList(t, 'reviewObjectives', row.reviewObjectives.length)
			};
			let id: ConsultationId;
			if (!existing) {
				const [created] = await tx.insert(consultation).values(cleared).returning({ id: consultation.id });
				id = created.id;
				if (actor.kind === 'staff') await tx.insert(consultationStaff).values({ consultationId: id, userId: actor.userId, role: 'organizer' }).onConflictDoNothing();
			} else {
				id = existing.id;
				await tx.update(consultation).set({ ...cleared, updatedAt: now }).where(eq(consultation.id, id));
				await tx.delete(consultationObjective).where(and(eq(consultationObjective.consultationId, id)));
				await tx.delete(organizingTeamMember).where(eq(organizingTeamMember.consultationId, id));
			}
			if (team.length) {
				await tx.insert(organizingTeamMember).values(team.map((m, i) => ({ consultationId: id, organizationId: m.organizationId, role: m.role, position: i })));
			}
			if (objectiveNumbers.length) {
				await tx.insert(consultationObjective).values(objectiveNumbers.map((n) => ({ consultationId: id, objectiveId: objectiveId(GCM_FRAMEWORK_ID, n) })));
			}
			return { ok: true as const, slug: row.slug };
		});
	} catch (error) {
		if (uniqueViolation(error)) return { ok: false, reason: 'invalid', errors: { slug: 'slug-taken' } };
		if (isForeignKeyViolation(error)) return { ok: false, reason: 'invalid', errors: { leadAgencyIds: 'organization-invalid' } };
		throw error;
	}
}
