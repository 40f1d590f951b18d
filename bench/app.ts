/**
 * The app as a phone loads it (headless Chromium, Pixel 7 viewport, no cache, no service
 * worker): gzipped JS and CSS of the first load of `/` and `/study` beside an empty SvelteKit
 * page built the same way in the same run, and the time from navigation to the first question
 * on screen, unthrottled and throttled (CPU 4× slower, 150 ms latency, 1.6 Mbit/s down).
 */
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, devices, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/chromium';

export interface LoadFigures {
	jsGzip: number;
	cssGzip: number;
}

export interface AppBenchResult {
	empty: LoadFigures;
	home: LoadFigures;
	study: LoadFigures;
	/** Median ms from navigation to the first question visible. */
	firstQuestion: number;
	firstQuestionThrottled: number;
}

const TYPES: Record<string, string> = {
	'.html': 'text/html',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.webmanifest': 'application/manifest+json',
	'.txt': 'text/plain'
};

/** A static server for a prerendered build (`/study` is `study.html`), gzipping text as hosts do. */
function serve(dir: string): Promise<{ server: Server; origin: string }> {
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		const candidates = [join(dir, path), join(dir, `${path}.html`), join(dir, path, 'index.html')];
		const file = candidates.find((f) => f.startsWith(dir) && existsSync(f) && statSync(f).isFile());
		if (!file) {
			res.writeHead(404).end();
			return;
		}
		const type = TYPES[extname(file)] ?? 'application/octet-stream';
		const body = readFileSync(file);
		// Compressed as any static host serves text (the throttled figure depends on it).
		if (
			/text|javascript|json|svg|manifest/.test(type) &&
			/gzip/.test(req.headers['accept-encoding'] ?? '')
		) {
			res.writeHead(200, {
				'content-type': type,
				'content-encoding': 'gzip',
				vary: 'accept-encoding'
			});
			res.end(gzipSync(body));
		} else {
			res.writeHead(200, { 'content-type': type });
			res.end(body);
		}
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () =>
			resolve({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` })
		)
	);
}

/** Build an empty SvelteKit page with the same kit, adapter and prerendering as the app. */
function buildEmptyKit(root: string): string {
	const dir = join(root, 'bench-results', 'empty-kit');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(join(dir, 'src', 'routes'), { recursive: true });
	const files: Record<string, string> = {
		'package.json': '{ "type": "module", "private": true }',
		'svelte.config.js': `import adapter from '@sveltejs/adapter-static';
export default { kit: { adapter: adapter() } };`,
		'vite.config.js': `import { sveltekit } from '@sveltejs/kit/vite';
export default { plugins: [sveltekit()], logLevel: 'warn' };`,
		'src/app.html': `<!doctype html><html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />%sveltekit.head%</head><body><div style="display: contents">%sveltekit.body%</div></body></html>`,
		'src/routes/+layout.js': 'export const prerender = true;',
		'src/routes/+page.svelte': '<h1>Empty page</h1>'
	};
	for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
	execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], {
		cwd: dir,
		stdio: 'ignore'
	});
	return join(dir, 'build');
}

/** Gzipped bytes of the JS and CSS that a cold first load of `url` fetches. */
async function firstLoad(browser: Browser, url: string, ready: string): Promise<LoadFigures> {
	const context = await browser.newContext({ ...devices['Pixel 7'], serviceWorkers: 'block' });
	const page = await context.newPage();
	const out = { jsGzip: 0, cssGzip: 0 };
	const pending: Array<Promise<void>> = [];
	page.on('response', (response) => {
		const kind = response.headers()['content-type'] ?? '';
		const key = kind.includes('javascript') ? 'jsGzip' : kind.includes('css') ? 'cssGzip' : null;
		if (key)
			pending.push(
				response.body().then((body) => {
					out[key] += gzipSync(body).length;
				})
			);
	});
	await page.goto(url);
	await page.locator(ready).first().waitFor();
	await page.waitForLoadState('networkidle');
	await Promise.all(pending);
	await context.close();
	return out;
}

/** Median ms from navigation to the first question on screen, over `runs` cold loads. */
async function firstQuestion(
	browser: Browser,
	url: string,
	throttled: boolean,
	runs = 5
): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const context = await browser.newContext({ ...devices['Pixel 7'], serviceWorkers: 'block' });
		const page = await context.newPage();
		if (throttled) {
			const cdp = await context.newCDPSession(page);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
			await cdp.send('Network.enable');
			await cdp.send('Network.emulateNetworkConditions', {
				offline: false,
				latency: 150,
				downloadThroughput: 1_600_000 / 8,
				uploadThroughput: 750_000 / 8
			});
		}
		await page.goto(url, { waitUntil: 'commit' });
		// Checked every frame from the page's own clock, whose origin is the navigation's start.
		// A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
		const at = await page.evaluate<number>(`new Promise((resolve) => {
			const check = () =>
				document.querySelector('article[data-question-id]')
					? resolve(performance.now())
					: requestAnimationFrame(check);
			check();
		})`);
		times.push(at);
		await context.close();
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)];
}

export async function runAppBench(root: string): Promise<AppBenchResult> {
	execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], {
		cwd: root,
		stdio: 'ignore'
	});
	const emptyBuild = buildEmptyKit(root);
	const app = await serve(join(root, 'build'));
	const empty = await serve(emptyBuild);
	const browser = await chromium.launch(chromiumLaunchOptions);
	try {
		return {
			empty: await firstLoad(browser, `${empty.origin}/`, 'h1'),
			home: await firstLoad(browser, `${app.origin}/`, 'h1'),
			study: await firstLoad(browser, `${app.origin}/study`, 'article[data-question-id]'),
			firstQuestion: await firstQuestion(browser, `${app.origin}/study`, false),
			firstQuestionThrottled: await firstQuestion(browser, `${app.origin}/study`, true)
		};
	} finally {
		await browser.close();
		app.server.close();
		empty.server.close();
	}
}
