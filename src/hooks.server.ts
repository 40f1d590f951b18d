/**
 * Every page is rendered (prerendered, in the build) with app.html's early script in its slot:
 * the script is generated from the app's names, so it is written once (session/early-script.ts).
 */
import type { Handle } from '@sveltejs/kit';
import { withEarlyScript } from '$lib/session/early-script';

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, { transformPageChunk: ({ html }) => withEarlyScript(html) });
