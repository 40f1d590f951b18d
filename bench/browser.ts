/**
 * The browsers the bench drives, as a phone (Pixel 7 viewport), no service worker, optionally
 * throttled: CPU 4× slower, 150 ms round trip, 1.6 Mbit/s down. The HTTP cache is on, as in a
 * returning visitor's browser (the app's files are kept, and so is V8's code for them), unless
 * a visit is `cold`: cache off, every file fetched and compiled, as on the first visit after an
 * update. Each measured
 * visit is a new tab in a browser kept open on a seeded profile (the learner's browser is
 * running; the app is opened afresh, nothing of the last visit in the page's memory), which
 * spares the seconds a browser's start costs on this machine. Seeding, imports and answers get
 * a browser of their own. The floors are measured the same way as the pages, so that the
 * ratios compare like with like.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, devices, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/chromium';

export interface Visit {
	context: BrowserContext;
	page: Page;
}

const { defaultBrowserType: _type, ...phone } = devices['Pixel 7'];
void _type;

/** Launch flags: the bench's certificate trusted (Chromium caches nothing from a bad one). */
const trustFlags: string[] = [];

/** Trust this certificate (PEM) in the browsers started from now on. */
export function trustCertificate(cert: Buffer | string): void {
	const spki = createPublicKey(cert).export({ type: 'spki', format: 'der' });
	const hash = createHash('sha256').update(spki).digest('base64');
	trustFlags.push(`--ignore-certificate-errors-spki-list=${hash}`);
}

/** Profiles made by the bench, removed at the end. */
const made: string[] = [];

/** A new, empty profile folder. */
export function newProfile(): string {
	const dir = mkdtempSync(join(tmpdir(), 'bench-profile-'));
	made.push(dir);
	return dir;
}

/** A copy of a seeded profile, so that each visit starts from the same stored data. */
export function copyProfile(from: string): string {
	const dir = newProfile();
	cpSync(from, dir, { recursive: true });
	return dir;
}

export function removeProfiles(): void {
	for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Start a browser on `profile`, with one page set up (throttled if asked), and run `fn`;
 * `temporary`: remove the profile afterwards (a copy or a new one).
 */
export async function withBrowser<T>(
	profile: string,
	fn: (v: Visit) => Promise<T>,
	{
		throttled = false,
		init,
		temporary = false
	}: { throttled?: boolean; init?: string; temporary?: boolean } = {}
): Promise<T> {
	const context = await launch(profile);
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await setUp(context, page, { throttled, init });
		return await fn({ context, page });
	} finally {
		await context.close();
		if (temporary) rmSync(profile, { recursive: true, force: true });
	}
}

const launch = (profile: string) =>
	chromium.launchPersistentContext(profile, {
		...chromiumLaunchOptions,
		args: [...chromiumLaunchOptions.args, ...trustFlags],
		...phone,
		serviceWorkers: 'block',
		// The bench's server has a self-signed certificate (bench/build.ts).
		ignoreHTTPSErrors: true
	});

/** How a tab is set up: throttled, cache off (`cold`), a script run before the page's own. */
export interface TabOptions {
	throttled?: boolean;
	cold?: boolean;
	init?: string;
}

async function setUp(
	context: BrowserContext,
	page: Page,
	{ throttled = false, cold = false, init }: TabOptions
) {
	if (init) await page.addInitScript(init);
	const cdp = await context.newCDPSession(page);
	// DevTools' Network domain only for a cold visit (to turn the cache off): it is instrumentation
	// a learner's browser does not run (on the empty page here, 10–15 ms unthrottled and 35–50 ms
	// throttled in some runs, within the noise in others). The throttled link (below) is emulated
	// without it.
	if (cold) {
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	}
	if (throttled) {
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
		await cdp.send('Network.emulateNetworkConditions', {
			offline: false,
			latency: 150,
			downloadThroughput: 1_600_000 / 8,
			uploadThroughput: 750_000 / 8
		});
	}
}

/** Browsers kept open, by profile. */
const open = new Map<string, Promise<BrowserContext>>();

/** Run `fn` in a new tab of the browser kept open on `profile` (started on first use). */
export async function withTab<T>(
	profile: string,
	fn: (v: Visit) => Promise<T>,
	options: TabOptions = {}
): Promise<T> {
	if (!open.has(profile)) open.set(profile, launch(profile));
	const context = await (open.get(profile) as Promise<BrowserContext>);
	const page = await context.newPage();
	try {
		await setUp(context, page, options);
		return await fn({ context, page });
	} finally {
		await page.close();
	}
}

/** Close the browsers that withTab keeps open (before their profiles are copied or removed). */
export async function closeTabs(): Promise<void> {
	const all = [...open.values()];
	open.clear();
	for (const context of all) await (await context).close();
}

/**
 * A script for addInitScript: `window.__shown` resolves with the ms (page clock, from the
 * navigation's start) at which `condition` (a JS expression) first held, and the frame that
 * showed it was rendered: a requestAnimationFrame callback, then a message, which runs after
 * that frame's style, layout and paint. With `paintId`, the time the browser reports for the
 * paint of the element with that `elementtiming` (Element Timing) counts too, if later. The
 * script runs before the page's own, by CDP (the app's CSP does not apply), and nothing waits
 * on a round trip to Playwright. A string: tsx would wrap a named inner function in a helper.
 */
export function watchFor(condition: string, paintId?: string): string {
	return `(() => {
	const paintId = ${JSON.stringify(paintId ?? null)};
	const paints = [];
	if (paintId)
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) if (e.identifier === paintId) paints.push(e.renderTime || e.loadTime);
		}).observe({ type: 'element', buffered: true });
	window.__shown = new Promise((resolve) => {
		let seen = false;
		const check = () => {
			if (seen) return;
			try {
				if (!(${condition})) return;
			} catch {
				return;
			}
			seen = true;
			const at = performance.now();
			requestAnimationFrame(() => {
				const ch = new MessageChannel();
				ch.port1.onmessage = () => {
					const frame = performance.now();
					// Element Timing's entry comes a moment after the paint.
					setTimeout(() => {
						const painted = paints.length ? Math.max(...paints) : null;
						resolve({ at, frame, painted, shown: Math.max(frame, painted ?? 0) });
					}, paintId ? 300 : 0);
				};
				ch.port2.postMessage(0);
			});
		};
		const watch = new MutationObserver(check);
		watch.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
		check();
	});
})()`;
}

export interface Shown {
	/** When the condition first held (the DOM changed). */
	at: number;
	/** When the frame showing it had been rendered. */
	frame: number;
	/** Element Timing's paint time, if asked and reported. */
	painted: number | null;
	/** The later of frame and painted: what the bench counts. */
	shown: number;
}

/** Go to `url` (with `watchFor` installed) and wait for what it watches. */
export async function visit(page: Page, url: string, timeout = 120_000): Promise<Shown> {
	await page.goto(url, { waitUntil: 'commit', timeout });
	return (await within(
		page.evaluate('window.__shown'),
		timeout,
		`${url}: nothing within ${timeout} ms`
	)) as Shown;
}

/**
 * `promise`, or a failure saying `message` once `ms` went by. The timer is cleared when the
 * promise settles: a pending one would keep the bench's process alive after its last line.
 */
export async function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	try {
		return await Promise.race([
			promise,
			new Promise<never>((_, no) => (timer = setTimeout(() => no(new Error(message)), ms)))
		]);
	} finally {
		clearTimeout(timer);
	}
}

/** The page's JS heap in use after a garbage collection, in bytes (CDP Performance.getMetrics). */
export async function jsHeap(v: Visit): Promise<number> {
	const cdp = await v.context.newCDPSession(v.page);
	// What stays: collected first, so that garbage of the start-up does not count.
	await cdp.send('HeapProfiler.collectGarbage');
	await cdp.send('Performance.enable');
	const { metrics } = await cdp.send('Performance.getMetrics');
	return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}
