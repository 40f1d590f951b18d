/**
 * The log's storage in Chromium's real IndexedDB, step by step (fake-indexeddb in Node is not
 * representative): `npx vite preview --port 4183` (any page of the app's origin will do), then
 * `tsx scripts/measure-log.ts http://localhost:4183`. The steps are in measure-log-page.ts.
 */
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/chromium';

const base = process.argv[2] ?? 'http://localhost:4183';
const bundle = await build({
	entryPoints: [new URL('./measure-log-page.ts', import.meta.url).pathname],
	bundle: true,
	format: 'iife',
	globalName: 'measureLog',
	write: false,
	platform: 'browser'
});
const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage();
await page.goto(`${base}/decks.json`);
await page.addScriptTag({ content: bundle.outputFiles[0].text });
const out = await page.evaluate(
	() => (window as unknown as { measureLog: { measure(): Promise<object> } }).measureLog.measure(),
	undefined
);
for (const [label, ms] of Object.entries(out))
	console.log(`${String(ms).padStart(7)} ms  ${label}`);
await browser.close();
