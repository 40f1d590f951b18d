/**
 * For session tests: responses that answer any bank question rightly or wrongly, storage that
 * refuses writes, and a worker in memory.
 */
import { Rating } from 'ts-fsrs';
import type { Question } from '$lib/bank/schema';
import { choiceOptions, rightOptions } from '$lib/bank/format';
import type { Response } from '$lib/srs/grade';
import { StorageError } from '$lib/storage/errors';
import { memoryKv, type Kv } from '$lib/storage/kv';
import { serveJobs, type JobTable, type Types, type WorkerScope } from './jobs';

/** Storage in memory that refuses every write to the review log, as a full disk does. */
export function logRefusingKv(): Kv {
	const kv = memoryKv();
	return {
		...kv,
		run: (stores, mode, body) =>
			mode === 'readwrite' && stores.includes('log')
				? Promise.reject(new StorageError('The browser refused to store more: storage is full'))
				: kv.run(stores, mode, body)
	};
}

export function rightResponse(q: Question): Response {
	switch (q.type) {
		case 'flashcard':
			return { kind: 'rating', rating: Rating.Good };
		case 'true_false':
			return { kind: 'boolean', value: q.answer };
		case 'mcq':
		case 'statements':
		case 'pairs':
		case 'assertion_reason':
		case 'multi':
			return { kind: 'choices', choices: [...rightOptions(q)] };
		case 'cloze':
			return { kind: 'text', text: q.accepted[0] };
		case 'numeric':
			return { kind: 'text', text: String(q.answer) };
		case 'match':
			return { kind: 'pairing', pairing: q.pairs.map((_, i) => i) };
		case 'order':
			return { kind: 'sequence', sequence: q.items.map((_, i) => i) };
	}
}

export function wrongResponse(q: Question): Response {
	switch (q.type) {
		case 'flashcard':
			return { kind: 'rating', rating: Rating.Again };
		case 'true_false':
			return { kind: 'boolean', value: !q.answer };
		case 'cloze':
		case 'numeric':
			return { kind: 'text', text: '-12345' };
		case 'match':
			return { kind: 'pairing', pairing: q.pairs.map((_, i) => (i + 1) % q.pairs.length) };
		case 'order':
			return { kind: 'sequence', sequence: q.items.map((_, i) => q.items.length - 1 - i) };
		default: {
			const right = rightOptions(q);
			const wrong = choiceOptions(q).findIndex((_, i) => !right.includes(i));
			return { kind: 'choices', choices: [wrong] };
		}
	}
}

/**
 * A worker and its global scope joined in memory (messages cloned as postMessage does), that
 * serves `jobs`, or, with `broken`, fails to start as a module worker does in an old browser.
 */
export function fakeWorker<T extends Types>(jobs: JobTable<T>, broken = false): Worker {
	const page = new EventTarget();
	const inside = new EventTarget();
	const scope: WorkerScope = {
		postMessage: (m) =>
			queueMicrotask(() =>
				page.dispatchEvent(new MessageEvent('message', { data: structuredClone(m) }))
			),
		addEventListener: (type, listener) =>
			inside.addEventListener(type, listener as unknown as EventListener)
	};
	serveJobs(scope, jobs);
	return Object.assign(page, {
		postMessage: (m: unknown) =>
			queueMicrotask(() =>
				broken
					? page.dispatchEvent(new Event('error', { cancelable: true }))
					: inside.dispatchEvent(new MessageEvent('message', { data: structuredClone(m) }))
			),
		terminate() {}
	}) as unknown as Worker;
}
