/**
 * The app's keys in localStorage and sessionStorage (named in storage/web-keys.ts), for the
 * components and routes, which reach storage through the session layer.
 */
export {
	joinNameKey,
	liveAnswersKey,
	liveSessionKey,
	readWebKey,
	WEB_KEYS,
	writeWebKey
} from '$lib/storage/web-keys';

/**
 * Dispatched on window when a sync account is signed in or out on this page: the header loads
 * its sync status then (session/sync.svelte.ts; the layout does not import it at start).
 */
export const SYNC_ACCOUNT_EVENT = 'car-sync-account';
