/**
 * Persistent storage: without it the browser may evict IndexedDB under storage pressure.
 * The app asks once and shows the answer.
 */
export type Persistence = 'persistent' | 'best-effort' | 'unsupported';

/** Ask the browser to keep our data (navigator.storage.persist), and report the result. */
export async function requestPersistence(): Promise<Persistence> {
	const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
	if (!storage?.persist || !storage.persisted) return 'unsupported';
	try {
		if (await storage.persisted()) return 'persistent';
		return (await storage.persist()) ? 'persistent' : 'best-effort';
	} catch {
		// Some browsers throw in private mode: the data is not kept beyond the session there.
		return 'best-effort';
	}
}

/** Bytes used and available to this site, when the browser tells. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
	const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
	if (!storage?.estimate) return null;
	try {
		const { usage = 0, quota = 0 } = await storage.estimate();
		return { usage, quota };
	} catch {
		return null;
	}
}
