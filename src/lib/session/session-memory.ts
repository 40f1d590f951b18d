/**
 * What a review session knows of its facts' memory: each fact's state and the day's counts, as
 * stored (read at start, then kept by the session's own answers and undos), with the study queue
 * told of each change. An answer's states can be applied while its write is still under way and
 * taken back if it fails (ReviewSession's rating finds the next question meanwhile).
 */
import type { AnswerChanges } from '$lib/srs/answer';
import { memoryKey } from '$lib/srs/keys';
import type { MemoryState } from '$lib/srs/memory';
import type { StateRestore } from '$lib/storage/repository';
import type { StudyQueue } from './study-queue';

type Counts = { newToday: number; reviewsToday: number };

/** An answer's states applied, with the states they replaced. */
export interface Applied {
	before: Array<[key: string, state: MemoryState | undefined]>;
	counted: Counts;
}

export class SessionMemory {
	states = new Map<string, MemoryState>();
	/** New facts introduced and reviews done today (for the day's limits). */
	done: Counts = { newToday: 0, reviewsToday: 0 };
	readonly #queue: StudyQueue;

	constructor(queue: StudyQueue) {
		this.#queue = queue;
	}

	set(key: string, s: MemoryState | undefined): void {
		if (s) this.states.set(key, s);
		else this.states.delete(key);
		this.#queue.changed(key);
	}

	/** An answer's new states and counts; returns what takeBack needs to undo it. */
	apply(answer: AnswerChanges & { counted: Counts }): Applied {
		const before: Applied['before'] = [];
		for (const c of answer.changes) {
			const key = memoryKey(c.next.deck, c.next.fact);
			before.push([key, this.states.get(key)]);
			this.set(key, c.next);
		}
		this.#count(answer.counted, 1);
		return { before, counted: answer.counted };
	}

	/** An answer applied was not stored: what it replaced comes back. */
	takeBack({ before, counted }: Applied): void {
		for (const [key, state] of [...before].reverse()) this.set(key, state);
		this.#count(counted, -1);
	}

	/** An answer undone (stored): its facts' states before it, and its counts taken off. */
	restore(restores: readonly StateRestore[], counted: Counts): void {
		for (const r of restores) this.set(r.key, r.previous ?? undefined);
		this.#count(counted, -1);
	}

	#count(counted: Counts, sign: 1 | -1): void {
		this.done.newToday += sign * counted.newToday;
		this.done.reviewsToday += sign * counted.reviewsToday;
	}
}
