// The organizers' balance targets for a consultation ("at least 40 per cent women"), checked
// against the known subregions, genders and stakeholder categories before anything is stored.
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { consultation } from '../db/schema';
import { FORBIDDEN, policy, type Actor, type Forbidden } from '../../domain/policy';
import { parseTargets } from '../../domain/balance';
import { knownBalanceValues } from '../queries/reference';

export type SaveTargetsResult = { ok: true } | Forbidden | { ok: false; reason: 'not-found' } | { ok: false; reason: 'invalid'; errors: Record<string, string> };

export async function saveBalanceTargets(db: Database, actor: Actor, slug: string, fields: Iterable<[string, string]>, now: Date): Promise<SaveTargetsResult> {
	const [c] = await db.select({ id: consultation.id }).from(consultation).where(eq(consultation.slug, slug));
	if (!c) return { ok: false, reason: 'not-found' };
	if (!policy.canOrganize(actor, c.id)) return FORBIDDEN;
	const parsed = parseTargets(fields, await knownBalanceValues(db));
	if (!parsed.ok) return { ok: false, reason: 'invalid', errors: parsed.errors };
	await db.update(consultation).set({ balanceTargets: parsed.targets, updatedAt: now }).where(eq(consultation.id, c.id));
	return { ok: true };
}
