/**
 * What the bench serves: the app's production build (built once a run), an empty SvelteKit page
 * built with the same kit and adapter (the floor; built once and kept while the kit's version
 * is the same), and a bare page on the app's origin that reads the fact-state store raw.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const vite = (root: string) => join(root, 'node_modules/vite/bin/vite.js');

/** `vite build` of the app (its prerendered pages in build/). */
export function buildApp(root: string): string {
	execFileSync(process.execPath, [vite(root), 'build', '--logLevel', 'error'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit']
	});
	return join(root, 'build');
}

/** An empty SvelteKit page with the same kit, adapter and prerendering as the app. */
export function buildEmptyKit(root: string): string {
	const kit = JSON.parse(
		readFileSync(join(root, 'node_modules/@sveltejs/kit/package.json'), 'utf8')
	).version;
	const dir = join(root, 'bench-results', 'empty-kit');
	const stamp = join(dir, 'build', 'kit-version.txt');
	if (existsSync(stamp) && readFileSync(stamp, 'utf8') === kit) return join(dir, 'build');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(join(dir, 'src', 'routes'), { recursive: true });
	const files: Record<string, string> = {
		'package.json': '{ "type": "module", "private": true }',
		'svelte.config.js': `import adapter from '@sveltejs/adapter-static';
export default { kit: { adapter: adapter() } };`,
		'vite.config.js': `import { sveltekit } from '@sveltejs/kit/vite';
export default { plugins: [sveltekit()], logLevel: 'warn' };`,
		'src/app.html': `<!doctype html><html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>Empty page</title>%sveltekit.head%</head><body><div style="display: contents">%sveltekit.body%</div></body></html>`,
		'src/routes/+layout.js': 'export const prerender = true;',
		// The one addition, to time the framework's start: a mark when the page has hydrated.
		'src/routes/+page.svelte': `<script>
	import { onMount } from 'svelte';
	onMount(() => (document.documentElement.dataset.ready = ''));
</script>

<main><h1>Empty page</h1></main>`
	};
	for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
	execFileSync(process.execPath, [vite(root), 'build'], { cwd: dir, stdio: 'ignore' });
	writeFileSync(stamp, kit);
	return join(dir, 'build');
}

/**
 * The empty SvelteKit page carrying one of the app's pages' prerendered markup and CSS (built
 * anew each run from `appBuild`), as a returning learner's first paint has them (`<html
 * data-no-preview>`: the prerendered question hidden), beside kit's root and not hydrated. Its
 * `onMount` less the empty page's is what parsing, styling, laying out and painting that page
 * costs before any of its code runs (a figure beside `/study`'s budgets, README, Speed).
 */
export function emptyWithMarkup(
	root: string,
	emptyBuild: string,
	appBuild: string,
	page: string
): string {
	const dir = join(root, 'bench-results', 'empty-markup');
	rmSync(dir, { recursive: true, force: true });
	cpSync(emptyBuild, dir, { recursive: true });
	const app = readFileSync(join(appBuild, page), 'utf8');
	const styles = app.match(/<style[^>]*>[\s\S]*?<\/style>/g) ?? [];
	const kitRoot = '<div style="display: contents">';
	const start = app.indexOf(kitRoot, app.indexOf('<body'));
	const end = app.indexOf('<script', start);
	const file = join(dir, 'index.html');
	const empty = readFileSync(file, 'utf8');
	if (!styles.length || start < 0 || end < 0 || !/<html lang="en">/.test(empty))
		throw new Error(`bench: ${page} or the empty page is not laid out as expected`);
	const markup = app.slice(start + kitRoot.length, end);
	writeFileSync(
		file,
		empty
			.replace('<html lang="en">', '<html lang="en" data-no-preview>')
			.replace('</head>', `${styles.join('')}</head>`)
			.replace('<body>', `<body><div>${markup}</div>`)
	);
	return dir;
}

/**
 * The bare page served at `/__bench/raw.html` on the app's origin: one `getAll` of the
 * fact-state store, no framework, no validation. It finds the app's database by listing the
 * origin's databases, so it does not depend on the database's name; the store is `states`, or
 * failing that the store whose name mentions states (see docs/ARCHITECTURE.md, the bench).
 */
export function rawReadPage(root: string): string {
	const dir = join(root, 'bench-results', 'raw');
	mkdirSync(dir, { recursive: true });
	writeFileSync(
		join(dir, 'raw.html'),
		`<!doctype html><meta charset="utf-8"><title>raw read</title><h1>raw read</h1><script type="module" src="/__bench/raw.js"></script>`
	);
	writeFileSync(
		join(dir, 'raw.js'),
		`window.rawRead = async () => {
	const names = (await indexedDB.databases()).map((d) => d.name);
	const open = (name) => new Promise((ok, no) => { const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
	for (const name of names) {
		const db = await open(name);
		const stores = [...db.objectStoreNames];
		const store = stores.includes('states') ? 'states' : stores.find((s) => /state/i.test(s));
		if (!store) { db.close(); continue; }
		const start = performance.now();
		const records = await new Promise((ok, no) => { const g = db.transaction(store, 'readonly').objectStore(store).getAll(); g.onsuccess = () => ok(g.result.length); g.onerror = () => no(g.error); });
		const ms = performance.now() - start;
		db.close();
		return { ms, records, store: name + '/' + store };
	}
	throw new Error('no fact-state store in ' + names.join(', '));
};
window.storageUsage = async () => (await navigator.storage.estimate()).usage ?? null;
// The least a stored answer costs: one record (a day of 100 log entries) put in a readwrite
// transaction, committed, a line of text changed and the next frame rendered; n times, at
// random phases of the frame.
window.rawCommit = async (n) => {
	const db = await new Promise((ok, no) => { const r = indexedDB.open('bench-commit-floor', 1); r.onupgradeneeded = () => r.result.createObjectStore('days'); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
	const day = Array.from({ length: 100 }, (_, i) => ({ id: 'e' + i, deck: 'deck-' + (i % 7), fact: 'fact-' + i, at: Date.now(), rating: 3, kind: 'review' }));
	const times = [];
	for (let i = 0; i < n; i++) {
		await new Promise((ok) => setTimeout(ok, Math.random() * 20));
		const start = performance.now();
		await new Promise((ok, no) => { const tx = db.transaction('days', 'readwrite'); tx.objectStore('days').put([...day, { id: 'x' + i }], 'today'); tx.oncomplete = ok; tx.onerror = () => no(tx.error); });
		document.querySelector('h1').textContent = 'answer ' + i;
		await new Promise((ok) => requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = ok; ch.port2.postMessage(0); }));
		times.push(performance.now() - start);
	}
	db.close();
	return times;
};
// The same, started by a key (1–4) as a rating is, so that the rating is compared with a write
// that follows the same input (the key's own events and frame). Each press's time, from the
// key, is pushed to window.keyCommits.
window.keyCommit = async () => {
	const db = await new Promise((ok, no) => { const r = indexedDB.open('bench-commit-floor', 1); r.onupgradeneeded = () => r.result.createObjectStore('days'); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
	const day = Array.from({ length: 100 }, (_, i) => ({ id: 'e' + i, deck: 'deck-' + (i % 7), fact: 'fact-' + i, at: Date.now(), rating: 3, kind: 'review' }));
	const times = (window.keyCommits = []);
	addEventListener('keydown', (e) => {
		if (!/^[1-4]$/.test(e.key)) return;
		const start = performance.now();
		const tx = db.transaction('days', 'readwrite');
		tx.objectStore('days').put([...day, { id: 'k' + times.length }], 'today');
		tx.oncomplete = () => {
			document.querySelector('h1').textContent = 'answer ' + times.length;
			requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = () => times.push(performance.now() - start); ch.port2.postMessage(0); });
		};
	});
};
`
	);
	return dir;
}

/**
 * Gzipped bytes of the JS a page loads at its start, from the build: the scripts and module
 * preloads its HTML names (kit lists every start-up module there), and every module those
 * import statically, transitively. Dynamic imports (loaded later, on demand) are not counted.
 */
export function startJs(buildDir: string, page = 'index.html'): { files: number; gzip: number } {
	const html = readFileSync(join(buildDir, page), 'utf8');
	const base = dirname(join(buildDir, page));
	const queue: string[] = [];
	for (const link of html.matchAll(/<link\b[^>]*>/g)) {
		const href = /\bhref="([^"]+)"/.exec(link[0]);
		if (/\brel="modulepreload"/.test(link[0]) && href) queue.push(resolve(base, href[1]));
	}
	for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) queue.push(resolve(base, m[1]));
	// Kit's inline start script imports its entry modules by path.
	for (const m of html.matchAll(/import\(\s*"([^"]+\.js)"\s*\)/g)) queue.push(resolve(base, m[1]));
	const seen = new Set<string>();
	let gzip = 0;
	while (queue.length) {
		const file = queue.pop() as string;
		if (seen.has(file) || !existsSync(file)) continue;
		seen.add(file);
		const text = readFileSync(file);
		gzip += gzipSync(text).length;
		const src = text.toString('utf8');
		for (const m of src.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.js)["']/g))
			queue.push(resolve(dirname(file), m[1]));
	}
	return { files: seen.size, gzip };
}

/**
 * Every byte a page asks for at start, gzipped as the bench serves it: its HTML, its stylesheets,
 * its start-up JS (startJs) and what its head preloads to fetch (e.g. /decks.json). Images and
 * the manifest aside.
 */
export function startBytes(buildDir: string, page = 'index.html'): number {
	const html = readFileSync(join(buildDir, page), 'utf8');
	const base = dirname(join(buildDir, page));
	const gz = (file: string) => (existsSync(file) ? gzipSync(readFileSync(file)).length : 0);
	let bytes = gzipSync(html).length + startJs(buildDir, page).gzip;
	for (const link of html.matchAll(/<link\b[^>]*>/g)) {
		const href = /\bhref="([^"]+)"/.exec(link[0])?.[1];
		if (!href) continue;
		const file = href.startsWith('/') ? join(buildDir, href) : resolve(base, href);
		// Kit inlines small styles and leaves their links disabled: not fetched at start.
		const sheet = /\brel="stylesheet"/.test(link[0]) && !/\bdisabled\b/.test(link[0]);
		if (sheet || /\bas="fetch"/.test(link[0])) bytes += gz(file);
	}
	return bytes;
}

/**
 * A self-signed key and certificate for 127.0.0.1 (made once with openssl, kept in
 * bench-results/tls): the bench serves over HTTPS with HTTP/2, as static hosts do, and its
 * browsers are told to accept the certificate.
 */
export function benchCertificate(root: string): { key: Buffer; cert: Buffer } {
	const dir = join(root, 'bench-results', 'tls');
	const key = join(dir, 'key.pem');
	const cert = join(dir, 'cert.pem');
	if (!existsSync(cert)) {
		mkdirSync(dir, { recursive: true });
		execFileSync(
			'openssl',
			[
				'req',
				'-x509',
				'-newkey',
				'rsa:2048',
				'-nodes',
				'-days',
				'3650',
				'-subj',
				'/CN=127.0.0.1',
				'-addext',
				'subjectAltName=IP:127.0.0.1',
				'-keyout',
				key,
				'-out',
				cert
			],
			{ stdio: 'ignore' }
		);
	}
	return { key: readFileSync(key), cert: readFileSync(cert) };
}
