// Starts a selection in a worker thread (bin/selection-worker.js) and resolves with its outcome.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Progress } from '../../domain/selection/leximin';
import type { SelectionProblem } from '../../domain/selection/problem';
import type { SelectionOutcome } from './run';
import { SELECTION_TIME_LIMIT_SECONDS } from './time-limit';

export type WorkerOutcome = Exclude<SelectionOutcome, { ok: true }> | Omit<Extract<SelectionOutcome, { ok: true }>, 'classes'>;

/** Why a selection was stopped from outside: its time limit, or an organizer. What it reached goes with it. */
export class SelectionStopped extends Error {
	constructor(
		readonly reason: 'time-limit' | 'cancelled',
		readonly reached: Progress | null,
		readonly seconds: number
	) {
		super(reason === 'time-limit' ? `The selection was stopped at its time limit of ${seconds} s.` : 'The selection was stopped by an organizer.');
	}
}

/**
 * The thread is terminated at the time limit wherever it is (the first panel, the warm start, a
 * long integer program or the diagnosis), or when `signal` aborts (an organizer's stop).
 */
export function runInWorker(problem: SelectionProblem, seed: string, onProgress: (p: Progress) => void, signal?: AbortSignal, timeLimitSeconds = SELECTION_TIME_LIMIT_SECONDS): Promise<WorkerOutcome> {
	const root = process.env.CONVENE_ROOT ?? process.cwd();
	const worker = new Worker(path.join(root, 'bin', 'selection-worker.js'), { workerData: { problem, seed, timeLimitSeconds } });
	return new Promise((resolve, reject) => {
		let isSettled = false;
		let reached: Progress | null = null;
		/** The first answer stands: the timer is cleared and the thread ended (a no-op once it has exited). */
		const settle = (answer: () => void) => {
			if (isSettled) return;
			isSettled = true;
			clearTimeout(timer);
			void worker.terminate();
			answer();
		};
		const stop = (reason: 'time-limit' | 'cancelled') => settle(() => reject(new SelectionStopped(reason, reached, timeLimitSeconds)));
		// A margin over the solver's own check between iterations, which says more when it is in time.
		const timer = setTimeout(() => stop('time-limit'), timeLimitSeconds * 1000 + 2000);
		if (signal?.aborted) stop('cancelled');
		signal?.addEventListener('abort', () => stop('cancelled'), { once: true });
		worker.on('message', (message: { type: 'progress'; progress: Progress } | { type: 'done'; outcome: WorkerOutcome } | { type: 'error'; message: string } | { type: 'time-limit' }) => {
			if (message.type === 'progress') {
				reached = message.progress;
				return onProgress(message.progress);
			}
			if (message.type === 'time-limit') return stop('time-limit'); // the solver's own check, between iterations
			settle(() => (message.type === 'done' ? resolve(message.outcome) : reject(new Error(message.message))));
		});
		worker.on('error', (error) => settle(() => reject(error)));
		worker.on('exit', (code) => settle(() => reject(new Error(`The selection worker stopped (exit code ${code}).`))));
	});
}
