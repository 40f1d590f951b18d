/**
 * The IndexedDB reads `/` and `/study` open with, started as the page's script first runs
 * (while the page hydrates) rather than once it has mounted: the page takes them when it needs
 * them. Started once per page load; a page reached later by a link reads afresh.
 */
import { dayStart } from '$lib/srs/day';
import type { MemoryState } from '$lib/srs/memory';
import type { SchedulingSettings } from '$lib/srs/settings';
import type { Repository } from '$lib/storage/repository';
import type { DeckListing } from './dashboard';
import { ownListings } from './decks';
import { mark as perfMark } from './marks';
import { PREVIEW_DOM, previewMark } from './preview';
import { repository } from './storage.svelte';

export interface EarlyReads {
	/** /study's preview mark, read before storage is (see preview.ts). */
	mark: string | null;
	repo: Promise<Repository>;
	settings: Promise<SchedulingSettings>;
	states: Promise<Map<string, MemoryState>>;
	/** The learner's own decks' listings (from their summaries). */
	own: Promise<DeckListing[]>;
	/**
	 * The day's counts, read as soon as the settings are (null if that read failed): from the
	 * start of the study day then (`from`, ms), which the page checks is still its day's.
	 */
	counts: Promise<EarlyCounts | null>;
}

export interface EarlyCounts {
	from: number;
	counts: { newToday: number; reviewsToday: number };
}

const HYDRATED = PREVIEW_DOM.hydrated;

let started = false;
/** Reads started by startEarlyReads, not yet taken by the page. */
let pending: EarlyReads | null = null;

/**
 * Start the reads as the page's module is first evaluated, before the app hydrates (about a
 * tenth of a second sooner than the page's own script on a slow phone), on the load that opens
 * the page only: not when the module is loaded later (a link followed, or preloaded on hover).
 */
export function startEarlyReads(): void {
	if (typeof document === 'undefined' || document.documentElement.hasAttribute(HYDRATED)) return;
	perfMark('module');
	pending = earlyReads();
}

/**
 * Start the reads (or take those startEarlyReads started), on the first page of this load only
 * (null on later pages and the server).
 */
export function earlyReads(): EarlyReads | null {
	if (pending) {
		const reads = pending;
		pending = null;
		return reads;
	}
	if (started || typeof window === 'undefined') return null;
	started = true;
	const mark = previewMark();
	const repo = repository();
	const settings = repo.then((r) => r.loadSettings());
	const reads: EarlyReads = {
		mark,
		repo,
		settings,
		states: repo.then(async (r) => {
			perfMark('repo');
			const states = await r.loadStates();
			perfMark('states');
			return states;
		}),
		own: ownListings(),
		counts: Promise.all([repo, settings])
			.then(async ([r, s]) => {
				const from = dayStart(new Date(), s.timeZone, s.dayStartHour);
				return { from: from.getTime(), counts: await r.todayCounts(from) };
			})
			.catch(() => null)
	};
	// Each is awaited, or settled, by the page; a failure is its to report.
	for (const p of [reads.settings, reads.states, reads.own]) p.catch(() => {});
	return reads;
}
