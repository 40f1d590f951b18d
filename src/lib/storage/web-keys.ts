/**
 * Every key the app keeps in the browser's localStorage or sessionStorage, named in one place
 * under one prefix (`car-`, Current Affairs Recall), so that two features never take the same
 * key and the site's storage shows at a glance what is the app's. IndexedDB (kv.ts) holds the
 * learner's progress; these hold small things about this browser.
 *
 * The inline script in app.html's head reads two of them before any module can load: it is
 * generated from these names (session/early-script.ts).
 */
export const WEB_KEY_PREFIX = 'car-';

export const WEB_KEYS = {
	/** localStorage: the theme chosen, 'light' or 'dark' (none: the system's). */
	theme: 'car-theme',
	/** localStorage: a write that may have changed /study's first question (session/preview.ts). */
	preview: 'car-preview',
	/** localStorage: the device's time zone and its offsets, cached (device-zone.ts). */
	deviceZone: 'car-device-zone',
	/** sessionStorage: the question on screen in /study, for a reload (session/review.svelte.ts). */
	reviewCurrent: 'car-review-current',
	/**
	 * localStorage: when the database this browser last saw was created; a newer one means the
	 * stored progress was emptied since (session/storage.svelte.ts). localStorage outlives an
	 * IndexedDB eviction in Chromium.
	 */
	databaseCreated: 'car-database-created',
	/** localStorage: the learner has read the dashboard's note on keeping progress. */
	persistenceNoteRead: 'car-persistence-note-read',
	/** localStorage: how the deck list groups decks, 'month' or 'topic' (session/deck-groups.ts). */
	deckGrouping: 'car-deck-grouping',
	/**
	 * localStorage: the sync account's name, while sync is on (no password or token: the
	 * session is the server's cookie). Changes are marked to send only while it is set
	 * (storage/sync-outbox.ts), and the header loads the sync code only then.
	 */
	syncAccount: 'car-sync-account'
} as const;

const JOIN_NAME = `${WEB_KEY_PREFIX}join-name:`;

/** sessionStorage: the name a student gave to join the class paper `seed`. */
export const joinNameKey = (seed: string | number) => `${JOIN_NAME}${seed}`;

/** sessionStorage: a phone's session id and name in the live class `code` (session/live.svelte.ts). */
export const liveSessionKey = (code: string) => `${WEB_KEY_PREFIX}live:${code}`;

/** sessionStorage: a phone's answers in the live class `code`, so a reload keeps them. */
export const liveAnswersKey = (code: string) => `${WEB_KEY_PREFIX}live-answers:${code}`;

/**
 * The names earlier versions of the app used, where they differ: a value is read there once,
 * and moved, so that a learner's choice survives the rename.
 */
const FORMER: Readonly<Record<string, string>> = {
	[WEB_KEYS.databaseCreated]: 'recall:database-created',
	[WEB_KEYS.persistenceNoteRead]: 'recall:persistence-note-read'
};

/** The name `key` had in an earlier version of the app, if another. */
export function formerName(key: string): string | undefined {
	if (key.startsWith(JOIN_NAME)) return `join-name:${key.slice(JOIN_NAME.length)}`;
	return FORMER[key];
}

export type WebStorageArea = 'local' | 'session';

/** The area, or null where there is none (Node, workers) or the browser refuses it. */
function area(name: WebStorageArea): Storage | null {
	try {
		return (name === 'local' ? globalThis.localStorage : globalThis.sessionStorage) ?? null;
	} catch {
		return null;
	}
}

/**
 * The value stored under `key`, or null: none, or storage refused (some private modes), which
 * the callers treat as nothing stored. A value still under the key's former name is moved.
 */
export function readWebKey(where: WebStorageArea, key: string): string | null {
	const store = area(where);
	try {
		const value = store?.getItem(key) ?? null;
		const former = formerName(key);
		if (value !== null || former === undefined || !store) return value;
		const old = store.getItem(former);
		if (old !== null) {
			store.setItem(key, old);
			store.removeItem(former);
		}
		return old;
	} catch {
		return null;
	}
}

/**
 * Store `value` under `key` (null removes it). False when the browser refused (private mode,
 * quota): the value then lasts only as long as the page.
 */
export function writeWebKey(where: WebStorageArea, key: string, value: string | null): boolean {
	try {
		const store = area(where);
		if (!store) return false;
		if (value === null) store.removeItem(key);
		else store.setItem(key, value);
		return true;
	} catch {
		return false;
	}
}
