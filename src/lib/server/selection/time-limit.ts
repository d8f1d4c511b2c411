// The longest a selection may run (CONVENE_SELECTION_TIME_LIMIT, seconds; 600 by default), read in one
// place: by the solver, which checks it between iterations and says how far it got, by the thread's
// owner, which terminates the thread a little after it wherever the solver is, and by the queue,
// whose lease on a selection job is this and a margin.
export function selectionTimeLimitSeconds(env: NodeJS.ProcessEnv = process.env): number {
	const seconds = Number(env.CONVENE_SELECTION_TIME_LIMIT);
	return seconds > 0 ? seconds : 600;
}

export const SELECTION_TIME_LIMIT_SECONDS = selectionTimeLimitSeconds();
