// Starts a selection in a worker thread (bin/selection-worker.js) and resolves with its outcome.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Progress } from '../../domain/selection/leximin';
import type { SelectionProblem } from '../../domain/selection/problem';
import type { SelectionOutcome } from './run';

export type WorkerOutcome = Exclude<SelectionOutcome, { ok: true }> | Omit<Extract<SelectionOutcome, { ok: true }>, 'classes'>;

export function runInWorker(problem: SelectionProblem, seed: string, onProgress: (p: Progress) => void): Promise<WorkerOutcome> {
	const root = process.env.CONVENE_ROOT ?? process.cwd();
	const worker = new Worker(path.join(root, 'bin', 'selection-worker.js'), { workerData: { problem, seed } });
	return new Promise((resolve, reject) => {
		let isSettled = false;
		worker.on('message', (message: { type: 'progress'; progress: Progress } | { type: 'done'; outcome: WorkerOutcome } | { type: 'error'; message: string }) => {
			if (message.type === 'progress') return onProgress(message.progress);
			isSettled = true;
			void worker.terminate();
			if (message.type === 'done') resolve(message.outcome);
			else reject(new Error(message.message));
		});
		worker.on('error', (error) => {
			if (!isSettled) reject(error);
			isSettled = true;
		});
		worker.on('exit', (code) => {
			if (!isSettled) reject(new Error(`The selection worker stopped (exit code ${code}).`));
			isSettled = true;
		});
	});
}
