import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The CSP hash of app.html's inline script (the one script there: the theme and the study
 * preview before the first paint, see src/lib/session/early-script.ts).
 */
const appHtml = readFileSync(new URL('./src/app.html', import.meta.url), 'utf8');
const earlyScript = /<script>([\s\S]*?)<\/script>/.exec(appHtml)?.[1];
if (earlyScript === undefined) throw new Error('src/app.html: the inline script is missing');
const earlyScriptHash = `sha256-${createHash('sha256').update(earlyScript).digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every page is prerendered: the app needs no server, only static hosting.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		prerender: {
			handleHttpError: 'fail',
			handleMissingId: 'fail',
			handleEntryGeneratorMismatch: 'fail'
		},
		// Each page's CSS goes in its HTML: no render-blocking stylesheet requests before first paint.
		inlineStyleThreshold: Infinity,
		// Deck content is untrusted input: a strict CSP means that even a rendering bug cannot run
		// injected script. Kit hashes its own inline bootstrap script.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', earlyScriptHash],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
