/**
 * The worker that fits the learner's FSRS weights (docs/fitting.md): it is given the review
 * log, builds the optimizer's items from the reviews before the held-out split (srs/fit.ts),
 * runs fsrs-browser's optimizer (WebAssembly, one thread: its rayon pool is never started) and
 * judges the result on the held-out reviews. The optimizer's own progress lives in the
 * module's shared memory: the page reads it there while this thread is busy, which needs the
 * page to be cross-origin isolated (otherwise the page shows the steps only).
 */
import init, { Fsrs, Progress } from 'fsrs-browser';
import { before, countLongTermReviews, fitItems, heldOutFrom, judgeFit } from '$lib/srs/fit';
import type { FitReply, FitRequest } from './fit-protocol';

const reply = (message: FitReply) => (self as unknown as Worker).postMessage(message);

self.addEventListener('message', async (event: MessageEvent<FitRequest>) => {
	const { events, current } = event.data;
	try {
		reply({ kind: 'step', step: 'preparing' });
		const from = heldOutFrom(events);
		const items = from ? fitItems(before(events, from)) : null;
		if (!from || !items?.lengths.length)
			throw new Error('None of your facts has been reviewed on two different days yet.');
		const wasm = await init();
		const progress = Progress.new();
		reply({ kind: 'step', step: 'fitting' });
		// After the step (which ends any reading of it): a shared memory can be posted only when
		// the page is cross-origin isolated.
		if (self.crossOriginIsolated)
			reply({ kind: 'memory', memory: wasm.memory, pointer: progress.pointer() });
		const weights = Array.from(
			// Takes the instance: it is freed by the call.
			new Fsrs().computeParameters(
				new Uint32Array(items.ratings),
				new Uint32Array(items.deltas),
				new Uint32Array(items.lengths),
				progress,
				true
			)
		);
		reply({ kind: 'step', step: 'judging' });
		const verdict = judgeFit(events, from, weights, current);
		reply({
			kind: 'done',
			outcome: {
				weights,
				verdict,
				heldOutFrom: from,
				reviews: countLongTermReviews(events),
				items: items.lengths.length
			}
		});
	} catch (e) {
		reply({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
	}
});
