/** Entry of the browser bundle: runs the workload against the page's real IndexedDB. */
import { Repository } from '../src/lib/storage/repository';
import { runBench } from './workload';
import { runDeckBench } from './decks';

declare global {
	interface Window {
		runBench: () => Promise<unknown>;
	}
}

window.runBench = async () => {
	const name = `bench-${Date.now()}`;
	const repo = await Repository.open(name);
	if (repo.status.backend !== 'indexeddb')
		throw new Error(`IndexedDB unavailable: ${repo.status.problem}`);
	const result = await runBench(repo);
	const decks = await runDeckBench(repo);
	const estimate = await navigator.storage.estimate();
	repo.kv.close();
	await new Promise((resolve) => {
		const r = indexedDB.deleteDatabase(name);
		r.onsuccess = r.onerror = r.onblocked = resolve;
	});
	return { ...result, decks, storageUsageBytes: estimate.usage ?? null };
};
