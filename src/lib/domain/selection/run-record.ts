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
	/** Why it failed, in English (logs, the CLI); pages word `failure` in the reader's language. */
	error?: string;
	failure?: RunFailure;
}

/** Why a run failed, as data. */
export type RunFailure =
	| { kind: 'cancelled' }
	| { kind: 'time-limit'; seconds: number; reached: Progress | null }
	| { kind: 'pool-changed' }
	| { kind: 'abandoned'; attempts: number }
	| { kind: 'error'; message: string };

const percent = (p: number) => `${(p * 100).toFixed(2)} %`;

/** What a run had reached when it stopped, in English. */
function reachedText(p: Progress | null): string {
	if (!p) return 'It had not yet found its first panels.';
	const panels = p.panels !== undefined ? ` and ${p.panels} panels found` : '';
	const lowest = p.lowest !== undefined && p.bound !== undefined ? `; the lowest probability was ${percent(p.lowest)} (at most ${percent(p.bound)} in this stage)` : '';
	return `It had reached stage ${p.stage}, with ${p.fixedClasses} of ${p.classes} classes settled${panels}${lowest}.`;
}

export function englishFailure(f: RunFailure): string {
	switch (f.kind) {
		case 'cancelled':
			return 'Stopped by an organizer before it finished. No registration was changed.';
		case 'time-limit':
			return `The selection was stopped at its time limit of ${f.seconds} s. ${reachedText(f.reached)} No registration was changed. Raise CONVENE_SELECTION_TIME_LIMIT, or loosen the quotas, and run it again.`;
		case 'pool-changed':
			return 'a registration of the pool was erased while the run waited; start the selection again';
		case 'abandoned':
			return `the run was taken up ${f.attempts} times and never finished (its worker stopped or failed each time); start the selection again`;
		case 'error':
			return f.message;
	}
}

/** Classes of interchangeable people (pool indexes per class) and the panels as seats per class: what the hash is taken of. */
export interface RunDistribution {
	classes: number[][][];
	panels: ClassPanel[];
}
