/**
 * The app's keys in localStorage and sessionStorage (named in storage/web-keys.ts), for the
 * components and routes, which reach storage through the session layer.
 */
export {
	joinNameKey,
	liveSessionKey,
	readWebKey,
	WEB_KEYS,
	writeWebKey
} from '$lib/storage/web-keys';
