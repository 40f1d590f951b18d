/** What the page and the fit worker (fit.worker.ts) say to each other. */
import type { FitVerdict } from '$lib/srs/fit';
import type { MemoryEvent } from '$lib/srs/memory';

export interface FitRequest {
	/** The whole review log. */
	events: MemoryEvent[];
	/** The weights in force (null: the defaults), which the fitted ones are judged against. */
	current: number[] | null;
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
	| { kind: 'step'; step: FitStep }
	/** Where the optimizer counts its progress: [items done, items in all] (two u32). */
	| { kind: 'memory'; memory: WebAssembly.Memory; pointer: number }
	| { kind: 'done'; outcome: FitOutcome }
	| { kind: 'error'; message: string };
