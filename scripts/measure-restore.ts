/**
 * How long restoring a year's backup (10 000 facts, 100 000 log entries) takes through the real
 * app in Chromium: the file is chosen on the settings page, then "Replace now" until the page
 * says it replaced. Run against the built app: `npx vite preview --port 4183` then
 * `tsx scripts/measure-restore.ts http://localhost:4183 [runs]`.
 */
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/chromium';
import { history } from '../bench/workload';
import { eventToRecord, stateToRecord } from '../src/lib/storage/convert';
import { paramsId } from '../src/lib/srs/memory';
import { BACKUP_FORMAT } from '../src/lib/storage/backup';
import { SCHEMA_VERSION } from '../src/lib/storage/records';

const base = process.argv[2] ?? 'http://localhost:4183';
const runs = Number(process.argv[3] ?? 3);

const { states, events } = history(10_000, 10, new Date('2026-01-19T18:00:00Z'));
const params: Record<string, unknown> = {};
for (const e of events) if (e.kind === 'review') params[paramsId(e.params)] = e.params;
const text = JSON.stringify({
	format: BACKUP_FORMAT,
	schemaVersion: SCHEMA_VERSION,
	exportedAt: new Date().toISOString(),
	settings: null,
	params,
	states: [...states.values()].map(stateToRecord),
	log: events.map(eventToRecord)
});
console.log(`backup: ${events.length} log entries, ${states.size} states, ${text.length} bytes`);

const browser = await chromium.launch(chromiumLaunchOptions);
const times: number[] = [];
for (let run = 0; run < runs; run++) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`${base}/settings`);
	await page.getByText(/fact states, .* log entries/).waitFor();
	const t0 = Date.now();
	await page.locator('input[type=file]').setInputFiles(
		{
			name: 'year.json',
			mimeType: 'application/json',
			buffer: Buffer.from(text)
		},
		{ timeout: 300_000 }
	);
	await page.getByRole('radio', { name: /Replace:/ }).check();
	const t1 = Date.now();
	await page.getByRole('button', { name: 'Replace now' }).click();
	await page.getByText(/Replaced: 100000 log entries/).waitFor({ timeout: 600_000 });
	const ms = Date.now() - t0;
	times.push(ms);
	console.log(
		`run ${run + 1}: restore ${ms} ms (file read and checked ${t1 - t0} ms, stored ${Date.now() - t1} ms)`
	);
	await context.close();
}
await browser.close();
const sorted = [...times].sort((a, b) => a - b);
console.log(`median restore ${sorted[Math.floor(sorted.length / 2)]} ms (${sorted.join(', ')})`);
