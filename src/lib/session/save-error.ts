/**
 * What a page says when storage refuses a save (full, blocked, or failing): what was not
 * saved and why, in words the learner can act on. Every page that saves uses it, with
 * components/SaveError.svelte to show it; the page keeps what was on screen, so doing the same
 * thing again retries the save.
 */
import { clause } from '$lib/bank/messages';
import { StorageError } from '$lib/storage/errors';
import { toStorageError } from '$lib/storage/kv';

const nameOf = (e: unknown) => (e as { name?: unknown } | null)?.name;

/** The browser's own storage failures (DOMException), and ours (StorageError). */
const fromStorage = (e: unknown) =>
	e instanceof StorageError || (typeof DOMException !== 'undefined' && e instanceof DOMException);

/**
 * "Your answer was not saved: The browser refused to store more: storage is full. Free some
 * space on this device, then try again."
 */
export function saveFailure(what: string, e: unknown): string {
	const error = fromStorage(e) ? toStorageError(e) : e;
	const full =
		nameOf(e) === 'QuotaExceededError' || nameOf((error as Error).cause) === 'QuotaExceededError';
	// A browser's message ends with a period of its own ("The quota has been exceeded.").
	return `${what}: ${clause(error)}. ${full ? 'Free some space on this device, then try again.' : 'Try again.'}`;
}
