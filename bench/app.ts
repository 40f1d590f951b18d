/**
 * The app as a phone loads it (headless Chromium, Pixel 7 viewport, no cache, no service
 * worker): gzipped JS and CSS of the first load of `/` and `/study` beside an empty SvelteKit
 * page built the same way in the same run, and the time from navigation to the first question
 * on screen, unthrottled and throttled (CPU 4× slower, 150 ms latency, 1.6 Mbit/s down). Then
 * the same at scale: a learner with 10 000 facts and 100 000 log entries stored (first question,
 * against a raw read of the fact-state store; answer to next question; storage used).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, devices, type Browser, type Page } from '@playwright/test';
import type {} from './seed-app';
import { runLighthouse, type LighthouseScores } from './lighthouse';
import { chromiumLaunchOptions } from '../tests/chromium';
import { serveStatic } from '../tests/static-server';
import { PREVIEW_DOM, PREVIEW_KEY } from '../src/lib/session/preview';

export interface LoadFigures {
	jsGzip: number;
	cssGzip: number;
}

export interface ScaleFigures {
	facts: number;
	logEntries: number;
	/** Median ms of one read of every fact-state record, unvalidated (IndexedDB getAll). */
	rawReadMs: number;
	/** Ms from navigation to the first question painted on the first visit (no snapshot yet). */
	firstQuestionFirstVisit: number;
	/** Median ms from navigation to the first question painted, at scale (later visits). */
	firstQuestion: number;
	/** Median and worst ms from the rating key to the next question in the DOM (20 answers). */
	answerToNextMedian: number;
	answerToNextMax: number;
	/** The browser's estimate of the origin's storage (IndexedDB and caches). */
	storageBytes: number | null;
}

export interface AppBenchResult {
	empty: LoadFigures;
	/** Median ms from navigation to the empty page's onMount: the framework's own start-up. */
	emptyReady: number;
	/** A static HTML page's heading (no script): the browser's own floor. */
	bare: Shown;
	home: LoadFigures;
	study: LoadFigures;
	/** A new learner's first question (prerendered into /study), unthrottled and throttled. */
	firstQuestion: Shown;
	firstQuestionThrottled: Shown;
	/** A new learner: the session's own question (answerable), which replaces the preview. */
	firstQuestionLive: Shown;
	/** The preview ruled out (as after an answer), little stored: the app reads the queue. */
	firstQuestionReturning: Shown;
	scale: ScaleFigures;
	/** Lighthouse's mobile scores, or null when it is not installed. */
	lighthouse: LighthouseScores[] | null;
}

/** Build an empty SvelteKit page with the same kit, adapter and prerendering as the app. */
export function buildEmptyKit(root: string): string {
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
		// The one addition, to time the framework's start: a mark when the page has hydrated.
		'src/routes/+page.svelte': `<script>
	import { onMount } from 'svelte';
	onMount(() => (document.documentElement.dataset.ready = ''));
</script>

<h1>Empty page</h1>`
	};
	for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
	execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], {
		cwd: dir,
		stdio: 'ignore'
	});
	// Beside it, a page with no script at all.
	writeFileSync(
		join(dir, 'build', 'bare.html'),
		'<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Bare</title><h1 elementtiming="bare">Bare page</h1>'
	);
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
	// CSS inlined in the page (kit's inlineStyleThreshold) counts as CSS too.
	const inline = await page.evaluate(() =>
		[...document.querySelectorAll('head style')].map((s) => s.textContent).join('\n')
	);
	if (inline) out.cssGzip += gzipSync(inline).length;
	await context.close();
	return out;
}

const QUESTION = 'article[data-question-id]';
/** The question of /study, or its prerendered preview (a new learner's first question). */
const QUESTION_OR_PREVIEW = `${QUESTION}, article[${PREVIEW_DOM.question}]`;
/** The `elementtiming` of a question's prompt (QuestionBody). */
const PROMPT = 'question-prompt';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** When something showed, in ms from the navigation's start by the page's own clock. */
export interface Shown {
	/** The start of the first frame with the selector in the DOM (its requestAnimationFrame). */
	frame: number;
	/** When the browser presented the element named by `paintId` (Element Timing), if asked. */
	painted: number | null;
}

/**
 * Navigate and time the first sight of `selector`. A script injected before any of the page's
 * own (by CDP, so the app's CSP does not apply) watches every DOM change from the document's
 * start and, with `paintId`, the Element Timing entry of the element with that `elementtiming`
 * (QuestionBody marks the prompt): the time its pixels were presented, which is what a learner
 * sees. Nothing waits on a round trip to Playwright, which would add its own latency.
 * A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
 */
async function navigateUntil(
	page: Page,
	url: string,
	selector: string,
	paintId?: string
): Promise<Shown> {
	await page.addInitScript(`(() => {
		const sel = ${JSON.stringify(selector)};
		const paintId = ${JSON.stringify(paintId ?? null)};
		window.__shown = new Promise((resolve) => {
			let frame = null;
			let painted = null;
			const done = () => frame !== null && (!paintId || painted !== null) && resolve({ frame, painted });
			if (paintId)
				new PerformanceObserver((list) => {
					for (const e of list.getEntries())
						if (e.identifier === paintId && painted === null) {
							painted = e.renderTime || e.loadTime;
							done();
						}
				}).observe({ type: 'element', buffered: true });
			const seen = () => {
				if (!document.querySelector(sel)) return false;
				requestAnimationFrame(() => {
					frame = performance.now();
					done();
					// No paint entry within 5 s (Element Timing unsupported): the frame stands.
					setTimeout(() => resolve({ frame, painted }), 5000);
				});
				return true;
			};
			if (seen()) return;
			const watch = new MutationObserver(() => seen() && watch.disconnect());
			watch.observe(document, { subtree: true, childList: true, attributes: true });
		});
	})()`);
	await page.goto(url, { waitUntil: 'commit' });
	return page.evaluate<Shown>('window.__shown');
}

export interface LoadOptions {
	throttled?: boolean;
	/** `elementtiming` of the element whose paint counts (see navigateUntil). */
	paintId?: string;
	/** Run in the page before its own scripts, on every load (e.g. to set localStorage). */
	before?: string;
	runs?: number;
}

/** Medians over cold loads (a new context each) of when `selector` showed. */
export async function coldLoads(
	browser: Browser,
	url: string,
	selector: string,
	{ throttled = false, paintId, before, runs = 5 }: LoadOptions = {}
): Promise<Shown> {
	const frames: number[] = [];
	const paints: number[] = [];
	for (let i = 0; i < runs; i++) {
		const context = await browser.newContext({ ...devices['Pixel 7'], serviceWorkers: 'block' });
		if (before) await context.addInitScript(before);
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
		const shown = await navigateUntil(page, url, selector, paintId);
		frames.push(shown.frame);
		if (shown.painted !== null) paints.push(shown.painted);
		await context.close();
	}
	return { frame: median(frames), painted: paints.length ? median(paints) : null };
}

/**
 * A heavy learner: the seed page (served on the app's origin) stores a 10 000-fact deck of
 * their own with 10 answers per fact; then the app's `/study` starts on that data, cold (HTTP
 * cache off) each time, and answers 20 questions by keyboard.
 */
async function atScale(browser: Browser, origin: string, facts = 10_000): Promise<ScaleFigures> {
	const context = await browser.newContext({ ...devices['Pixel 7'], serviceWorkers: 'block' });
	try {
		const seedPage = await context.newPage();
		await seedPage.goto(`${origin}/__bench/seed.html`);
		await seedPage.waitForFunction(() => typeof window.seedApp === 'function');
		const seeded = await seedPage.evaluate((n) => window.seedApp(n), facts);
		const reads: number[] = [];
		for (let i = 0; i < 5; i++) {
			const read = await seedPage.evaluate(() => window.rawReadStates());
			if (read.records !== facts) throw new Error(`read ${read.records} states, not ${facts}`);
			reads.push(read.ms);
		}
		const storageBytes = await seedPage.evaluate(() => window.storageUsage());
		await seedPage.close();

		// The first visit reads every state record and then stores their snapshot (a moment
		// later): wait for it, as a learner's next visit finds it.
		let page: Page | null = await context.newPage();
		const firstVisit = await navigateUntil(page, `${origin}/study`, QUESTION, PROMPT);
		const checker = await context.newPage();
		await checker.goto(`${origin}/__bench/seed.html`);
		await checker.waitForFunction(() => typeof window.snapshotCurrent === 'function');
		for (let tries = 0; !(await checker.evaluate(() => window.snapshotCurrent())); tries++) {
			if (tries > 60) throw new Error('the states snapshot was not written within 30 s');
			await checker.waitForTimeout(500);
		}
		await checker.close();
		const firsts: Shown[] = [];
		for (let i = 0; i < 5; i++) {
			await page?.close();
			page = await context.newPage();
			const cdp = await context.newCDPSession(page);
			await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
			firsts.push(await navigateUntil(page, `${origin}/study`, QUESTION, PROMPT));
		}
		if (!page) throw new Error('no page');
		// The rating key's time (capture phase, before the app sees it) to the DOM holding the
		// next question: the grading, the durable write and the render of the next question.
		await page.evaluate(`(() => {
			const t = (window.__answer = { start: 0, times: [] });
			let shown = document.querySelector('article[data-question-id]')?.dataset.questionId;
			addEventListener('keydown', (e) => { if (e.key === '3') t.start = performance.now(); }, true);
			new MutationObserver(() => {
				const id = document.querySelector('article[data-question-id]')?.dataset.questionId;
				if (id && id !== shown && t.start) {
					t.times.push(performance.now() - t.start);
					t.start = 0;
				}
				shown = id;
			}).observe(document.body, { subtree: true, childList: true, attributes: true });
		})()`);
		for (let i = 0; i < 20; i++) {
			await page.keyboard.press('a');
			await page.locator('#verdict').waitFor();
			await page.keyboard.press('3');
			// Polled from a promise: the app's CSP forbids the eval behind waitForFunction(string).
			await page.evaluate(`new Promise((resolve) => {
				const check = () =>
					window.__answer.times.length > ${i} ? resolve(0) : requestAnimationFrame(check);
				check();
			})`);
		}
		const answers = await page.evaluate<number[]>('window.__answer.times');
		return {
			facts: seeded.facts,
			logEntries: seeded.logEntries,
			rawReadMs: median(reads),
			firstQuestionFirstVisit: firstVisit.painted ?? firstVisit.frame,
			firstQuestion: median(firsts.map((f) => f.painted ?? f.frame)),
			answerToNextMedian: median(answers),
			answerToNextMax: Math.max(...answers),
			storageBytes
		};
	} finally {
		await context.close();
	}
}

/** The seed page and its bundle (bench/seed-app.ts), built for the browser: their folder. */
function buildSeedBundle(root: string): string {
	const dir = join(root, 'bench-results', 'seed');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const config = join(dir, 'vite.config.mjs');
	writeFileSync(
		config,
		`export default { logLevel: 'warn', build: { outDir: ${JSON.stringify(dir)}, emptyOutDir: true, minify: true, rolldownOptions: { output: { codeSplitting: false } }, lib: { entry: ${JSON.stringify(join(root, 'bench/seed-app.ts'))}, formats: ['es'], fileName: () => 'seed.js' } } };`
	);
	execFileSync(
		process.execPath,
		[join(root, 'node_modules/vite/bin/vite.js'), 'build', '-c', config],
		{
			cwd: root,
			stdio: 'ignore'
		}
	);
	writeFileSync(
		join(dir, 'seed.html'),
		'<!doctype html><title>seed</title><script type="module" src="/__bench/seed.js"></script>'
	);
	return dir;
}

export async function runAppBench(root: string): Promise<AppBenchResult> {
	execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], {
		cwd: root,
		stdio: 'ignore'
	});
	const emptyBuild = buildEmptyKit(root);
	const app = await serveStatic(join(root, 'build'), {
		gzip: true,
		mounts: { '/__bench/': buildSeedBundle(root) }
	});
	const empty = await serveStatic(emptyBuild, { gzip: true });
	const browser = await chromium.launch(chromiumLaunchOptions);
	try {
		return {
			empty: await firstLoad(browser, `${empty.origin}/`, 'h1'),
			emptyReady: (await coldLoads(browser, `${empty.origin}/`, 'html[data-ready]')).frame,
			bare: await coldLoads(browser, `${empty.origin}/bare`, 'h1', { paintId: 'bare' }),
			home: await firstLoad(browser, `${app.origin}/`, 'h1'),
			study: await firstLoad(browser, `${app.origin}/study`, QUESTION),
			firstQuestion: await coldLoads(browser, `${app.origin}/study`, QUESTION_OR_PREVIEW, {
				paintId: PROMPT
			}),
			firstQuestionThrottled: await coldLoads(browser, `${app.origin}/study`, QUESTION_OR_PREVIEW, {
				paintId: PROMPT,
				throttled: true
			}),
			firstQuestionLive: await coldLoads(browser, `${app.origin}/study`, QUESTION),
			firstQuestionReturning: await coldLoads(browser, `${app.origin}/study`, QUESTION, {
				paintId: PROMPT,
				// What a stored answer leaves (see $lib/session/preview): the page reads the queue.
				before: `localStorage.setItem(${JSON.stringify(PREVIEW_KEY)}, 'bench')`
			}),
			scale: await atScale(browser, app.origin),
			lighthouse: await runLighthouse([
				// The floor: the same audit of the empty SvelteKit page.
				{ page: 'empty', url: `${empty.origin}/` },
				{ page: '/', url: `${app.origin}/` },
				{ page: '/study', url: `${app.origin}/study` }
			])
		};
	} finally {
		await browser.close();
		app.close();
		empty.close();
	}
}
