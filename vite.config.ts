import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

interface ManifestChunk {
	imports?: string[];
	dynamicImports?: string[];
	css?: string[];
	assets?: string[];
}

/**
 * Works around SvelteKit's `find_deps` (2.70): it walks the client manifest depth first with one
 * `seen` set, following dynamic imports only to find their CSS, so a chunk first reached through
 * a dynamic import is never preloaded, even when the page imports it statically (the browser
 * then finds it late, a round trip later). Dynamic imports whose chunks bring no CSS or assets
 * give kit nothing, so they are dropped from the manifest kit reads; the bundle is unchanged.
 * `tests/build.spec.ts` checks that every page preloads all it imports.
 */
function preloadStaticImports(): Plugin {
	return {
		name: 'recall:preload-static-imports',
		apply: 'build',
		writeBundle(options) {
			const file = join(options.dir ?? '', '.vite', 'manifest.json');
			if (this.environment.name !== 'client' || !existsSync(file)) return;
			const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManifestChunk>;
			const styled = new Map<string, boolean>();
			const bringsStyle = (key: string, path = new Set<string>()): boolean => {
				const known = styled.get(key);
				if (known !== undefined) return known;
				const chunk = manifest[key];
				if (!chunk || path.has(key)) return false;
				path.add(key);
				const found =
					!!chunk.css?.length ||
					!!chunk.assets?.length ||
					[...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])].some((k) =>
						bringsStyle(k, path)
					);
				path.delete(key);
				styled.set(key, found);
				return found;
			};
			for (const chunk of Object.values(manifest)) {
				if (!chunk.dynamicImports) continue;
				chunk.dynamicImports = chunk.dynamicImports.filter((k) => bringsStyle(k));
				if (!chunk.dynamicImports.length) delete chunk.dynamicImports;
			}
			writeFileSync(file, JSON.stringify(manifest, null, 2));
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), preloadStaticImports()],
	// The question bank lives outside src (it is data); the dev server must be allowed to read it.
	server: { fs: { allow: ['questions'] } },
	preview: { port: 4173, strictPort: true },
	// The backup worker (src/lib/session/backup.worker.ts) imports modules: an ES module worker.
	worker: { format: 'es' },
	build: {
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [
						// Svelte's, kit's and the bundler's runtime, which every page loads: one file, not a dozen
						// (each request is a round trip on a slow phone connection).
						{
							name: 'framework',
							test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|esm-env|clsx|devalue)[\\/]|^\0?(vite[\\/]preload-helper|rolldown[\\/]runtime)/
						},
						// Small modules that import nothing of the app's but each other, shared by many
						// pages: one file of a few KB rather than one request each (six at a time go
						// over HTTP/1.1, so every few requests cost a round trip; docs/ARCHITECTURE.md,
						// the bench).
						{
							name: 'shared-small',
							test: /src[\\/]lib[\\/](srs[\\/](day|fsrs-enums|learned|keys)|storage[\\/]web-keys|session[\\/](web-keys|preview|deck-links)|components[\\/](dates|next-task))\.ts$/
						},
						// What every page that reads storage at once loads with it: the record schemas (zod),
						// the repository and its stores, the deck summaries, the settings, the messages a
						// refused save is worded with. One file on /study's first load rather than eight; `/`
						// imports it dynamically, once on screen.
						{
							name: 'storage',
							test: /node_modules[\\/](zod[\\/]v4[\\/](core|mini|locales[\\/]en)|idb-keyval)[\\/]|src[\\/]lib[\\/](storage[\\/](log-days|repository|kv|convert|records|snapshot|log|device-zone|settings|set-aside|persistence|errors|migrate|deck-summaries)|session[\\/](storage\.svelte|save-error|answering)|srs[\\/]settings|question-types[\\/]ids|bank[\\/](messages|summary))\.ts$|src[\\/]lib[\\/]components[\\/]SaveError\.svelte/
						},
						// The deck listings and the day's counts (`/` imports them a task after storage).
						{
							name: 'decks',
							test: /src[\\/]lib[\\/](session[\\/](decks|dashboard|early-reads)|srs[\\/](queue|intervals))\.ts$/
						},
						// The question types (grading, answer text) and the widgets that show and answer a
						// question: every page that shows questions loads them at start.
						{
							name: 'questions',
							test: /src[\\/]lib[\\/](question-types[\\/](?!.*(sample|\.test)\.ts$).*|bank[\\/](csv[\\/]cells|issues|format)\.ts|srs[\\/](shuffle|grade)\.ts|components[\\/](QuestionBody\.svelte|AnswerInput\.svelte|Choices\.svelte|TypedAnswer\.svelte|answer-inputs\.ts|answer-model\.ts))$/
						}
					]
				}
			}
		}
	},
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node'
	}
});
