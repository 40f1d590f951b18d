/**
 * The projector of `npm run bench:live` (scripts/bench-live.ts): the built app's /present in a
 * real Chromium (Debian's, with the flags of tests/chromium.ts, as bench/browser.ts launches it),
 * served by `vite preview` with `/sync/` proxied to the bench's sync server. The teacher signs in
 * and goes live; the bench drives the slides with the keyboard, as a teacher does. While students
 * answer it records the gaps between animation frames (requestAnimationFrame) and the long
 * animation frames Chromium reports (PerformanceObserver `long-animation-frame`), and when the
 * page first showed "<n> of <m> answered" (wall clock, to compare with the answers' last
 * acknowledgement).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumLaunchOptions } from '../tests/chromium';

export interface Projector {
	/** The class code the projector went live with. */
	code: string;
	/** How many questions its paper has. */
	total: number;
	/** The next slide (Start, then Next): the question opens. */
	next(): Promise<void>;
	/** R: the answer shows, the question closes. */
	reveal(): Promise<void>;
	startFrames(): Promise<void>;
	/** The frame gaps (ms) and the long animation frames since `startFrames`. */
	stopFrames(): Promise<{ gaps: number[]; longFrames: number }>;
	/** When (Date.now()) the page showed `text`; waits for it. */
	shown(text: string): Promise<number>;
	close(): Promise<void>;
}

// The page's scripts are strings: tsx names functions with a helper (`__name`) that the page
// does not have.
const WATCH_COUNT = `(() => {
	window.benchSeen = new Map();
	const note = () => {
		const text = document.querySelector('.answered')?.textContent?.replace(/\\s+/g, ' ').trim();
		if (text && !window.benchSeen.has(text)) window.benchSeen.set(text, Date.now());
	};
	new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

const START_FRAMES = `(() => {
	const frames = { gaps: [], longFrames: 0, running: true };
	window.benchFrames = frames;
	let last = performance.now();
	const tick = (t) => {
		frames.gaps.push(t - last);
		last = t;
		if (frames.running) requestAnimationFrame(tick);
	};
	requestAnimationFrame(tick);
	try {
		new PerformanceObserver((list) => {
			if (frames.running) frames.longFrames += list.getEntries().length;
		}).observe({ type: 'long-animation-frame' });
	} catch {
		// An older Chromium has no long-animation-frame entries: the gaps still tell.
	}
})()`;

const STOP_FRAMES = `(() => {
	const f = window.benchFrames;
	f.running = false;
	return { gaps: f.gaps.slice(1), longFrames: f.longFrames };
})()`;

async function waitForApp(url: string) {
	for (let i = 0; i < 300; i++) {
		if ((await fetch(url).catch(() => null))?.ok) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`the app did not answer at ${url}`);
}

export async function openProjector(options: {
	appPort: number;
	syncPort: number;
	name: string;
	password: string;
	query: string;
}): Promise<Projector> {
	if (!existsSync('build/index.html')) {
		console.log('building the app (npm run build)…');
		if (spawnSync('npm', ['run', 'build'], { stdio: 'ignore' }).status !== 0)
			throw new Error('npm run build failed');
	}
	const preview: ChildProcess = spawn(
		'node_modules/.bin/vite',
		['preview', '--port', String(options.appPort), '--strictPort'],
		{ env: { ...process.env, SYNC_PORT: String(options.syncPort) }, stdio: 'ignore' }
	);
	const app = `http://localhost:${options.appPort}`;
	let browser: Browser | undefined;
	try {
		await waitForApp(app);
		browser = await chromium.launch(chromiumLaunchOptions);
		const context = await browser.newContext({
			baseURL: app,
			viewport: { width: 1280, height: 720 }
		});
		const signedIn = await context.request.post('/sync/_session', {
			data: { name: options.name, password: options.password }
		});
		if (signedIn.status() !== 200) throw new Error(`sign-in: ${signedIn.status()}`);
		const page: Page = await context.newPage();
		await page.goto(`/present?${options.query}`);
		await page.getByRole('button', { name: 'Go live' }).click();
		const code = (await page.locator('strong.code').textContent({ timeout: 30_000 }))!;
		const heading = await page.getByRole('heading', { level: 1 }).textContent();
		const total = Number(/(\d+) questions/.exec(heading ?? '')?.[1] ?? 0);
		await page.evaluate(WATCH_COUNT);
		const closeAll = async () => {
			await browser?.close();
			preview.kill();
		};
		return {
			code: code.toLowerCase(),
			total,
			next: () => page.keyboard.press('ArrowRight'),
			reveal: () => page.keyboard.press('r'),
			startFrames: () => page.evaluate(START_FRAMES),
			stopFrames: () => page.evaluate<{ gaps: number[]; longFrames: number }>(STOP_FRAMES),
			shown: async (text) => {
				// Polled (the app's CSP refuses waitForFunction's eval): the time is the observer's.
				const key = JSON.stringify(text);
				for (let i = 0; i < 3000; i++) {
					const at = await page.evaluate<number | null>(`window.benchSeen.get(${key}) ?? null`);
					if (at !== null) return at;
					await new Promise((r) => setTimeout(r, 10));
				}
				throw new Error(`the projector never showed "${text}"`);
			},
			close: closeAll
		};
	} catch (e) {
		await browser?.close();
		preview.kill();
		throw e;
	}
}
