/**
 * `/study` is prerendered with the question a new learner is asked first, so that it is on
 * screen before any script runs. It is right only while this browser's stored data would give
 * the same first question: a flag in localStorage says when it may not, and the page then
 * shows "Loading" until it has read the learner's own queue.
 *
 * The flag is set when a write could change the first question (an answer, settings, decks),
 * and cleared when `/study` has read the stored data and found the prerendered question first.
 * The inline script in src/app.html applies the same rule before the first paint: keep both
 * in step.
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

/**
 * Whether `/study` at `url` may show the prerendered question until the real one is known: not
 * for a deck, topic or list of facts (a query), nor after a write that may change it.
 */
export function previewFits(url: URL): boolean {
	if (url.search !== '') return false;
	try {
		return storage()?.getItem(PREVIEW_KEY) !== 'off';
	} catch {
		return true;
	}
}

/** Remember whether the prerendered question was the learner's first (best effort). */
export function setPreviewFits(fits: boolean): void {
	try {
		if (fits) storage()?.removeItem(PREVIEW_KEY);
		else storage()?.setItem(PREVIEW_KEY, 'off');
	} catch {
		// Storage blocked: the page shows "Loading" or the preview by the same rule as before.
	}
}

/** For Repository.open's onWrite: a write to a store that decides the first question. */
export function noteWrite(stores: readonly StoreName[]): void {
	if (stores.some((s) => DECIDING.includes(s))) setPreviewFits(false);
}
