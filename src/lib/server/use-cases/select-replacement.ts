// Seating the replacement of someone drawn who has left: an organizer selects the person an accepted
// run suggests for the empty seat, and that person is told. The suggestion is recomputed inside the
// transaction that selects, with the run row locked, so two organizers replacing the same seat at
// once cannot both seat someone: the second sees the first replacement seated and is refused.
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { selectionRun } from '../db/schema';
import type { Mailer } from '../mail';
import { suggestReplacements } from '../queries/selection';
import { decideRegistrationIn, notifyDecision, type DecisionUrls, type MoveResult } from './move-registration';
import { FORBIDDEN, policy, type Actor } from '../../domain/policy';
import { isUuid, type RegistrationId } from '../../domain/ids';

export type ReplacementResult = MoveResult | { ok: false; reason: 'not-suggested' };

export async function selectReplacement(db: Database, mailer: Mailer | null, actor: Actor, runId: string, registrationId: RegistrationId, now: Date, urls: DecisionUrls): Promise<ReplacementResult> {
	if (!isUuid(runId)) return { ok: false, reason: 'not-found' };
	const result = await db.transaction(async (tx) => {
		const [run] = await tx.select({ consultationId: selectionRun.consultationId }).from(selectionRun).where(eq(selectionRun.id, runId)).for('update');
		if (!run) return { ok: false as const, reason: 'not-found' as const };
		if (!policy.canOrganize(actor, run.consultationId)) return FORBIDDEN;
		const suggestions = await suggestReplacements(tx, runId);
		if (!suggestions.some((s) => s.replacement?.registrationId === registrationId)) return { ok: false as const, reason: 'not-suggested' as const };
		const moved = await decideRegistrationIn(tx, actor, registrationId, 'selected', now);
		if (moved.ok) await notifyDecision(tx, mailer, moved, 'selected', urls);
		return moved;
	});
	return result.ok ? { ok: true, status: result.status } : result;
}
