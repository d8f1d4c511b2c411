// Fair selection for a consultation: the pool is every registration still waiting for a decision
// (submitted or waitlisted), described by subregion, gender and stakeholder group, grouped by
// organization. A run is recorded before it starts (quotas, seed, pool order) together with its job
// (in one transaction), solved by whichever worker takes the job, and its outcome stored:
// probabilities, distribution and hash, panel and waiting list — or the conflicting quotas.
// Accepting a run selects the panel, waitlists the rest in order, and tells everyone in their language.
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { consultation, person, registration, selectionProbability, selectionRun } from '../db/schema';
import type { Mailer } from '../mail';
import { writeAudit } from '../queries/audit';
import { registrationDecisionMessage } from '../messages/registration-decision';
import { FORBIDDEN, NOT_FOUND, policy, type Actor, type Forbidden, type NotFound } from '../../domain/policy';
import type { Progress } from '../../domain/selection/leximin';
import type { Quota, SelectionProblem } from '../../domain/selection/problem';
import { englishFailure, type RunFailure } from '../../domain/selection/run-record';
import { SelectionStopped, type WorkerOutcome } from '../selection/in-worker';
import { isUuid, type ConsultationId } from '../../domain/ids';
import { uniqueViolation } from '../db/errors';
import { loadMembers, loadPool, loadRecordedPool, NOT_STATED, POOL_STATUSES, poolCounts, poolProblem, SELECTION_DIMENSIONS, suggestReplacements, type PoolMember, type Replacement } from '../queries/selection';
import { isOneOf } from '../../domain/enums';

export { loadMembers, loadPool, NOT_STATED, poolCounts, poolProblem, SELECTION_DIMENSIONS, suggestReplacements, type PoolMember, type Replacement };


export type StartResult = { ok: true; runId: string } | Forbidden | { ok: false; reason: 'not-found' | 'already-running' | 'empty-pool' };

export type Runner = (problem: SelectionProblem, seed: string, onProgress: (p: Progress) => void, signal?: AbortSignal) => Promise<WorkerOutcome>;

/** Queues the computation of a run, in the transaction that records it (the job queue, or a test's stand-in). */
export type RunScheduler = (via: Executor, runId: string, consultationId: ConsultationId) => Promise<unknown>;

/**
 * Records the run and queues its computation in the same transaction: a run exists only with its
 * job. A second run of the same consultation while one is computing is refused (and the database's
 * one-pending-run index refuses it too, from any process).
 */
export async function startSelection(
	db: Database,
	actor: Actor,
	slug: string,
	input: { panelSize: number; seed: string; quotas: Quota[] },
	schedule: RunScheduler
): Promise<StartResult> {
	try {
		return await recordRun(db, actor, slug, input, schedule);
	} catch (error) {
		if (uniqueViolation(error) === 'selection_run_one_pending_uq') return { ok: false, reason: 'already-running' };
		throw error;
	}
}

async function recordRun(db: Database, actor: Actor, slug: string, input: { panelSize: number; seed: string; quotas: Quota[] }, schedule: RunScheduler): Promise<StartResult> {
	return db.transaction(async (tx) => {
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
		await schedule(tx, run.id, c.id);
		return { ok: true as const, runId: run.id };
	});
}

/**
 * The selection job: computes a pending run from what its row recorded (the pool in its order, the
 * quotas, the seed) and stores the outcome — unless the run is no longer pending (then nothing is
 * written). A job taken over from a worker that died computes the same run again, with the same seed.
 */
export async function computeRun(db: Database, runId: string, runner: Runner): Promise<void> {
	const [run] = await db.select().from(selectionRun).where(eq(selectionRun.id, runId));
	if (!run || run.status !== 'pending' || !run.outcome) return;
	const pool = await loadRecordedPool(db, run.outcome.pool);
	if (!pool) {
		await failRun(db, runId, { kind: 'pool-changed' });
		return;
	}
	await finish(db, runId, pool, poolProblem(pool, run.quotas, run.panelSize), run.seed, runner);
}

/** An organizer stops a run that is computing: its thread ends, and no registration is changed. */
export async function cancelRun(db: Database, actor: Actor, runId: string): Promise<{ ok: true } | Forbidden | NotFound | { ok: false; reason: 'not-pending' }> {
	const [run] = isUuid(runId) ? await db.select({ consultationId: selectionRun.consultationId }).from(selectionRun).where(eq(selectionRun.id, runId)) : [];
	if (!run) return NOT_FOUND;
	if (!policy.canOrganize(actor, run.consultationId)) return FORBIDDEN;
	return db.transaction(async (tx) => {
		if (!(await failRun(tx, runId, { kind: 'cancelled' }))) return { ok: false as const, reason: 'not-pending' as const };
		await writeAudit(tx, actor, { action: 'selection.stop', subjectType: 'consultation', subjectId: run.consultationId, details: { runId } });
		return { ok: true as const };
	});
}

/** A run that cannot finish says why; a run already finished or failed is left as it is. Whether it was failed here. */
export async function failRun(db: Executor, runId: string, failure: RunFailure): Promise<boolean> {
	const [run] = await db.select({ outcome: selectionRun.outcome }).from(selectionRun).where(eq(selectionRun.id, runId));
	if (!run) return false;
	const failed = await db
		.update(selectionRun)
		.set({ status: 'failed', outcome: { pool: run.outcome?.pool ?? [], error: englishFailure(failure), failure } })
		.where(and(eq(selectionRun.id, runId), eq(selectionRun.status, 'pending')))
		.returning({ id: selectionRun.id });
	return failed.length > 0;
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
	// An organizer's stop is a change of the run's status: looked for every two seconds, and the thread ended.
	const stop = new AbortController();
	const watch = setInterval(() => {
		void db
			.select({ status: selectionRun.status })
			.from(selectionRun)
			.where(eq(selectionRun.id, runId))
			.then(([row]) => {
				if (row?.status !== 'pending') stop.abort();
			})
			.catch(() => undefined);
	}, 2000);
	let outcome: WorkerOutcome;
	try {
		outcome = await runner(problem, seed, saveProgress, stop.signal);
	} catch (error) {
		if (error instanceof SelectionStopped && error.reason === 'cancelled') return; // the stop recorded why
		await failRun(db, runId, error instanceof SelectionStopped ? { kind: 'time-limit', seconds: error.seconds, reached: error.reached } : { kind: 'error', message: (error as Error).message });
		return;
	} finally {
		clearInterval(watch);
	}
	const ids = pool.map((p) => p.registrationId);
	if (!outcome.ok) {
		await db.update(selectionRun).set({ status: 'infeasible', outcome: { pool: ids, diagnosis: outcome.diagnosis } }).where(and(eq(selectionRun.id, runId), eq(selectionRun.status, 'pending')));
		return;
	}
	const drawn = new Set(outcome.drawn);
	const waitPosition = new Map(outcome.waitingList.map((e, i) => [e.person, i + 1]));
	await db.transaction(async (tx) => {
		const stored = await tx
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
			.where(and(eq(selectionRun.id, runId), eq(selectionRun.status, 'pending')))
			.returning({ id: selectionRun.id });
		// Failed meanwhile (its lease ran out and another worker gave up on it): that answer stands.
		if (!stored.length) return;
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
		// Everyone is told in their language; the messages are stored with the decision (the outbox).
		if (mailer) {
			for (const [ids, decision] of [[selected, 'selected'], [waitlisted, 'waitlisted']] as const) {
				if (!ids.length) continue;
				const people = await tx
					.select({ email: person.email, name: person.name, locale: registration.locale })
					.from(registration)
					.innerJoin(person, eq(registration.personId, person.id))
					.where(inArray(registration.id, ids));
				for (const p of people) {
					if (p.email) await mailer.send(registrationDecisionMessage({ email: p.email, name: p.name, locale: p.locale }, decision, c, { page: urls.page(c.slug), signIn: urls.signIn }), tx);
				}
			}
		}
		return { ok: true as const, selected, waitlisted };
	});
	if (!result.ok) return result;
	return { ok: true, selected: result.selected.length, waitlisted: result.waitlisted.length };
}

