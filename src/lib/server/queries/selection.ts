// Reads of the selection: the pool (every registration waiting for a decision, described by
// subregion, gender and stakeholder group), the registrants of a run with their chance, whether they
// were drawn, their place on the waiting list and their status now, and the replacements an
// accepted run suggests for people who left.
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../db';
import type { Person, Quota, SelectionProblem } from '../../domain/selection/problem';
import type { DimensionCounts } from '../../domain/selection/quotas';
import { replacementFor } from '../../domain/selection/waiting-list';
import { consultation, country, organization, person, registration, selectionProbability, selectionRun } from '../db/schema';
import type { RegistrationStatus } from '../../domain/enums';
import type { ConsultationId, OrganizationId, RegistrationId } from '../../domain/ids';

export const SELECTION_DIMENSIONS = ['subregion', 'gender', 'category'] as const;
/** The registrations a selection draws from: still waiting for a decision. */
export const POOL_STATUSES: readonly RegistrationStatus[] = ['submitted', 'waitlisted'];
export const NOT_STATED = 'not-stated';

export interface PoolMember {
	registrationId: RegistrationId;
	organizationId: OrganizationId | null;
	features: { subregion: string; gender: string; category: string };
}

/** The registrations waiting for a decision, in the order they came in. */
export function loadPool(db: Executor, consultationId: ConsultationId): Promise<PoolMember[]> {
	return poolMembers(db, and(eq(registration.consultationId, consultationId), inArray(registration.status, POOL_STATUSES))!);
}

/** The same description for given registrations, whatever their status now. */
export function loadMembers(db: Executor, registrationIds: readonly RegistrationId[]): Promise<PoolMember[]> {
	return registrationIds.length ? poolMembers(db, inArray(registration.id, [...registrationIds])) : Promise.resolve([]);
}

/** A run's recorded pool, in its order; null when one of its registrations is gone (erased). */
export async function loadRecordedPool(db: Executor, registrationIds: readonly RegistrationId[]): Promise<PoolMember[] | null> {
	const byId = new Map((await loadMembers(db, registrationIds)).map((p) => [p.registrationId, p]));
	const pool = registrationIds.map((id) => byId.get(id)).filter((m): m is PoolMember => !!m);
	return pool.length === registrationIds.length ? pool : null;
}

async function poolMembers(db: Executor, where: SQL): Promise<PoolMember[]> {
	const rows = await db
		.select({ id: registration.id, organizationId: registration.organizationId, subregionId: country.subregionId, gender: registration.gender, categoryId: registration.categoryId })
		.from(registration)
		.leftJoin(country, eq(registration.countryCode, country.code))
		.where(where)
		.orderBy(asc(registration.submittedAt), asc(registration.id));
	return rows.map((r) => ({
		registrationId: r.id,
		organizationId: r.organizationId,
		features: { subregion: r.subregionId ?? NOT_STATED, gender: r.gender ?? NOT_STATED, category: r.categoryId ?? NOT_STATED }
	}));
}


export async function listRunPeople(db: Executor, runId: string, pool: readonly RegistrationId[]) {
	const rows = await db
		.select({
			registrationId: selectionProbability.registrationId,
			probability: selectionProbability.probability,
			isSelected: selectionProbability.isSelected,
			waitlistPosition: selectionProbability.waitlistPosition,
			name: person.name,
			organization: organization.name,
			status: registration.status
		})
		.from(selectionProbability)
		.innerJoin(registration, eq(selectionProbability.registrationId, registration.id))
		.innerJoin(person, eq(registration.personId, person.id))
		.leftJoin(organization, eq(registration.organizationId, organization.id))
		.where(eq(selectionProbability.runId, runId));
	const features = new Map((await loadMembers(db, pool)).map((p) => [p.registrationId, p.features]));
	return rows
		.map((r) => ({ ...r, features: features.get(r.registrationId) ?? null }))
		.sort((a, b) => Number(b.isSelected) - Number(a.isSelected) || (a.waitlistPosition ?? 1e9) - (b.waitlistPosition ?? 1e9));
}

/** A selection run with its consultation's slug and title; null when there is none. */
export async function getRunWithSlug(db: Executor, runId: string) {
	const [row] = await db.select({ run: selectionRun, slug: consultation.slug, title: consultation.title }).from(selectionRun).innerJoin(consultation, eq(selectionRun.consultationId, consultation.id)).where(eq(selectionRun.id, runId));
	return row ?? null;
}

/** Registrants per value of each dimension, as deriveQuotas reads them. */
export function poolCounts(pool: readonly PoolMember[]): DimensionCounts[] {
	return SELECTION_DIMENSIONS.map((d) => {
		const counts: Record<string, number> = {};
		for (const p of pool) counts[p.features[d]] = (counts[p.features[d]] ?? 0) + 1;
		return { category: d, counts };
	});
}

export function poolProblem(pool: readonly PoolMember[], quotas: readonly Quota[], panelSize: number): SelectionProblem {
	const people: Person[] = pool.map((p) => ({ features: p.features, group: p.organizationId }));
	return { people, quotas, panelSize };
}

export interface Replacement {
	leaving: { registrationId: RegistrationId; name: string; status: string };
	replacement: { registrationId: RegistrationId; name: string } | null;
}

/**
 * For an accepted run: the drawn people who have since withdrawn (or were declined), each with the
 * first person still on the waiting list whose place in the panel keeps every quota and the
 * one-per-organization rule. Decliners are replaced in turn, each suggestion counting the ones before.
 * A seat already filled (someone not drawn is now selected or confirmed) is no longer offered: each
 * person seated since the draw is matched to the first person who left whose place they can take
 * (else to the first seat still open), so the seats still offered are the ones really empty.
 */
export async function suggestReplacements(db: Executor, runId: string): Promise<Replacement[]> {
	const [run] = await db.select().from(selectionRun).where(eq(selectionRun.id, runId));
	if (!run || run.status !== 'accepted') return [];
	if (!run.outcome?.drawn || !run.outcome.waitingList) return [];
	const outcome = { pool: run.outcome.pool, drawn: run.outcome.drawn, waitingList: run.outcome.waitingList };
	const pool = await loadRecordedPool(db, outcome.pool);
	if (!pool) return [];
	const statuses = await db
		.select({ id: registration.id, status: registration.status, name: person.name })
		.from(registration)
		.innerJoin(person, eq(registration.personId, person.id))
		.where(inArray(registration.id, outcome.pool));
	const info = new Map(statuses.map((s) => [s.id, s]));
	const statusAt = (i: number) => info.get(outcome.pool[i])?.status ?? '';
	const problem = poolProblem(pool, run.quotas, run.panelSize);
	const isSeated = (i: number) => statusAt(i) === 'selected' || statusAt(i) === 'confirmed';
	const left = outcome.drawn.filter((i) => statusAt(i) === 'withdrawn' || statusAt(i) === 'declined');
	const seatedSince = outcome.pool.map((_, i) => i).filter((i) => isSeated(i) && !outcome.drawn.includes(i));
	let panel = [...outcome.drawn.filter(isSeated), ...left];
	const leaving = [...left];
	for (const s of seatedSince) {
		if (!leaving.length) break;
		const seat = leaving.find((i) => replacementFor(problem, panel, i, [s]) !== null) ?? leaving[0];
		panel = panel.map((x) => (x === seat ? s : x));
		leaving.splice(leaving.indexOf(seat), 1);
	}
	const waiting = outcome.waitingList.map((e) => e.person).filter((i) => statusAt(i) === 'waitlisted');
	return leaving.map((i) => {
		const r = replacementFor(problem, panel, i, waiting.filter((w) => !panel.includes(w)));
		if (r !== null) panel = panel.map((x) => (x === i ? r : x));
		const who = (k: number) => ({ registrationId: outcome.pool[k], name: info.get(outcome.pool[k])?.name ?? '' });
		return { leaving: { ...who(i), status: statusAt(i) }, replacement: r === null ? null : who(r) };
	});
}

/** A consultation's selection runs, newest first. */
export function listRuns(db: Executor, consultationId: ConsultationId) {
	return db.select().from(selectionRun).where(eq(selectionRun.consultationId, consultationId)).orderBy(desc(selectionRun.createdAt));
}
