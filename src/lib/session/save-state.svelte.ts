/**
 * A save under way on a page: busy at once (another save waits for it to end), and shown as
 * saving only once it is slow: a quick save changes the screen once, to what follows it, and no
 * frame is painted meanwhile to slow it down (a rating: docs/ARCHITECTURE.md, "Answering").
 */

/** A save that takes longer than this shows as one. */
export const SLOW_SAVE_MS = 150;

export class SaveState {
	/** A save has taken longer than SLOW_SAVE_MS and is still under way. */
	saving = $state(false);
	#busy = false;

	/** A save is under way (shown or not). */
	get busy(): boolean {
		return this.#busy;
	}

	/** Run `save` as the save under way. */
	async run<T>(save: () => Promise<T>): Promise<T> {
		this.#busy = true;
		const slow = setTimeout(() => (this.saving = true), SLOW_SAVE_MS);
		try {
			return await save();
		} finally {
			clearTimeout(slow);
			this.#busy = false;
			this.saving = false;
		}
	}
}
