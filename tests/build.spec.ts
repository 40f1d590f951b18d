/**
 * The build as it ships: every prerendered page preloads every module it imports statically, so
 * a phone fetches them all at once instead of finding some a round trip later (see
 * `preloadStaticImports` in vite.config.ts for the kit bug this guards against); and the editor's
 * code loads only on /write, not at the start of / or /study (the chunk groups of vite.config.ts
 * keep the editor's parts of the question types out of the `questions` group); and the fit's
 * code and its worker (with fsrs-browser's WebAssembly) load only from /settings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const BUILD = resolve('build');

function pages(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory()
			? e.name === '_app'
				? []
				: pages(join(dir, e.name))
			: e.name.endsWith('.html')
				? [join(dir, e.name)]
				: []
	);
}

/** Files a module imports statically (`import … from"./x.js"`, `import"./x.js"`). */
function staticImports(file: string): string[] {
	const code = readFileSync(file, 'utf8');
	return [...code.matchAll(/(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+\.js)"/g)].map((m) =>
		resolve(dirname(file), m[1])
	);
}

test(
	'every page preloads the whole static import graph of its modules',
	{ tag: '@desktop' },
	() => {
		const htmlFiles = pages(BUILD);
		expect(htmlFiles.length).toBeGreaterThanOrEqual(13);
		for (const html of htmlFiles) {
			const text = readFileSync(html, 'utf8');
			const preloaded = new Set(
				[...text.matchAll(/<link href="([^"]+\.js)" rel="modulepreload"/g)].map((m) =>
					resolve(dirname(html), m[1])
				)
			);
			expect(preloaded.size, relative(BUILD, html)).toBeGreaterThan(0);
			const missing = new Set<string>();
			const seen = new Set<string>();
			const visit = (file: string) => {
				if (seen.has(file)) return;
				seen.add(file);
				if (!preloaded.has(file)) missing.add(relative(BUILD, file));
				staticImports(file).forEach(visit);
			};
			preloaded.forEach(visit);
			expect([...missing], `${relative(BUILD, html)} imports modules it does not preload`).toEqual(
				[]
			);
		}
	}
);

/** The editor's modules (`/write`'s), which `/` and `/study` must not load. */
const EDITOR: readonly RegExp[] = [
	/^src\/lib\/bank\/draft\//,
	/^src\/lib\/question-types\/(?:[^/]+\/draft|drafts)\.ts$/,
	/^src\/lib\/question-types\/[^/]+\/Form\.svelte$/,
	/^src\/lib\/question-types\/shared\/(?:form|form-judged)\.ts$/,
	/^src\/lib\/question-types\/shared\/(?:FactSelect|FormIssues|ItemControls|JudgedForm|OptionsForm|PartRows|TextField)\.svelte$/,
	/^src\/lib\/components\/(?:QuestionForm\.svelte|QuestionPreview\.svelte|question-forms\.ts)$/,
	/^src\/lib\/session\/write[^/]*\.ts$/,
	/^src\/routes\/write\//
];

/** The source modules in each built chunk (`chunkModules` in vite.config.ts), by chunk file. */
function chunkModules(): Map<string, readonly string[]> {
	const file = resolve('.svelte-kit/output/client/.vite/chunk-modules.json');
	const map = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>;
	return new Map(Object.entries(map).map(([chunk, ids]) => [resolve(BUILD, chunk), ids]));
}

/** The JS a page loads at start: what its HTML preloads and imports, and their static imports. */
function startUp(html: string): string[] {
	const text = readFileSync(html, 'utf8');
	const seen = new Set<string>();
	const queue = [
		...text.matchAll(/<link href="([^"]+\.js)" rel="modulepreload"/g),
		...text.matchAll(/import\("([^"]+\.js)"\)/g)
	].map((m) => resolve(dirname(html), m[1]));
	while (queue.length) {
		const js = queue.pop()!;
		if (seen.has(js)) continue;
		seen.add(js);
		queue.push(...staticImports(js));
	}
	return [...seen];
}

test(
	"/ and /study load none of the editor's modules at start; /write does",
	{ tag: '@desktop' },
	() => {
		const modules = chunkModules();
		const editorIn = (page: string) => {
			const files = startUp(join(BUILD, page));
			expect(files.length, page).toBeGreaterThan(1);
			for (const f of files)
				expect(modules.has(f), `${page}: ${relative(BUILD, f)} unknown`).toBe(true);
			return files.flatMap((f) =>
				(modules.get(f) ?? [])
					.filter((m) => EDITOR.some((re) => re.test(m)))
					.map((m) => `${relative(BUILD, f)}: ${m}`)
			);
		};
		expect(editorIn('index.html')).toEqual([]);
		expect(editorIn('study.html')).toEqual([]);
		// The check sees the editor where it is.
		const write = editorIn('write.html');
		for (const part of [
			'src/routes/write/+page.svelte',
			'src/lib/bank/draft/',
			'src/lib/components/QuestionForm.svelte'
		])
			expect(
				write.some((line) => line.includes(part)),
				part
			).toBe(true);
	}
);

test('the fit worker and the optimizer load only from /settings', { tag: '@desktop' }, () => {
	const modules = chunkModules();
	const FIT = ['src/lib/session/fit.ts', 'src/lib/srs/fit.ts'];
	for (const html of pages(BUILD)) {
		const page = relative(BUILD, html);
		const files = startUp(html);
		const fitModules = files.flatMap((f) => (modules.get(f) ?? []).filter((m) => FIT.includes(m)));
		const namesWorker = files.some((f) => /fit\.worker-[\w-]+\.js/.test(readFileSync(f, 'utf8')));
		expect(
			files.filter((f) => relative(BUILD, f).includes('/workers/')),
			page
		).toEqual([]);
		if (page === 'settings.html') {
			expect(fitModules.sort(), page).toEqual([...FIT].sort());
			expect(namesWorker, page).toBe(true);
		} else {
			expect(fitModules, page).toEqual([]);
			expect(namesWorker, page).toBe(false);
		}
	}
	// fsrs-browser (its glue and its WebAssembly) is in the workers' bundle only (the fit worker
	// and the chunks it shares with the optimizer's thread helper), which no page imports: only
	// the fit worker's URL, on /settings, reaches it.
	const app = join(BUILD, '_app', 'immutable');
	const all = readdirSync(app, { recursive: true, encoding: 'utf8' });
	const withOptimizer = all.filter(
		(f) => f.endsWith('.js') && readFileSync(join(app, f), 'utf8').includes('fsrs_browser_bg')
	);
	expect(withOptimizer.length).toBeGreaterThan(0);
	for (const f of withOptimizer) expect(f).toMatch(/^workers\//);
	expect(all.filter((f) => f.endsWith('.wasm'))).toEqual([
		expect.stringMatching(/^workers\/assets\/fsrs_browser_bg-[\w-]+\.wasm$/)
	]);
});
