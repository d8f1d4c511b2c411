// What a selection run keeps in its row (JSON columns): the pool as it was when the run started
// (registration ids in order; every index below points into it), then its progress, and at the end
// either the outcome (probabilities' minimum, the drawn panel, the waiting list, the solver's
// figures), the diagnosis of an infeasible request, or the error that stopped it.
import type { RegistrationId } from '../ids';
import type { Diagnosis } from './infeasibility';
import type { ClassPanel, Progress } from './leximin';
import type { WaitingEntry } from './waiting-list';

export interface RunOutcome {
	pool: RegistrationId[];
	progress?: Progress | null;
	minProbability?: number;
	drawn?: number[];
	waitingList?: WaitingEntry[];
	stats?: { seconds: number; classes: number; stages?: number; panelSearches: number };
	diagnosis?: Diagnosis;
	error?: string;
}

/** Classes of interchangeable people (pool indexes per class) and the panels as seats per class: what the hash is taken of. */
export interface RunDistribution {
	classes: number[][][];
	panels: ClassPanel[];
}
