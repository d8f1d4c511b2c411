// The selection worker: receives a problem and a seed, posts progress, then the outcome.
import { parentPort, workerData } from 'node:worker_threads';
import { runSelection, withoutClasses } from './run';
import { SelectionTimeLimit } from '../../domain/selection/leximin';
import type { SelectionProblem } from '../../domain/selection/problem';

const { problem, seed, timeLimitSeconds } = workerData as { problem: SelectionProblem; seed: string; timeLimitSeconds?: number };
let lastPost = 0;
try {
	const outcome = await runSelection(problem, seed, (p) => {
		const now = Date.now();
		if (now - lastPost < 500) return;
		lastPost = now;
		parentPort!.postMessage({ type: 'progress', progress: p });
	}, timeLimitSeconds);
	parentPort!.postMessage({ type: 'done', outcome: withoutClasses(outcome) });
} catch (error) {
	parentPort!.postMessage(error instanceof SelectionTimeLimit ? { type: 'time-limit' } : { type: 'error', message: (error as Error).message });
}
