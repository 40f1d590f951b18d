/**
 * `/study` is prerendered with the question a new learner is asked first, so that it is on
 * screen before any script runs. It is right only for a learner with nothing stored that
 * changes it: a mark in localStorage says when that may not be so, and the page then shows
 * "Loading" until it has read the learner's own queue.
 *
 * Every write that could change the first question (answers, settings, decks, a reset, an
 * import) leaves a mark: a value of its own, so that a page can tell whether another write
 * came while it read. `/study` removes the mark when it has read storage and found no fact
 * state at all and the prerendered question first, and no other write came meanwhile.
 * The inline script in src/app.html applies the same rule before the first paint (a mark
 * there, or a query string, hides the preview): keep both in step.
 */
import type { StoreName } from '$lib/storage/kv';

export const PREVIEW_KEY = 'car-preview';

/** The stores whose contents decide the first question (the `meta` caches and attempts do not). */
const DECIDING: readonly StoreName[] = ['states', 'log', 'settings', 'decks'];

function storage(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null;
	}
}

/** The mark of the last write that may change the first question (null: none). */
export function previewMark(): string | null {
	try {
		return storage()?.getItem(PREVIEW_KEY) ?? null;
	} catch {
		return null;
	}
}

/**
 * Whether `/study` at `url` may show the prerendered question until the real one is known: not
 * for a deck, topic or list of facts (a query), nor after a write that may change it.
 */
export function previewFits(url: URL): boolean {
	return url.search === '' && previewMark() === null;
}

/** Leave a mark: stored data may now give another first question (best effort). */
export function markPreviewStale(): void {
	try {
		storage()?.setItem(PREVIEW_KEY, `${Date.now()}-${Math.random().toString(36).slice(2)}`);
	} catch {
		// Storage blocked: the page shows the preview and then the learner's own question.
	}
}

/**
 * The prerendered question was found first with nothing stored: remove the mark, if it is
 * still `seen` (read before storage was), so that a write meanwhile (another tab) stands.
 */
export function clearPreviewMark(seen: string | null): void {
	try {
		const s = storage();
		if (s && s.getItem(PREVIEW_KEY) === seen) s.removeItem(PREVIEW_KEY);
	} catch {
		// Storage blocked: nothing was marked either.
	}
}

/** A first question: the prerendered one, or what `/study` found once it had read storage. */
export interface FirstQuestion {
	questionId: string | undefined;
	kind: string | undefined;
	remaining: number;
}

/**
 * After `/study` (without a query) has read storage and found `found` first: the prerendered
 * question fits a learner with no fact state at all whose first question it is (then only the
 * new-fact limit and the deck order decide, whatever the day), so the mark is removed, unless a
 * write came since `seen`. Otherwise a mark is left for the next visit.
 */
export function settlePreviewMark(
	seen: string | null,
	prerendered: FirstQuestion | null,
	found: FirstQuestion & { storedStates: number }
): void {
	const fits =
		prerendered !== null &&
		found.storedStates === 0 &&
		found.questionId === prerendered.questionId &&
		found.kind === prerendered.kind &&
		found.remaining === prerendered.remaining;
	if (fits) clearPreviewMark(seen);
	else if (previewMark() === null) markPreviewStale();
}

/** For Repository.open's onWrite: a write to a store that decides the first question. */
export function noteWrite(stores: readonly StoreName[]): void {
	if (stores.some((s) => DECIDING.includes(s))) markPreviewStale();
}
