/**
 * Cross-origin isolation: the headers that let the fit worker share its memory with the page,
 * so that the page can show the optimizer's progress (docs/fitting.md). Sent by the dev and
 * preview servers (vite.config.ts), the tests' and the bench's static server
 * (tests/static-server.ts), and added by the service worker to what it serves. The app loads
 * nothing from other origins, so `require-corp` blocks nothing of it; a sync server on another
 * origin (PUBLIC_SYNC_URL) is reached with CORS, which isolation does not change.
 */
/** @type {Readonly<Record<string, string>>} */
export const ISOLATION_HEADERS = {
	'cross-origin-opener-policy': 'same-origin',
	'cross-origin-embedder-policy': 'require-corp'
};
