// Fair selection for a consultation: the pool is every registration still waiting for a decision
// (submitted or waitlisted), described by subregion, gender and stakeholder group, grouped by
// organization. A run is recorded before it starts (quotas, seed, pool order), solved in a worker,
// and its outcome stored: probabilities, distribution and hash, panel and waiting list — or the
// conflicting quotas. Accepting a run selects the panel, waitlists the rest in order, and tells
// everyone in their language.
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Database } from '../db';
import { consultation, person, registration, selectionProbability, selectionRun } from '../db/schema';
import type { Mailer } from '../mail';
import { writeAudit } from '../queries/audit';
import { registrationDecisionMessage } from '../messages/registration-decision';
import { FORBIDDEN, policy, type Actor, type Forbidden } from '../../domain/policy';
import type { Progress } from '../../domain/selection/leximin';
import type { Quota, SelectionProblem } from '../../domain/selection/problem';
import type { WorkerOutcome } from '../selection/in-worker';
import { isUuid, type RegistrationId } from '../../domain/ids';
import { loadMembers, loadPool, NOT_STATED, POOL_STATUSES, poolCounts, poolProblem, SELECTION_DIMENSIONS, suggestReplacements, type PoolMember, type Replacement } from '../queries/selection';
import { isOneOf } from '../../domain/enums';

export { loadMembers, loadPool, NOT_STATED, poolCounts, poolProblem, SELECTION_DIMENSIONS, suggestReplacements, type PoolMember, type Replacement };


export type StartResult = { ok: true; runId: string } | Forbidden | { ok: false; reason: 'not-found' | 'already-running' | 'empty-pool' };

export type Runner = (problem: SelectionProblem, seed: string, onProgress: (p: Progress) => void) => Promise<WorkerOutcome>;

/**
 * Records the run and starts it; `done` resolves when the outcome is stored (the web request does
 * not wait for it; tests and the CLI do).
 */
export async function startSelection(
	db: Database,
	actor: Actor,
	slug: string,
	input: { panelSize: number; seed: string; quotas: Quota[] },
	runner: Runner
): Promise<StartResult & { done?: Promise<void> }> {
	const started = await db.transaction(async (tx) => {
		const [c] = await tx.select().from(consultation).where(eq(consultation.slug, slug)).for('update');
		if (!c) return { ok: false as const, reason: 'not-found' as const };
		if (!policy.canOrganize(actor, c.id)) return FORBIDDEN;
		const [running] = await tx.select({ id: selectionRun.id }).from(selectionRun).where(and(eq(selectionRun.consultationId, c.id), eq(selectionRun.status, 'pending')));
		if (running) return { ok: false as const, reason: 'already-running' as const };
		const pool = await loadPool(tx as unknown as Database, c.id);
		if (!pool.length) return { ok: false as const, reason: 'empty-pool' as const };
		const [run] = await tx
			.insert(selectionRun)
			.values({
				consultationId: c.id,
				createdByUserId: actor.kind === 'staff' ? actor.userId : null,
				algorithm: 'leximin',
				panelSize: input.panelSize,
				quotas: input.quotas,
				seed: input.seed,
				outcome: { pool: pool.map((p) => p.registrationId), progress: null }
			})
			.returning({ id: selectionRun.id });
		await writeAudit(tx, actor, { action: 'selection.start', subjectType: 'consultation', subjectId: c.id, details: { runId: run.id, panelSize: input.panelSize, seed: input.seed, pool: pool.length } });
		return { ok: true as const, runId: run.id, pool };
	});
	if (!started.ok) return started;
	const problem = poolProblem(started.pool, input.quotas, input.panelSize);
	const done = finish(db, started.runId, started.pool, problem, input.seed, runner);
	return { ok: true, runId: started.runId, done };
}

async function finish(db: Database, runId: string, pool: readonly PoolMember[], problem: SelectionProblem, seed: string, runner: Runner) {
	let lastSaved = 0;
	const saveProgress = (progress: Progress) => {
		const now = Date.now();
		if (now - lastSaved < 1000) return;
		lastSaved = now;
		void db
			.update(selectionRun)
			.set({ outcome: { pool: pool.map((p) => p.registrationId), progress } })
			.where(and(eq(selectionRun.id, runId), eq(selectionRun.status, 'pending')))
			.catch(() => undefined);
	};
	let outcome: WorkerOutcome;
	try {
		outcome = await runner(problem, seed, saveProgress);
	} catch (error) {
		await db.update(selectionRun).set({ status: 'failed', outcome: { pool: pool.map((p) => p.registrationId), error: (error as Error).message } }).where(eq(selectionRun.id, runId));
		return;
	}
	const ids = pool.map((p) => p.registrationId);
	if (!outcome.ok) {
		await db.update(selectionRun).set({ status: 'infeasible', outcome: { pool: ids, diagnosis: outcome.diagnosis } }).where(eq(selectionRun.id, runId));
		return;
	}
	const drawn = new Set(outcome.drawn);
	const waitPosition = new Map(outcome.waitingList.map((e, i) => [e.person, i + 1]));
	await db.transaction(async (tx) => {
		await tx
			.update(selectionRun)
			.set({
				status: 'completed',
				distribution: outcome.distribution,
				distributionHash: outcome.distributionHash,
				outcome: {
					pool: ids,
					minProbability: outcome.minProbability,
					drawn: outcome.drawn,
					waitingList: outcome.waitingList,
					stats: outcome.stats
				}
			})
			.where(eq(selectionRun.id, runId));
		await tx.insert(selectionProbability).values(
			ids.map((registrationId, i) => ({
				runId,
				registrationId,
				probability: Math.min(1, Math.max(0, outcome.probabilities[i])),
				isSelected: drawn.has(i),
				waitlistPosition: waitPosition.get(i) ?? null
			}))
		);
	});
}

/** Runs interrupted by a restart cannot finish: say so rather than leave them pending forever. */
export async function failInterruptedRuns(db: Database): Promise<void> {
	await db.update(selectionRun).set({ status: 'failed' }).where(eq(selectionRun.status, 'pending'));
}

export type AcceptResult = { ok: true; selected: number; waitlisted: number } | Forbidden | { ok: false; reason: 'not-found' | 'not-completed' | 'pool-changed' };

export async function acceptSelection(
	db: Database,
	mailer: Mailer | null,
	actor: Actor,
	runId: string,
	now: Date,
	urls: { page: (slug: string) => string; signIn: string }
): Promise<AcceptResult> {
	if (!isUuid(runId)) return { ok: false, reason: 'not-found' };
	const result = await db.transaction(async (tx) => {
		const [run] = await tx.select().from(selectionRun).where(eq(selectionRun.id, runId)).for('update');
		if (!run) return { ok: false as const, reason: 'not-found' as const };
		const [c] = await tx.select().from(consultation).where(eq(consultation.id, run.consultationId)).for('update');
		if (!policy.canOrganize(actor, c.id)) return FORBIDDEN;
		if (run.status !== 'completed') return { ok: false as const, reason: 'not-completed' as const };
		const rows = await tx.select().from(selectionProbability).where(eq(selectionProbability.runId, run.id));
		const current = await tx
			.select({ id: registration.id, status: registration.status })
			.from(registration)
			.where(inArray(registration.id, rows.map((r) => r.registrationId)))
			.for('update');
		// A drawn registrant who withdrew since the run: the panel is no longer the one drawn.
		const statusOf = new Map(current.map((r) => [r.id, r.status]));
		if (rows.some((r) => r.isSelected && !isOneOf(POOL_STATUSES, statusOf.get(r.registrationId)))) return { ok: false as const, reason: 'pool-changed' as const };
		const selected = rows.filter((r) => r.isSelected).map((r) => r.registrationId);
		const waitlisted = rows.filter((r) => !r.isSelected && isOneOf(POOL_STATUSES, statusOf.get(r.registrationId))).map((r) => r.registrationId);
		if (selected.length) await tx.update(registration).set({ status: 'selected', decidedAt: now, updatedAt: now }).where(inArray(registration.id, selected));
		if (waitlisted.length) await tx.update(registration).set({ status: 'waitlisted', decidedAt: now, updatedAt: now }).where(inArray(registration.id, waitlisted));
		await tx.update(selectionRun).set({ status: 'accepted', acceptedAt: now }).where(eq(selectionRun.id, run.id));
		await tx.update(selectionRun).set({ status: 'discarded' }).where(and(eq(selectionRun.consultationId, c.id), eq(selectionRun.status, 'completed'), ne(selectionRun.id, run.id)));
		await writeAudit(tx, actor, { action: 'selection.accept', subjectType: 'consultation', subjectId: c.id, details: { runId: run.id, selected: selected.length, waitlisted: waitlisted.length, distributionHash: run.distributionHash } });
		return { ok: true as const, selected, waitlisted, consultation: c };
	});
	if (!result.ok) return result;
	if (mailer) {
		const notify = async (ids: RegistrationId[], decision: 'selected' | 'waitlisted') => {
			if (!ids.length) return;
			const people = await db
				.select({ email: person.email, name: person.name, locale: person.preferredLocale })
				.from(registration)
				.innerJoin(person, eq(registration.personId, person.id))
				.where(inArray(registration.id, ids));
			for (const p of people) {
				if (p.email) await mailer.send(registrationDecisionMessage({ email: p.email, name: p.name, locale: p.locale }, decision, result.consultation, { page: urls.page(result.consultation.slug), signIn: urls.signIn }));
			}
		};
		await notify(result.selected, 'selected');
		await notify(result.waitlisted, 'waitlisted');
	}
	return { ok: true, selected: result.selected.length, waitlisted: result.waitlisted.length };
}

