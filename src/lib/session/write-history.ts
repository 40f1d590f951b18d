/**
 * The editor's undo and redo: a bounded history of whole drafts (each edit makes a new draft
 * sharing what did not change, so a step costs little). Typing in one field is one step: an edit
 * with the same `merge` key as the one before, within `mergeMs`, replaces the top step's result
 * rather than adding a step.
 */
export interface HistoryOptions {
	/** How many steps back undo reaches. */
	limit?: number;
	/** How long after an edit the next one with the same key still joins it. */
	mergeMs?: number;
}

export class History<T> {
	#past: T[] = [];
	#future: T[] = [];
	#lastKey: string | null = null;
	#lastAt = -Infinity;
	readonly #limit: number;
	readonly #mergeMs: number;

	constructor({ limit = 200, mergeMs = 1500 }: HistoryOptions = {}) {
		this.#limit = limit;
		this.#mergeMs = mergeMs;
	}

	get canUndo(): boolean {
		return this.#past.length > 0;
	}
	get canRedo(): boolean {
		return this.#future.length > 0;
	}

	/** Record that `before` became something else at `at` (ms); `merge` joins a run of typing. */
	push(before: T, at: number, merge?: string): void {
		this.#future = [];
		const joins =
			merge !== undefined && merge === this.#lastKey && at - this.#lastAt <= this.#mergeMs;
		this.#lastKey = merge ?? null;
		this.#lastAt = at;
		if (joins && this.#past.length) return;
		this.#past.push(before);
		if (this.#past.length > this.#limit) this.#past.shift();
	}

	/** The state before the last step, given the current one (kept for redo), or null. */
	undo(current: T): T | null {
		const previous = this.#past.pop();
		if (previous === undefined) return null;
		this.#future.push(current);
		this.#lastKey = null;
		return previous;
	}

	/** The state undone last, given the current one (kept for undo), or null. */
	redo(current: T): T | null {
		const next = this.#future.pop();
		if (next === undefined) return null;
		this.#past.push(current);
		this.#lastKey = null;
		return next;
	}

	/** Forget every step (a draft opened afresh). */
	clear(): void {
		this.#past = [];
		this.#future = [];
		this.#lastKey = null;
	}
}
