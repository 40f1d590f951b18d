/**
 * The app's one connection to the learner's stored progress, and its health as the UI shows it:
 * where progress is kept (IndexedDB or only memory), whether the browser promised to keep it,
 * how many records had to be kept aside, whether opening waits on another tab, and whether the
 * stored settings name a time zone this browser does not know.
 */
import { Repository, type StorageStatus } from '$lib/storage/repository';
import { markPreviewStale, noteWrite, previewMark } from './preview';
import { requestPersistence, type Persistence } from '$lib/storage/persistence';
import { readWebKey, WEB_KEYS, writeWebKey } from '$lib/storage/web-keys';
import { deviceTimeZone } from '$lib/storage/device-zone';
import type { StoreName } from '$lib/storage/kv';

/**
 * Tabs of the app tell each other when a job rewrote the stored progress as a whole (a
 * restore, a rebuild): each keeps a copy of the states, and its page shows what it read.
 */
const CHANNEL = 'current-affairs-recall:data';

let opening: Promise<Repository> | null = null;

/** Told of every committed write of this page's repository, with its stores (sync.svelte.ts). */
export const writeListeners = new Set<(stores: readonly StoreName[]) => void>();

/** The repository, opened once per page load (IndexedDB, or memory when that fails). */
export function repository(): Promise<Repository> {
	opening ??= Repository.open(undefined, {
		onWrite: (stores) => {
			noteWrite(stores);
			for (const listener of writeListeners) listener(stores);
		},
		onBlocked: () => storageHealth.waitingOnOtherTab(true)
	}).then(async (repo) => {
		storageHealth.waitingOnOtherTab(false);
		// Progress stored before the app kept a preview mark (an update) needs one too.
		if (previewMark() === null && (await repo.stateCount()) > 0) markPreviewStale();
		// The states' snapshot (a read cache) is written a moment after the last answer; a page
		// being hidden (closed, switched away from) writes it at once.
		if (typeof document !== 'undefined')
			document.addEventListener('visibilitychange', () => {
				if (document.visibilityState === 'hidden') void repo.saveSnapshot();
			});
		return repo;
	});
	return opening;
}

export class StorageHealth {
	#status = $state.raw<StorageStatus | null>(null);
	#persistence = $state.raw<Persistence | null>(null);
	#quarantined = $state(0);
	#evicted = $state(false);
	#blocked = $state(false);
	#unknownZone = $state.raw<{ stored: string; used: string } | null>(null);
	#changedElsewhere = $state(false);
	#started = false;
	#channel: BroadcastChannel | null = null;

	get status() {
		return this.#status;
	}
	get persistence() {
		return this.#persistence;
	}
	get quarantined() {
		return this.#quarantined;
	}
	/** The browser emptied the stored progress since the last visit. */
	get evicted() {
		return this.#evicted;
	}

	/**
	 * The database cannot open yet: another tab holds an older version of it open (an app from
	 * before an upgrade). Every page waits on the database, and the banner says why.
	 */
	get blocked() {
		return this.#blocked;
	}
	waitingOnOtherTab(blocked: boolean): void {
		this.#blocked = blocked;
	}

	/** The stored settings' time zone, when this browser does not know it, and the one used. */
	get unknownZone() {
		return this.#unknownZone;
	}

	/** Another tab rewrote the stored progress (restored a backup): this page shows older data. */
	get changedElsewhere() {
		return this.#changedElsewhere;
	}

	/**
	 * After this tab rewrote the stored progress as a whole (off the page, see jobs.ts): the
	 * banner's counts follow, and the other open tabs are told.
	 */
	async changed(stores: readonly StoreName[]): Promise<void> {
		this.#channel?.postMessage({ stores });
		await this.refresh();
	}

	/** Open storage, ask for persistence once, and count records kept aside. Idempotent. */
	async start(): Promise<void> {
		if (this.#started) return;
		this.#started = true;
		if (typeof BroadcastChannel !== 'undefined') {
			this.#channel = new BroadcastChannel(CHANNEL);
			this.#channel.onmessage = async () => {
				(await repository()).snapshot.forget();
				this.#changedElsewhere = true;
				await this.refresh();
			};
		}
		const repo = await repository();
		this.#status = repo.status;
		if (repo.status.backend === 'indexeddb') this.#evicted = noticeEviction(repo.createdAt);
		await this.refresh();
		this.#persistence =
			repo.status.backend === 'memory' ? 'best-effort' : await requestPersistence();
	}

	async refresh(): Promise<void> {
		const repo = await repository();
		// Only the quarantine: counting the log (100 000 entries for a heavy learner) on every
		// page would compete with the page's own reads.
		const [quarantined, zone] = await Promise.all([
			repo.quarantinedCount(),
			repo.unknownTimeZone()
		]);
		this.#quarantined = quarantined;
		this.#unknownZone = zone === null ? null : { stored: zone, used: deviceTimeZone() };
	}

	/** Ask again (from the settings page). */
	async askPersistence(): Promise<void> {
		this.#persistence = await requestPersistence();
	}
}

/**
 * Whether the database is newer than the one this browser had before: it was emptied (by the
 * browser under storage pressure, or by clearing site data) since the last visit.
 */
function noticeEviction(createdAt: string): boolean {
	// With localStorage refused (some private modes) there is nothing to compare with.
	const seen = readWebKey('local', WEB_KEYS.databaseCreated);
	writeWebKey('local', WEB_KEYS.databaseCreated, createdAt);
	return seen !== null && seen !== createdAt;
}

export const storageHealth = new StorageHealth();
