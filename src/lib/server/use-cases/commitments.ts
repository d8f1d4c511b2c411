// Pledges and country commitments of a review process. Pledge texts are public, so they pass the
// privacy core when saved; the countries table is saved whole, in one transaction.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { country, countryCommitment, objective, pledge, pledgeObjective } from '../db/schema';
import { writeAudit } from '../queries/audit';
import { passGate } from '../privacy/gate';
import { FORBIDDEN, NOT_FOUND, policy, type Actor, type Forbidden, type NotFound } from '../../domain/policy';
import { isEmptyCommitment, type CountryCommitmentRow, type TPledgeInput } from '../../domain/commitment-input';
import type { PLEDGE_STATUSES } from '../../domain/enums';
import { isUuid } from '../../domain/ids';
import { findingText } from '../privacy/finding-text';

type Invalid = { ok: false; reason: 'invalid'; errors: Record<string, string>; findings?: string[]; canOverride?: boolean };

export async function addPledge(db: Database, actor: Actor, processId: string | null, input: TPledgeInput, options: { overrideReason?: string | null } = {}): Promise<{ ok: true; id: string } | Forbidden | Invalid> {
	if (!policy.canModerate(actor)) return FORBIDDEN;
	if (input.objectiveIds.length) {
		const found = await db.select({ id: objective.id }).from(objective).where(inArray(objective.id, input.objectiveIds));
		if (found.length !== new Set(input.objectiveIds).size) return { ok: false, reason: 'invalid', errors: { objectiveIds: 'invalid' } };
	}
	if (input.countryCode && !(await db.select().from(country).where(eq(country.code, input.countryCode))).length) return { ok: false, reason: 'invalid', errors: { countryCode: 'invalid' } };
	return db.transaction(async (tx) => {
		// Pledges are public: the pledger's name and the commitment pass the privacy gate.
		const gate = await passGate(tx, actor, { processId }, { type: 'pledge', id: processId }, { pledgerName: input.pledgerName, commitment: input.commitment }, { overrideReason: options.overrideReason });
		if (!gate.ok) return { ok: false as const, reason: 'invalid' as const, errors: { commitment: 'privacy' }, findings: gate.findings.map((f) => findingText(f)), canOverride: gate.canOverride };
		const [row] = await tx.insert(pledge).values({ processId, pledgerName: gate.texts.pledgerName, countryCode: input.countryCode, commitment: gate.texts.commitment, status: input.status }).returning({ id: pledge.id });
		if (input.objectiveIds.length) await tx.insert(pledgeObjective).values([...new Set(input.objectiveIds)].map((objectiveId) => ({ pledgeId: row.id, objectiveId })));
		await writeAudit(tx, actor, { action: 'pledge.add', subjectType: 'pledge', subjectId: row.id, details: { status: input.status } });
		return { ok: true as const, id: row.id };
	});
}

export async function setPledgeStatus(db: Database, actor: Actor, id: string, status: (typeof PLEDGE_STATUSES)[number]): Promise<{ ok: true } | Forbidden | NotFound> {
	if (!policy.canModerate(actor)) return FORBIDDEN;
	if (!isUuid(id)) return NOT_FOUND;
	const updated = await db.update(pledge).set({ status }).where(eq(pledge.id, id)).returning({ id: pledge.id });
	if (!updated.length) return NOT_FOUND;
	await writeAudit(db, actor, { action: 'pledge.status', subjectType: 'pledge', subjectId: id, details: { status } });
	return { ok: true };
}

/** The whole countries table at once: rows saying nothing are removed, the others written. */
export async function saveCountryCommitments(db: Database, actor: Actor, processId: string, rows: readonly CountryCommitmentRow[], now: Date): Promise<{ ok: true; saved: number } | Forbidden> {
	if (!policy.canModerate(actor)) return FORBIDDEN;
	return db.transaction(async (tx) => {
		const empty = rows.filter(isEmptyCommitment).map((r) => r.countryCode);
		if (empty.length) await tx.delete(countryCommitment).where(and(eq(countryCommitment.processId, processId), inArray(countryCommitment.countryCode, empty)));
		const kept = rows.filter((r) => !isEmptyCommitment(r));
		for (const r of kept) {
			await tx
				.insert(countryCommitment)
				.values({ ...r, processId, updatedAt: now })
				.onConflictDoUpdate({ target: [countryCommitment.countryCode, countryCommitment.processId], set: { isChampion: r.isChampion, voluntaryReviewYear: r.voluntaryReviewYear, nationalActionPlanStatus: r.nationalActionPlanStatus, updatedAt: now } });
		}
		await writeAudit(tx, actor, { action: 'country-commitments.save', subjectType: 'review-process', subjectId: processId, details: { countries: kept.length } });
		return { ok: true as const, saved: kept.length };
	});
}
