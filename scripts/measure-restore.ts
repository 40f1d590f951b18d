/**
 * Restore a backup file through the settings page, in Chromium, and print how long it took,
 * the longest task on the page meanwhile, and how often the progress bar moved. The app must
 * be served already (`npx vite preview --port N`). Usage:
 * `npx tsx scripts/measure-restore.ts backup.json [port]` (a file from scripts/year-backup.ts).
 */
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/chromium';

const [file, port = '4173'] = process.argv.slice(2);
if (!file) throw new Error('usage: tsx scripts/measure-restore.ts backup.json [port]');

const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage();
await page.addInitScript(() => {
	const w = window as unknown as {
		longest: number[];
		samples: [number, number][];
		steps: [number, string][];
	};
	w.longest = [];
	w.samples = [];
	w.steps = [];
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) w.longest.push(e.duration);
	}).observe({ type: 'longtask', buffered: true });
	// Which scripts made the long frames (Chromium's long-animation-frame entries).
	(w as unknown as { frames: string[] }).frames = [];
	new PerformanceObserver((list) => {
		for (const e of list.getEntries() as unknown as {
			duration: number;
			startTime: number;
			scripts: { invoker: string; sourceURL: string; duration: number }[];
		}[])
			if (e.duration > 100)
				(w as unknown as { frames: string[] }).frames.push(
					`${Math.round(e.startTime)} +${Math.round(e.duration)}: ${e.scripts.map((x) => `${x.invoker} ${x.sourceURL.split('/').pop()} ${Math.round(x.duration)}`).join('; ')}`
				);
	}).observe({ type: 'long-animation-frame', buffered: true });
	setInterval(() => {
		const p = document.querySelector('progress');
		if (p) w.samples.push([performance.now(), p.position]);
		const step = p?.parentElement?.querySelector('p')?.textContent ?? '';
		if (step !== (w.steps[w.steps.length - 1]?.[1] ?? ''))
			w.steps.push([Math.round(performance.now()), step]);
	}, 50);
});
await page.goto(`http://localhost:${port}/settings`);
await page.getByRole('button', { name: 'Export backup' }).waitFor();
await page.waitForLoadState('networkidle');
const clock = () => page.evaluate(() => performance.now());
const longest = () =>
	page.evaluate(() => {
		const w = window as unknown as { longest: number[] };
		const max = Math.max(0, ...w.longest);
		w.longest = [];
		return max;
	});
await longest();
const t0 = await clock();
await page.getByLabel('Backup file to import').setInputFiles(file);
await page.getByRole('radio', { name: /Replace/ }).check({ timeout: 300_000 });
const t1 = await clock();
const readLongest = await longest();
await page.getByRole('button', { name: 'Replace now' }).click();
await page
	.getByText(/^Replaced:/)
	.first()
	.waitFor({ timeout: 600_000 });
const t2 = await clock();
const importLongest = await longest();
const samples = await page.evaluate(
	() => (window as unknown as { samples: [number, number][] }).samples
);
const steps = await page.evaluate(() => (window as unknown as { steps: [number, string][] }).steps);
const moves = samples.filter(([, v], i) => i > 0 && v !== samples[i - 1][1]).length;
console.log(
	JSON.stringify({
		readMs: Math.round(t1 - t0),
		importMs: Math.round(t2 - t1),
		totalMs: Math.round(t2 - t0),
		longestTaskRead: Math.round(readLongest),
		longestTaskImport: Math.round(importLongest),
		progressSamples: samples.length,
		progressMoves: moves
	})
);
console.log(
	(await page.evaluate(() => (window as unknown as { frames: string[] }).frames)).join('\n')
);
console.log(`t0 ${Math.round(t0)} t1 ${Math.round(t1)} t2 ${Math.round(t2)}`);
// When each step began, relative to the file's choice.
for (const [at, step] of steps) console.log(`${Math.round(at - t0)} ms: ${step || '(done)'}`);
await browser.close();
