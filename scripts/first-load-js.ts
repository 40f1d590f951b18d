/**
 * `npx tsx scripts/first-load-js.ts [--budget /=55] [build dir]`: the JavaScript each built page
 * loads at start, gzipped, in KB: the scripts its HTML preloads and imports (kit's entry, the
 * page's nodes) and everything they import statically, each file counted once. Dynamic imports
 * are not counted: they load later, on demand. Run after `vite build`.
 *
 * `--budget <page>=<KB>` (repeatable) exits 1 when a page is over its budget.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const budgets = new Map<string, number>();
let dir = 'build';
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--budget') {
		const [page, kb] = (args[++i] ?? '').split('=');
		if (!page || !Number.isFinite(Number(kb))) throw new Error(`--budget wants <page>=<KB>`);
		budgets.set(page, Number(kb));
	} else dir = args[i];
}
if (!existsSync(dir)) throw new Error(`${dir}: no build here (run vite build first)`);

/** Every .html page under `root`, as its URL path. */
function pages(root: string, at = root): Array<[string, string]> {
	return readdirSync(at).flatMap((name): Array<[string, string]> => {
		const path = join(at, name);
		if (statSync(path).isDirectory()) return name === '_app' ? [] : pages(root, path);
		if (!name.endsWith('.html')) return [];
		const url = '/' + relative(root, path).replace(/(index)?\.html$/, '');
		return [[url.replace(/\/$/, '') || '/', path]];
	});
}

/** The JS files an HTML page asks for at start: modulepreload links and inline import()s. */
function startScripts(html: string, file: string): string[] {
	const found = [
		...html.matchAll(/<link[^>]*href="([^"]+\.js)"[^>]*rel="modulepreload"/g),
		...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
		...html.matchAll(/import\("([^"]+\.js)"\)/g)
	];
	return found.map((m) => resolve(dirname(file), m[1]));
}

/** A chunk's static imports (`import … from "./x.js"`, `import "./x.js"`, `export … from`). */
const staticImports = (code: string, file: string) =>
	[
		...code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w$*{},\s]*?\bfrom\s*)?["']([^"']+\.js)["']/g)
	].map((m) => resolve(dirname(file), m[1]));

const gzipped = new Map<string, number>();
const sizeOf = (file: string) => {
	let size = gzipped.get(file);
	if (size === undefined) gzipped.set(file, (size = gzipSync(readFileSync(file)).length));
	return size;
};

function firstLoad(file: string): { kb: number; files: number } {
	const seen = new Set<string>();
	const queue = startScripts(readFileSync(file, 'utf8'), file);
	while (queue.length) {
		const js = queue.pop()!;
		if (seen.has(js) || !existsSync(js)) continue;
		seen.add(js);
		queue.push(...staticImports(readFileSync(js, 'utf8'), js));
	}
	const bytes = [...seen].reduce((sum, js) => sum + sizeOf(js), 0);
	return { kb: bytes / 1024, files: seen.size };
}

let failed = false;
const rows = pages(dir).sort(([a], [b]) => a.localeCompare(b));
const width = Math.max(...rows.map(([url]) => url.length));
for (const [url, file] of rows) {
	const { kb, files } = firstLoad(file);
	const budget = budgets.get(url);
	const verdict =
		budget === undefined ? '' : kb <= budget ? `  ≤ ${budget} pass` : `  > ${budget} FAIL`;
	if (budget !== undefined && kb > budget) failed = true;
	console.log(
		`${url.padEnd(width)}  ${kb.toFixed(1).padStart(6)} KB  ${String(files).padStart(3)} files${verdict}`
	);
}
for (const url of budgets.keys())
	if (!rows.some(([u]) => u === url)) {
		console.log(`${url}: no such page in ${dir}`);
		failed = true;
	}
process.exit(failed ? 1 : 0);
