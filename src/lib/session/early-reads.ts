/**
 * The IndexedDB reads `/` and `/study` open with, started as the page's script first runs
 * (while the page hydrates) rather than once it has mounted: the page takes them when it needs
 * them. Started once per page load; a page reached later by a link reads afresh.
 */
import type { MemoryState } from '$lib/srs/memory';
import type { SchedulingSettings } from '$lib/srs/settings';
import type { Repository } from '$lib/storage/repository';
import type { DeckListing } from './dashboard';
import { ownListings } from './decks';
import { previewMark } from './preview';
import { repository } from './storage.svelte';

export interface EarlyReads {
	/** /study's preview mark, read before storage is (see preview.ts). */
	mark: string | null;
	repo: Promise<Repository>;
	settings: Promise<SchedulingSettings>;
	states: Promise<Map<string, MemoryState>>;
	/** The learner's own decks' listings (from their summaries). */
	own: Promise<DeckListing[]>;
}

let started = false;

/** Start the reads, on the first page of this load only (null on later pages and the server). */
export function earlyReads(): EarlyReads | null {
	if (started || typeof window === 'undefined') return null;
	started = true;
	const mark = previewMark();
	const repo = repository();
	const reads: EarlyReads = {
		mark,
		repo,
		settings: repo.then((r) => r.loadSettings()),
		states: repo.then((r) => r.loadStates()),
		own: ownListings()
	};
	// Each is awaited, or settled, by the page; a failure is its to report.
	for (const p of [reads.settings, reads.states, reads.own]) p.catch(() => {});
	return reads;
}
