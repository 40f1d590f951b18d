/**
 * `/study` is prerendered with the question a new learner is asked first (worked out by
 * first-question.server.ts), so that it is on screen before any script runs. It is right only
 * for a learner with nothing stored that changes it. The rule, written here once:
 *
 *   the prerendered question is shown on `/study` with no query string while no mark is stored
 *   under PREVIEW_KEY; any write to a store that decides the first question leaves a mark.
 *
 * A mark is a value of its own, so that a page can tell whether another write came while it
 * read: `/study` removes the mark when it has read storage and found no fact state at all and
 * the prerendered question first, and no other write came meanwhile.
 *
 * Before the page's scripts run, the same rule is applied by the inline script that every page
 * carries in app.html's head, which is generated from the names below (early-script.ts; its
 * test checks that it decides as previewFits does). It marks <html> when the preview may not
 * fit, and the page's CSS hides the preview under that mark.
 */
// Relative imports: the bench and the end-to-end tests import this module's names too.
import type { StoreName } from '../storage/kv';
import { readWebKey, WEB_KEYS, writeWebKey } from '../storage/web-keys';
import { mark } from './marks';

export const PREVIEW_KEY = WEB_KEYS.preview;

/**
 * The names that app.html's inline script, the study page, its option buttons and the root
 * layout share: change one only with all of them (the unit test of early-script.ts checks the
 * markup for them).
 */
export const PREVIEW_DOM = {
	/** The route prerendered with the question (a pattern of `location.pathname`). */
	route: '^\\/study\\/?$',
	/** `<html data-no-preview>`: set before the first paint when the preview may not fit. */
	noPreview: 'data-no-preview',
	/** `<html data-hydrated>`: set by the root layout once the app's own handlers answer. */
	hydrated: 'data-hydrated',
	/** The preview's article names its question by this attribute, not `data-question-id`:
	 *  it is not yet a question of the session. */
	question: 'data-preview-question-id',
	/** The class of each option's button (Choices.svelte). */
	option: 'choice',
	/** The class of an option shown as chosen (Choices.svelte). */
	chosen: 'chosen',
	/** Only the buttons of a select-all question have it: a tap there is not an answer. */
	toggle: 'aria-pressed',
	/** The global where the option tapped before the scripts ran waits for the page. */
	earlyPick: 'recallEarlyPick'
} as const;

/** `<html>`'s dataset name of a `data-*` attribute above. */
export const datasetName = (attribute: string) =>
	attribute.slice('data-'.length).replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/**
 * Whether each store's contents decide the first question: a write there leaves a mark. A
 * record, so that a new store does not compile until it is placed here.
 */
const DECIDES: Record<StoreName, boolean> = {
	states: true,
	log: true,
	settings: true,
	decks: true,
	meta: false,
	quarantine: false,
	attempts: false,
	// Written only with the decks, which decide already.
	'deck-summaries': false,
	// Written only with the log, which decides already.
	'log-times': false,
	// Decks being written: /study never reads them (a published deck is written to decks).
	drafts: false,
	// Changes still to send to the sync server: written with the records they name.
	outbox: false,
	// A copy of the built-in decks (/decks.json), the same for every learner.
	builtin: false
};

/** The mark of the last write that may change the first question (null: none). */
export function previewMark(): string | null {
	return readWebKey('local', PREVIEW_KEY);
}

/**
 * Whether `/study` at `url` may show the prerendered question until the real one is known: not
 * for a deck, topic or list of facts (a query), nor after a write that may change it. With
 * storage refused there is no mark: shown (as app.html does).
 */
export function previewFits(url: URL): boolean {
	return url.search === '' && previewMark() === null;
}

/** Leave a mark: stored data may now give another first question (best effort). */
export function markPreviewStale(): void {
	writeWebKey('local', PREVIEW_KEY, `${Date.now()}-${Math.random().toString(36).slice(2)}`);
}

/**
 * The prerendered question was found first with nothing stored: remove the mark, if it is
 * still `seen` (read before storage was), so that a write meanwhile (another tab) stands.
 */
export function clearPreviewMark(seen: string | null): void {
	if (previewMark() === seen) writeWebKey('local', PREVIEW_KEY, null);
}

/** For Repository.open's onWrite: a write to a store that decides the first question. */
export function noteWrite(stores: readonly StoreName[]): void {
	if (stores.some((s) => DECIDES[s])) markPreviewStale();
}

/** The prerendered question, as `/study`'s server load gives it to the page. */
export interface PrerenderedQuestion<Q extends { id: string } = { id: string }> {
	/** The fact's memory key. */
	key: string;
	kind: string;
	question: Q;
	/** The questions left in the session, as the page shows it. */
	remaining: number;
}

/** What `/study`'s session found first once it had read storage (a ReviewSession). */
export interface FoundFirst {
	current: { question: { id: string }; entry: { kind: string } } | null;
	remaining: number;
	storedStates: number;
}

/**
 * After `/study` (without a query) has read storage: the prerendered question fits a learner
 * with no fact state at all whose first question it is (then only the new-fact limit and the
 * deck order decide, whatever the day), so the mark is removed, unless a write came since
 * `seen`. Otherwise a mark is left for the next visit.
 */
export function settlePreviewMark(
	seen: string | null,
	prerendered: PrerenderedQuestion | null,
	found: FoundFirst
): void {
	const fits =
		prerendered !== null &&
		found.storedStates === 0 &&
		found.current?.question.id === prerendered.question.id &&
		found.current.entry.kind === prerendered.kind &&
		found.remaining === prerendered.remaining;
	if (fits) clearPreviewMark(seen);
	else if (previewMark() === null) markPreviewStale();
}

/**
 * `/study` has mounted and decides from here whether the preview shows: the mark app.html put
 * on <html> goes. Returns the option tapped (or its letter pressed) on the preview before the
 * scripts ran, which app.html kept, or null.
 */
export function takeEarlyPick(): number | null {
	const root = document.documentElement;
	delete root.dataset[datasetName(PREVIEW_DOM.noPreview)];
	const held = window as unknown as Record<string, unknown>;
	const pick = held[PREVIEW_DOM.earlyPick];
	delete held[PREVIEW_DOM.earlyPick];
	return typeof pick === 'number' ? pick : null;
}

/** The root layout has mounted: the app's own handlers answer from here (see app.html). */
export function markAppLive(): void {
	mark('hydrated');
	document.documentElement.dataset[datasetName(PREVIEW_DOM.hydrated)] = '';
}
