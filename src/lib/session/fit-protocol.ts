/** What the page and the fit worker (fit.worker.ts) say to each other. */
import type { FitVerdict } from '$lib/srs/fit';

/** The worker reads the log and the settings itself (a connection of its own to the database). */
export type FitRequest = { kind: 'status' } | { kind: 'fit' };

export interface FitStatus {
	/** Long-term reviews in the log (answers to facts already learned). */
	reviews: number;
	weights: number[] | null;
	/** Whether a fit was applied (or restored) before: the weights it replaced can come back. */
	canRestore: boolean;
	previousWeights: number[] | null;
}

/** The steps of a fit, in order. */
export type FitStep = 'preparing' | 'fitting' | 'judging';

export interface FitOutcome {
	weights: number[];
	verdict: FitVerdict;
	/** Reviews from this time on were held out of the fit and judged it. */
	heldOutFrom: Date;
	/** Long-term reviews in the log, and the optimizer's items. */
	reviews: number;
	items: number;
}

export type FitReply =
	| { kind: 'status'; status: FitStatus }
	| { kind: 'step'; step: FitStep }
	/** Where the optimizer counts its progress: [items done, items in all] (two u32). */
	| { kind: 'memory'; memory: WebAssembly.Memory; pointer: number }
	| { kind: 'done'; outcome: FitOutcome }
	| { kind: 'error'; message: string };
