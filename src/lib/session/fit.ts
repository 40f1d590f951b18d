/**
 * "Fit my memory model" on the settings page (docs/fitting.md): how many reviews the log has
 * towards a fit and the fit itself, both in a worker that reads the log itself (fit.worker.ts:
 * never on the page, so study and the page keep answering), and putting weights in force
 * (storage/weights.ts, in the backup worker). Only /settings imports this module; the optimizer's WebAssembly is
 * fetched when a fit starts.
 */
import { FIT_MIN_REVIEWS } from '$lib/srs/fit';
import type { FitOutcome, FitReply, FitRequest, FitStatus, FitStep } from './fit-protocol';

export type { FitOutcome, FitStatus, FitStep };
export { FIT_MIN_REVIEWS };
/** Putting weights in force replays every state: a job of the backup worker (backup.ts). */
export { putWeightsInForce } from './backup';

const fitWorker = () => new Worker(new URL('./fit.worker.ts', import.meta.url), { type: 'module' });

/** How many long-term reviews the log has, and the weights in use (counted in the worker). */
export function fitStatus(): Promise<FitStatus> {
	const worker = fitWorker();
	return new Promise<FitStatus>((resolve, reject) => {
		worker.addEventListener('message', ({ data }: MessageEvent<FitReply>) => {
			worker.terminate();
			if (data.kind === 'status') resolve(data.status);
			else reject(new Error(data.kind === 'error' ? data.message : 'The count did not finish.'));
		});
		worker.addEventListener('error', (e) => {
			worker.terminate();
			reject(new Error(e.message || 'The count could not start in this browser.'));
		});
		worker.postMessage({ kind: 'status' } satisfies FitRequest);
	});
}

/** How far a fit is: its step, and within the optimizer's step its items done of all (when known). */
export interface FitProgress {
	step: FitStep;
	done: number;
	total: number;
}

export interface RunningFit {
	result: Promise<FitOutcome>;
	cancel(): void;
}

/** Fit the learner's weights in a worker, telling the progress; the worker ends with the fit. */
export function startFit(onProgress: (p: FitProgress) => void): RunningFit {
	const worker = fitWorker();
	let poll: ReturnType<typeof setInterval> | undefined;
	let settle: { resolve(o: FitOutcome): void; reject(e: Error): void } | undefined;
	const result = new Promise<FitOutcome>((resolve, reject) => (settle = { resolve, reject }));
	const end = (outcome: FitOutcome | Error) => {
		clearInterval(poll);
		worker.terminate();
		if (outcome instanceof Error) settle?.reject(outcome);
		else settle?.resolve(outcome);
	};
	/** The optimizer's count, in the module's shared memory (read while the worker is busy). */
	let read: (() => void) | undefined;
	worker.addEventListener('message', ({ data }: MessageEvent<FitReply>) => {
		if (data.kind === 'step') {
			// The optimizer's last count (it is done), then no more: its memory is reused after.
			read?.();
			read = undefined;
			clearInterval(poll);
			onProgress({ step: data.step, done: 0, total: 0 });
		} else if (data.kind === 'memory') {
			const { memory, pointer } = data;
			read = () => {
				const [done, total] = new Uint32Array(memory.buffer, pointer, 2);
				if (total) onProgress({ step: 'fitting', done, total });
			};
			poll = setInterval(read, 100);
		} else if (data.kind === 'done') end(data.outcome);
		else if (data.kind === 'error') end(new Error(data.message));
	});
	worker.addEventListener('error', (e) =>
		end(new Error(e.message || 'The fit could not start in this browser.'))
	);
	worker.postMessage({ kind: 'fit' } satisfies FitRequest);
	return { result, cancel: () => end(new Error('The fit was stopped.')) };
}
