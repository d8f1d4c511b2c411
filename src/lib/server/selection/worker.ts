// The selection worker: receives a problem and a seed, posts progress, then the outcome.
import { parentPort, workerData } from 'node:worker_threads';
import { runSelection, withoutClasses } from './run';
import type { SelectionProblem } from '../../domain/selection/problem';

const { problem, seed } = workerData as { problem: SelectionProblem; seed: string };
let lastPost = 0;
try {
	const outcome = await runSelection(problem, seed, (p) => {
		const now = Date.now();
		if (now - lastPost < 500) return;
		lastPost = now;
		parentPort!.postMessage({ type: 'progress', progress: p });
	});
	parentPort!.postMessage({ type: 'done', outcome: withoutClasses(outcome) });
} catch (error) {
	parentPort!.postMessage({ type: 'error', message: (error as Error).message });
}
