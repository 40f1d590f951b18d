/**
 * The app's one connection to the learner's stored progress, and its health as the UI shows it:
 * where progress is kept (IndexedDB or only memory), whether the browser promised to keep it,
 * and how many records had to be kept aside.
 */
import { Repository, type StorageStatus } from '$lib/storage/repository';
import { requestPersistence, type Persistence } from '$lib/storage/persistence';

let opening: Promise<Repository> | null = null;

/** The repository, opened once per page load (IndexedDB, or memory when that fails). */
export function repository(): Promise<Repository> {
	opening ??= Repository.open();
	return opening;
}

class StorageHealth {
	#status = $state.raw<StorageStatus | null>(null);
	#persistence = $state.raw<Persistence | null>(null);
	#quarantined = $state(0);
	#started = false;

	get status() {
		return this.#status;
	}
	get persistence() {
		return this.#persistence;
	}
	get quarantined() {
		return this.#quarantined;
	}

	/** Open storage, ask for persistence once, and count records kept aside. Idempotent. */
	async start(): Promise<void> {
		if (this.#started) return;
		this.#started = true;
		const repo = await repository();
		this.#status = repo.status;
		await this.refresh();
		this.#persistence =
			repo.status.backend === 'memory' ? 'best-effort' : await requestPersistence();
	}

	async refresh(): Promise<void> {
		const repo = await repository();
		this.#quarantined = (await repo.counts()).quarantined;
	}

	/** Ask again (from the settings page). */
	async askPersistence(): Promise<void> {
		this.#persistence = await requestPersistence();
	}
}

export const storageHealth = new StorageHealth();
