// The longest a selection may run (CONVENE_SELECTION_TIME_LIMIT, seconds; 600 by default), read in one
// place: by the solver, which checks it between iterations and says how far it got, and by the
// thread's owner, which terminates the thread a little after it wherever the solver is.
export const SELECTION_TIME_LIMIT_SECONDS = Number(process.env.CONVENE_SELECTION_TIME_LIMIT) > 0 ? Number(process.env.CONVENE_SELECTION_TIME_LIMIT) : 600;
