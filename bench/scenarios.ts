/**
 * What a learner does, through the app's UI only (nothing here knows how the app stores its
 * data), and the floors. The public marks the bench relies on (docs/ARCHITECTURE.md, the bench):
 * - `<html data-hydrated>`: the root layout's handlers answer;
 * - `article[data-question-id]`: a question of the session (answerable), on /study;
 * - `elementtiming="question-prompt"`: the prompt of the question on screen;
 * - `[data-day-counts]`: the day's counts on `/` are on screen;
 * - Settings → Backup: the file input labelled "Backup file to import", the mode radio
 *   `value="replace"`, the "Replace now" button, a status line starting "Replaced" (or
 *   "Import failed"), and a `<progress>` element while it restores;
 *   Export: the "Export backup" button, which saves the file as a download, a status line
 *   starting "Exported", and the stored counts shown as "N fact states, M log entries";
 * - /decks: the input labelled "Deck file to import", the "Add deck" button, a status "Added…";
 * - /study: keys a–f choose an option, 1–4 rate.
 */
import { statSync } from 'node:fs';
import {
	copyProfile,
	jsHeap,
	newProfile,
	visit,
	watchFor,
	withBrowser,
	withTab,
	within,
	type Visit
} from './browser';

const QUESTION = `document.documentElement.hasAttribute('data-hydrated') && document.querySelector('article[data-question-id]')`;
const COUNTS = `document.documentElement.hasAttribute('data-hydrated') && document.querySelector('[data-day-counts]')`;
const EMPTY_READY = `document.documentElement.hasAttribute('data-ready')`;

export interface Timed {
	ms: number;
	heap?: number;
	/** The app's `recall:*` performance marks and the HTML's arrival, ms from navigation. */
	marks?: Record<string, number>;
}

/** The marks the app left on the way to its first screen (src/lib/session/marks.ts). */
const MARKS = `(() => {
	const out = {};
	const nav = performance.getEntriesByType('navigation')[0];
	if (nav) { out.html = nav.responseEnd; out['dom-content-loaded'] = nav.domContentLoadedEventStart; }
	for (const m of performance.getEntriesByType('mark'))
		if (m.name.startsWith('recall:')) out[m.name.slice(7)] = m.startTime;
	return out;
})()`;

/** ms from navigation to `condition` shown on `path`, and the JS heap then (unthrottled). */
async function shownOn(
	path: string,
	condition: string,
	paintId: string | undefined,
	origin: string,
	profile: string,
	throttled: boolean,
	cold: boolean
): Promise<Timed> {
	return withTab(
		profile,
		async (v) => {
			const shown = await visit(v.page, `${origin}${path}`);
			const marks = (await v.page.evaluate(MARKS)) as Record<string, number>;
			return { ms: shown.shown, marks, heap: throttled ? undefined : await jsHeap(v) };
		},
		{ throttled, cold, init: watchFor(condition, paintId) }
	);
}

/** ms from navigation to the first question painted and answerable on /study. */
export const firstQuestion = (origin: string, profile: string, throttled: boolean, cold = false) =>
	shownOn('/study', QUESTION, 'question-prompt', origin, profile, throttled, cold);

/** ms from navigation to the day's counts on screen on `/`. */
export const dayCounts = (origin: string, profile: string, throttled: boolean, cold = false) =>
	shownOn('/', COUNTS, undefined, origin, profile, throttled, cold);

let emptyProfile: string | undefined;

/** The empty SvelteKit page: ms from navigation to its onMount (a profile of its own). */
export async function emptyOnMount(
	origin: string,
	throttled: boolean,
	cold = false
): Promise<number> {
	emptyProfile ??= newProfile();
	return withTab(emptyProfile, async (v) => (await visit(v.page, `${origin}/`)).at, {
		throttled,
		cold,
		init: watchFor(EMPTY_READY)
	});
}

/** One getAll of the fact-state store, in a bare page on the app's origin. */
export async function rawRead(
	origin: string,
	profile: string,
	throttled: boolean,
	cold = false
): Promise<{ ms: number; records: number; store: string }> {
	return withTab(
		profile,
		async ({ page }) => {
			await page.goto(`${origin}/__bench/raw.html`);
			await page.waitForFunction(() => 'rawRead' in window);
			return page.evaluate('window.rawRead()');
		},
		{ throttled, cold }
	);
}

/**
 * The floor of a rating: `n` times, one record put and committed in a bare page on the app's
 * origin, then the next frame rendered (ms each).
 */
export async function rawCommit(origin: string, profile: string, n: number): Promise<number[]> {
	return withTab(profile, async ({ page }) => {
		await page.goto(`${origin}/__bench/raw.html`);
		await page.waitForFunction(() => 'rawCommit' in window);
		return (await page.evaluate(`window.rawCommit(${n})`)) as number[];
	});
}

/**
 * The floor of a rating started by a key: `n` times, the key 3 pressed in a bare page on the
 * app's origin, one record put and committed, a line changed and the next frame rendered (ms
 * each, from the key).
 */
export async function rawKeyCommit(origin: string, profile: string, n: number): Promise<number[]> {
	return withTab(profile, async ({ page }) => {
		await page.goto(`${origin}/__bench/raw.html`);
		await page.waitForFunction(() => 'keyCommit' in window);
		await page.evaluate('window.keyCommit()');
		for (let i = 0; i < n; i++) {
			await page.keyboard.press('3');
			await page.evaluate(`new Promise((resolve) => {
				const check = () => (window.keyCommits.length > ${i} ? resolve(0) : setTimeout(check, 5));
				check();
			})`);
			// A pause of its own before the next key, as a learner reads the next question.
			await page.waitForTimeout(Math.random() * 20);
		}
		return (await page.evaluate('window.keyCommits')) as number[];
	});
}

/**
 * Page-side timing of a file chosen, then confirmed: when the input changed, when the confirm
 * button (its name matching `confirm`) appeared, when it was clicked, and when the status line
 * matched `done`. Also the longest task (Long Tasks API) and each `<progress>` value seen in a
 * frame, from the change on.
 */
const fileFlow = (ready: RegExp, confirm: RegExp, done: RegExp) => `(() => {
	const t = (window.__flow = { change: 0, ready: 0, click: 0, done: 0, status: '', tasks: [], progress: [] });
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) t.tasks.push([e.startTime, e.duration]);
	}).observe({ type: 'longtask', buffered: true });
	const named = (re) => (el) => el instanceof HTMLButtonElement && re.test(el.textContent.trim());
	const isReady = named(${ready});
	const isConfirm = named(${confirm});
	addEventListener('change', (e) => { if (e.target instanceof HTMLInputElement && e.target.type === 'file') t.change = performance.now(); }, true);
	addEventListener('click', (e) => { if (isConfirm(e.target)) t.click = performance.now(); }, true);
	const sample = () => {
		if (t.change && !t.done) {
			const p = document.querySelector('progress');
			if (p) t.progress.push(p.position >= 0 ? p.position : -1);
		}
		requestAnimationFrame(sample);
	};
	requestAnimationFrame(sample);
	new MutationObserver(() => {
		if (t.change && !t.ready && [...document.querySelectorAll('button')].some(isReady)) t.ready = performance.now();
		if (t.click && !t.done) {
			const s = [...document.querySelectorAll('[role=status], [role=alert]')].map((e) => e.textContent.trim()).find((x) => ${done}.test(x));
			if (s) { t.done = performance.now(); t.status = s; }
		}
	}).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})()`;

interface Flow {
	change: number;
	ready: number;
	click: number;
	done: number;
	status: string;
	tasks: [number, number][];
	progress: number[];
}

export interface FileResult {
	/** Reading and checking the file, then applying it (the learner's click not counted). */
	ms: number;
	longestTask: number;
	/** Distinct `<progress>` positions seen while it ran. */
	progressValues: number;
	status: string;
}

async function runFileFlow(
	v: Visit,
	input: string,
	file: string,
	ready: RegExp,
	beforeConfirm: (v: Visit) => Promise<void>,
	confirm: RegExp,
	timeout: number
): Promise<FileResult> {
	await v.page.locator(input).setInputFiles(file, { timeout });
	await v.page.getByRole('button', { name: ready }).waitFor({ timeout });
	await beforeConfirm(v);
	await v.page.getByRole('button', { name: confirm }).click({ timeout });
	const poll = `new Promise((resolve) => { const check = () => (window.__flow.done ? resolve(0) : setTimeout(check, 50)); check(); })`;
	await within(v.page.evaluate(poll), timeout, `${file}: not done in ${timeout} ms`);
	const f = (await v.page.evaluate('window.__flow')) as Flow;
	const tasks = f.tasks.filter(([start]) => start >= f.change - 1).map(([, d]) => d);
	return {
		ms: f.ready - f.change + (f.done - f.click),
		longestTask: tasks.length ? Math.max(...tasks) : 0,
		progressValues: new Set(f.progress).size,
		status: f.status
	};
}

/**
 * Settings → Backup → Import backup… → Replace, into `profile` (changed in place). A fresh
 * browser; the page hydrated before the file is chosen.
 */
export async function restore(origin: string, profile: string, file: string): Promise<FileResult> {
	return withBrowser(
		profile,
		async (v) => {
			await v.page.goto(`${origin}/settings`);
			await v.page.locator('html[data-hydrated]').waitFor();
			const result = await runFileFlow(
				v,
				'input[aria-label="Backup file to import"]',
				file,
				/^(Merge|Replace) now$/,
				(v) => v.page.locator('input[name="mode"][value="replace"]').check(),
				/^Replace now$/,
				300_000
			);
			if (!/^Replaced/.test(result.status)) throw new Error(`restore: ${result.status}`);
			return result;
		},
		{ init: fileFlow(/^(Merge|Replace) now$/, /^Replace now$/, /^(Replaced|Import failed)/) }
	);
}

export interface ExportResult {
	/** ms from the click on "Export backup" (page clock) to Playwright's download event. */
	ms: number;
	/** The longest task (Long Tasks API) from the click to the download. */
	longestTask: number;
	/** Distinct `<progress>` positions painted meanwhile. */
	progressValues: number;
	bytes: number;
	status: string;
}

/** Page-side: the click's time (epoch ms), long tasks, and a `<progress>` sample each frame. */
const EXPORT_WATCH = `(() => {
	const t = (window.__export = { click: 0, tasks: [], progress: [] });
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) t.tasks.push([performance.timeOrigin + e.startTime, e.duration]);
	}).observe({ type: 'longtask', buffered: true });
	addEventListener('click', (e) => {
		if (e.target instanceof HTMLButtonElement && e.target.textContent.trim() === 'Export backup')
			t.click = performance.timeOrigin + performance.now();
	}, true);
	const sample = () => {
		const p = document.querySelector('progress');
		if (t.click && p) t.progress.push(p.position);
		requestAnimationFrame(sample);
	};
	requestAnimationFrame(sample);
})()`;

/**
 * Settings → Backup → Export backup, in a copy of `profile`, once the page has shown what is
 * stored (its own read of every record done, so that the export does not wait behind it).
 */
export async function exportFile(origin: string, profile: string): Promise<ExportResult> {
	return withBrowser(
		copyProfile(profile),
		async ({ page }) => {
			await page.goto(`${origin}/settings`);
			await page.locator('html[data-hydrated]').waitFor();
			await page.getByText(/\d+ fact states, \d+ log entries/).waitFor({ timeout: 180_000 });
			const downloading = page.waitForEvent('download', { timeout: 300_000 });
			await page.getByRole('button', { name: 'Export backup' }).click();
			const download = await downloading;
			const at = Date.now();
			const path = await download.path();
			const status = page.getByRole('status').filter({ hasText: /^Exported/ });
			await status.waitFor({ timeout: 60_000 });
			const w = (await page.evaluate('window.__export')) as {
				click: number;
				tasks: [number, number][];
				progress: number[];
			};
			const tasks = w.tasks.filter(([start]) => start >= w.click - 1 && start <= at);
			return {
				ms: at - w.click,
				longestTask: Math.max(0, ...tasks.map(([, d]) => d)),
				progressValues: new Set(w.progress).size,
				bytes: statSync(path).size,
				status: (await status.textContent()) ?? ''
			};
		},
		{ init: EXPORT_WATCH, temporary: true }
	);
}

/** A visit to /study and to `/` after a restore: what the learner's first visits do, done. */
export async function warmUp(origin: string, profile: string): Promise<number | null> {
	return withBrowser(profile, async ({ page }) => {
		await page.goto(`${origin}/study`);
		await page.locator('article[data-question-id]').waitFor({ timeout: 180_000 });
		await page.goto(`${origin}/`);
		await page.locator('[data-day-counts]').waitFor({ timeout: 180_000 });
		// Writes the app does after a visit (e.g. to keep a summary) come a moment later.
		await page.waitForTimeout(1500);
		return page.evaluate(async () => (await navigator.storage.estimate()).usage ?? null);
	});
}

/** /decks → Choose file… → Add deck, for each file, in one copy of `profile`. */
export async function importDecks(
	origin: string,
	profile: string,
	files: string[]
): Promise<FileResult[]> {
	const out: FileResult[] = [];
	await withBrowser(
		copyProfile(profile),
		async (v) => {
			for (const file of files) {
				await v.page.goto(`${origin}/decks`);
				await v.page.locator('html[data-hydrated]').waitFor();
				const r = await runFileFlow(
					v,
					'input[aria-label="Deck file to import"]',
					file,
					/^(Add deck|Replace deck)$/,
					async () => {},
					/^(Add deck|Replace deck)$/,
					60_000
				);
				if (!/^Added/.test(r.status)) throw new Error(`deck import: ${r.status}`);
				out.push(r);
			}
		},
		{
			init: fileFlow(
				/^(Add deck|Replace deck)$/,
				/^(Add deck|Replace deck)$/,
				/^(Added|This file cannot)/
			),
			temporary: true
		}
	);
	return out;
}

/** The steps of a rating the app marks (`recall:rate-*`, session/review.svelte.ts). */
export const RATING_STEPS = ['rate-sent', 'rate-stored', 'rate-shown'] as const;

/** Each rating's time to its next question's frame, and to each step on the way (ms). */
export interface Answers {
	times: number[];
	/** By step (RATING_STEPS, then `on-screen`: the next question in the page), ms each. */
	steps: Record<string, number[]>;
}

/**
 * On /study at scale: choose option A, then rate Good (3), `count` times; each time, ms from the
 * rating key (seen before the app's own handler) to the next question's frame rendered, and to
 * the app's marks on the way and the next question's id in the page.
 */
export async function answers(origin: string, profile: string, count: number): Promise<Answers> {
	return withBrowser(
		copyProfile(profile),
		async ({ page }) => {
			await page.goto(`${origin}/study`);
			await page
				.locator('html[data-hydrated] article[data-question-id]')
				.waitFor({ timeout: 180_000 });
			await page.evaluate(`(() => {
			const t = (window.__answer = { start: 0, times: [], steps: {} });
			const steps = ${JSON.stringify(RATING_STEPS)};
			const id = () => document.querySelector('article[data-question-id]')?.dataset.questionId;
			let shown = id();
			addEventListener('keydown', (e) => { if (e.key === '3') t.start = performance.now(); }, true);
			const note = (step, ms) => (t.steps[step] ??= []).push(ms);
			new MutationObserver(() => {
				const now = id();
				if (now && now !== shown && t.start) {
					const start = t.start;
					t.start = 0;
					note('on-screen', performance.now() - start);
					for (const step of steps) {
						const at = performance.getEntriesByName('recall:' + step).at(-1)?.startTime;
						if (at !== undefined && at >= start) note(step, at - start);
					}
					requestAnimationFrame(() => {
						const ch = new MessageChannel();
						ch.port1.onmessage = () => t.times.push(performance.now() - start);
						ch.port2.postMessage(0);
					});
				}
				shown = now;
			}).observe(document.body, { subtree: true, childList: true, attributes: true });
		})()`);
			for (let i = 0; i < count; i++) {
				await page.keyboard.press('a');
				await page.locator('#verdict').waitFor();
				await page.keyboard.press('3');
				await page.evaluate(`new Promise((resolve) => {
				const check = () => (window.__answer.times.length > ${i} ? resolve(0) : setTimeout(check, 5));
				check();
			})`);
			}
			return (await page.evaluate(
				'({ times: window.__answer.times, steps: window.__answer.steps })'
			)) as Answers;
		},
		{ temporary: true }
	);
}
