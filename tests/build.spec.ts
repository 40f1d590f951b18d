/**
 * The build as it ships: every prerendered page preloads every module it imports statically, so
 * a phone fetches them all at once instead of finding some a round trip later (see
 * `preloadStaticImports` in vite.config.ts for the kit bug this guards against).
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
