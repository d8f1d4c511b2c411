// The organizers' balance targets for a consultation ("at least 40 per cent women"), checked
// against the known subregions, genders and stakeholder categories before anything is stored.
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { consultation, stakeholderCategory, subregion } from '../db/schema';
import { FORBIDDEN, policy, type Actor, type Forbidden } from '../../domain/policy';
import { parseTargets, type BalanceDimension } from '../../domain/balance';
import { GENDERS } from '../../domain/enums';

export type SaveTargetsResult = { ok: true } | Forbidden | { ok: false; reason: 'not-found' } | { ok: false; reason: 'invalid'; errors: Record<string, string> };

export async function knownBalanceValues(db: Database): Promise<Record<BalanceDimension, string[]>> {
	const [subregions, categories] = await Promise.all([
		db.select({ id: subregion.id }).from(subregion).orderBy(asc(subregion.position)),
		db.select({ id: stakeholderCategory.id }).from(stakeholderCategory).orderBy(asc(stakeholderCategory.position))
	]);
	return { subregion: subregions.map((s) => s.id), gender: [...GENDERS], category: categories.map((c) => c.id) };
}

export async function saveBalanceTargets(db: Database, actor: Actor, slug: string, fields: Iterable<[string, string]>): Promise<SaveTargetsResult> {
	const [c] = await db.select({ id: consultation.id }).from(consultation).where(eq(consultation.slug, slug));
	if (!c) return { ok: false, reason: 'not-found' };
	if (!policy.canOrganize(actor, c.id)) return FORBIDDEN;
	const parsed = parseTargets(fields, await knownBalanceValues(db));
	if (!parsed.ok) return { ok: false, reason: 'invalid', errors: parsed.errors };
	await db.update(consultation).set({ balanceTargets: parsed.targets, updatedAt: new Date() }).where(eq(consultation.id, c.id));
	return { ok: true };
}
