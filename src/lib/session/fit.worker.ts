/**
 * The worker of "Fit my memory model" (docs/fitting.md). It reads the review log and the
 * settings itself (the same IndexedDB, a connection of its own: reading and checking every
 * entry stays off the page), and either counts the long-term reviews (`status`) or fits: the
 * optimizer's items from the reviews before the held-out split (srs/fit.ts), fsrs-browser's
 * optimizer (WebAssembly, one thread: its rayon pool is never started), and the judgement on
 * the held-out reviews. The optimizer's own progress lives in the module's shared memory: the
 * page reads it there while this thread is busy, which needs the page to be cross-origin
 * isolated (otherwise the page shows the steps only).
 */
import init, { Fsrs, Progress } from 'fsrs-browser';
import { before, countLongTermReviews, fitItems, heldOutFrom, judgeFit } from '$lib/srs/fit';
import { Repository } from '$lib/storage/repository';
import type { FitReply, FitRequest } from './fit-protocol';

const reply = (message: FitReply) => (self as unknown as Worker).postMessage(message);

let opening: Promise<Repository> | null = null;

async function readStored() {
	const repo = await (opening ??= Repository.open());
	const [{ events }, settings] = await Promise.all([repo.readLog(), repo.loadSettings()]);
	return { events, settings };
}

async function fit(): Promise<void> {
	reply({ kind: 'step', step: 'preparing' });
	const { events, settings } = await readStored();
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
	const verdict = judgeFit(events, from, weights, settings.weights ?? null);
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
}

self.addEventListener('message', async (event: MessageEvent<FitRequest>) => {
	try {
		if (event.data.kind === 'fit') return await fit();
		const { events, settings } = await readStored();
		reply({
			kind: 'status',
			status: {
				reviews: countLongTermReviews(events),
				weights: settings.weights ?? null,
				canRestore: settings.previousWeights !== undefined,
				previousWeights: settings.previousWeights ?? null
			}
		});
	} catch (e) {
		reply({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
	}
});
