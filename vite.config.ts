import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { ISOLATION_HEADERS } from './scripts/isolation.js';

interface ManifestChunk {
	file?: string;
	imports?: string[];
	dynamicImports?: string[];
	css?: string[];
	assets?: string[];
}

/**
 * Works around SvelteKit's `find_deps` (2.70): it walks the client manifest depth first with one
 * `seen` set, following dynamic imports only to find their CSS, so a chunk first reached through
 * a dynamic import is never preloaded, even when the page imports it statically (the browser
 * then finds it late, a round trip later). In the manifest kit reads, each dynamic import points
 * at a stand-in of its chunk instead (its own key with `?dynamic`): the CSS and assets of the
 * chunk and all it imports statically, and their dynamic imports (stand-ins too), but no imports,
 * so that walking it marks no real chunk seen. Stand-ins that bring no CSS or assets are left
 * out. The bundle is unchanged. `tests/build.spec.ts` checks that every page preloads all it
 * imports.
 */
function preloadStaticImports(): Plugin {
	return {
		name: 'recall:preload-static-imports',
		apply: 'build',
		writeBundle(options) {
			const file = join(options.dir ?? '', '.vite', 'manifest.json');
			if (this.environment.name !== 'client' || !existsSync(file)) return;
			const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManifestChunk>;
			const real = Object.keys(manifest);
			/** A chunk and everything it imports statically. */
			const closure = (key: string) => {
				const found = new Set<string>();
				const stack = [key];
				while (stack.length) {
					const k = stack.pop()!;
					if (found.has(k) || !manifest[k]) continue;
					found.add(k);
					stack.push(...(manifest[k].imports ?? []));
				}
				return [...found].map((k) => manifest[k]);
			};
			const union = (chunks: ManifestChunk[], pick: (c: ManifestChunk) => string[] | undefined) => [
				...new Set(chunks.flatMap((c) => pick(c) ?? []))
			];
			const standIns = new Map<string, ManifestChunk>();
			for (const key of real) {
				const chunks = closure(key);
				standIns.set(key, {
					file: manifest[key].file,
					css: union(chunks, (c) => c.css),
					assets: union(chunks, (c) => c.assets),
					dynamicImports: union(chunks, (c) => c.dynamicImports)
				});
			}
			// Whether walking a stand-in finds any CSS or assets (through its dynamic imports too).
			const styled = new Map<string, boolean>();
			const bringsStyle = (key: string, path = new Set<string>()): boolean => {
				const known = styled.get(key);
				if (known !== undefined) return known;
				const s = standIns.get(key);
				if (!s || path.has(key)) return false;
				path.add(key);
				const found =
					!!s.css?.length ||
					!!s.assets?.length ||
					(s.dynamicImports ?? []).some((k) => bringsStyle(k, path));
				path.delete(key);
				styled.set(key, found);
				return found;
			};
			const pointAtStandIns = (chunk: ManifestChunk) => {
				const dynamic = (chunk.dynamicImports ?? []).filter((k) => bringsStyle(k));
				if (dynamic.length) chunk.dynamicImports = dynamic.map((k) => `${k}?dynamic`);
				else delete chunk.dynamicImports;
				if (!chunk.css?.length) delete chunk.css;
				if (!chunk.assets?.length) delete chunk.assets;
			};
			for (const [key, s] of standIns)
				if (bringsStyle(key)) {
					pointAtStandIns(s);
					manifest[`${key}?dynamic`] = s;
				}
			for (const key of real) pointAtStandIns(manifest[key]);
			writeFileSync(file, JSON.stringify(manifest, null, 2));
		}
	};
}

/**
 * Writes `.vite/chunk-modules.json` beside the client manifest (not shipped: adapter-static copies
 * only the app's files): each output chunk's file and the source modules bundled into it, paths
 * from the project root. The manifest names only entries, so this is how `tests/build.spec.ts`
 * proves which modules a page loads (the editor's stay out of `/` and `/study`).
 */
function chunkModules(): Plugin {
	return {
		name: 'recall:chunk-modules',
		apply: 'build',
		writeBundle(options, bundle) {
			if (this.environment.name !== 'client' || !options.dir) return;
			const out: Record<string, string[]> = {};
			for (const chunk of Object.values(bundle))
				if (chunk.type === 'chunk')
					out[chunk.fileName] = chunk.moduleIds.map((id) =>
						relative(process.cwd(), id.replace(/^\0/, '').replace(/\?.*$/, '')).replace(/\\/g, '/')
					);
			writeFileSync(join(options.dir, '.vite', 'chunk-modules.json'), JSON.stringify(out, null, 1));
		}
	};
}

/**
 * Cross-origin isolation (scripts/isolation.js) on every response of the dev and preview
 * servers: a middleware ahead of kit's (which serves the pages itself, past Vite's `headers`).
 */
function isolation(): Plugin {
	// Returns nothing: a function returned from these hooks would run as a later middleware.
	const add = (server: { middlewares: { use: (fn: Connect) => void } }): void => {
		server.middlewares.use((_req, res, next) => {
			for (const [name, value] of Object.entries(ISOLATION_HEADERS)) res.setHeader(name, value);
			next();
		});
	};
	return {
		name: 'recall:isolation',
		enforce: 'pre',
		configureServer: add,
		configurePreviewServer: add
	};
}
type Connect = (
	req: unknown,
	res: { setHeader(name: string, value: string): void },
	next: () => void
) => void;

/**
 * The sync server (scripts/sync-server.ts, on SYNC_PORT) under the app's own origin at `/sync/`,
 * in dev and preview alike: no cross-origin set-up, and its session cookie is the app's. The
 * prefix is stripped and the cookie's path becomes `/sync/`.
 */
const syncProxy = {
	'/sync/': {
		target: `http://127.0.0.1:${process.env.SYNC_PORT || 5985}`,
		rewrite: (path: string) => path.slice('/sync'.length),
		cookiePathRewrite: { '/': '/sync/' }
	}
};

export default defineConfig({
	plugins: [isolation(), sveltekit(), preloadStaticImports(), chunkModules()],
	// The question bank lives outside src (it is data); the dev server must be allowed to read it.
	server: { fs: { allow: ['questions'] }, proxy: syncProxy },
	preview: { port: 4173, strictPort: true, proxy: syncProxy },
	// PouchDB (the sync code, loaded only once sync is on) imports Node's `events`: a small
	// stand-in of ours (src/lib/sync/events.ts) in the browser.
	resolve: {
		alias: [{ find: /^events$/, replacement: join(import.meta.dirname, 'src/lib/sync/events.ts') }]
	},
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
						// zod (the schemas every stored record and deck is read with), with the app's messages
						// for it, the question types' ids and `lazySchema` (schemas built on first use):
						// storage and the question types both need them.
						{
							name: 'schemas',
							test: /node_modules[\\/]zod[\\/]v4[\\/](core|mini|locales[\\/]en)[\\/]|src[\\/]lib[\\/](bank[\\/]messages|question-types[\\/](ids|shared[\\/]lazy-schema))\.ts$/
						},
						// What every page that reads storage at once loads with it: the repository and its
						// stores, the record schemas, the deck summaries, the settings, the words for a refused
						// save. One file on /study's first load rather than eight; `/` imports it dynamically,
						// once on screen.
						{
							name: 'storage',
							test: /node_modules[\\/]idb-keyval[\\/]|src[\\/]lib[\\/](storage[\\/](log-days|repository|kv|convert|records|snapshot|log|device-zone|settings|set-aside|persistence|errors|migrate|deck-summaries|sync-outbox|sync-state)|session[\\/](storage\.svelte|save-error|answering)|srs[\\/]settings|bank[\\/]summary)\.ts$|src[\\/]lib[\\/]components[\\/]SaveError\.svelte/
						},
						// The deck listings and the day's counts (`/` imports them a task after storage).
						{
							name: 'decks',
							test: /src[\\/]lib[\\/](session[\\/](decks|dashboard|early-reads)|srs[\\/](queue|intervals))\.ts$/
						},
						// The question types (grading, answer text, the draft model): every page that shows or
						// counts questions loads them at start. Not the editor's drafts and forms (draft.ts,
						// form*.ts, Form.svelte and the forms' shared parts), which only /write loads.
						{
							name: 'questions',
							test: /src[\\/]lib[\\/](question-types[\\/](?!.*(sample|\.test|draft|drafts|form|form-judged|upsc-options)\.ts$).*\.ts|bank[\\/](csv[\\/]cells|issues|format)\.ts|srs[\\/](shuffle|grade)\.ts)$/
						},
						// The widgets that show and answer a question (each type's body and input): the pages
						// that show questions, not those that only count or list them.
						{
							name: 'question-widgets',
							test: /src[\\/]lib[\\/](question-types[\\/](?!.*(Form|FactSelect|FormIssues|ItemControls|JudgedForm|OptionsForm|PartRows|TextField)\.svelte).*\.svelte|components[\\/](QuestionBody\.svelte|AnswerInput\.svelte|Choices\.svelte|TypedAnswer\.svelte|answer-inputs\.ts|answer-model\.ts))(\?.*)?$/
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
