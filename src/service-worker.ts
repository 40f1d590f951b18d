/// <reference types="@sveltejs/kit" />
/**
 * Offline, and updates that never break a session: the built app, the static files and every
 * prerendered page and file (the decks are in the pages' data, and in /decks.json) are cached
 * when this version installs. A page
 * is served from that cache, so a reload works with the network off. A new version installs
 * beside the old one and waits: the page shows "update available", and only when the learner
 * chooses does it take over (SKIP_WAITING), and the page reloads.
 */
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `recall-${version}`;
const ASSETS = [...build, ...files, ...prerendered];
const PRECACHED = new Set(ASSETS);

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			// The first version takes the open pages at once, so they work offline from now on.
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') sw.skipWaiting();
});

/** A page's path as prerendered: `/study?deck=x` is the page `/study`. */
const pagePath = (url: URL) => (url.pathname !== '/' ? url.pathname.replace(/\/$/, '') : '/');

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	// The sync server (same origin, under /sync/) is never cached: the network answers, or fails.
	if (url.origin !== sw.location.origin || url.pathname.startsWith('/sync/')) return;
	const path = request.mode === 'navigate' ? pagePath(url) : url.pathname;
	if (!PRECACHED.has(path)) return;
	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			return isolated((await cache.match(path)) ?? (await fetch(request)));
		})()
	);
});

/**
 * What this worker serves is cross-origin isolated (as scripts/isolation.js's headers make the
 * app's servers send), even from a host that cannot set headers: the fit's progress bar reads
 * the fit worker's memory, which only an isolated page may share (docs/fitting.md). The app's
 * files are all of this origin, so `require-corp` blocks none of them.
 */
function isolated(response: Response): Response {
	if (response.type === 'opaque' || response.status === 0) return response;
	const headers = new Headers(response.headers);
	headers.set('cross-origin-opener-policy', 'same-origin');
	headers.set('cross-origin-embedder-policy', 'require-corp');
	return new Response(response.body, {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}
