/**
 * `npx tsx bench/sync.ts [entries]`: sync's two budgets, through the built app in Chromium and
 * the embedded sync server, both started here (the preview proxies `/sync/` to the server, as
 * `npm start` does):
 *
 * - `sync-new-device`: a year's log (100 000 entries, seeded straight into the account's
 *   database as its admin) reaches a new device: from "Sign in" on Settings until the panel says
 *   "Synced", the progress bar moving meanwhile. Limit 60 s.
 * - `sync-answers-online`: 20 questions answered offline on /study reach the server: from the
 *   browser going online until the server holds every entry. Limit 2 s.
 *
 * It prints `budget` lines as `npm run bench` does (bench/report.ts) and exits 0 whatever they
 * say. The app must be built (`npm run build`).
 */
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerRightly } from '../tests/study-helpers';
import { chromiumLaunchOptions } from '../tests/chromium';
import { userDb } from '../scripts/sync-rules';
import { startSyncServer } from '../scripts/sync-server';
import { scheduleParams, defaultSettings } from '../src/lib/srs/settings';
import { paramsId } from '../src/lib/srs/keys';
import { budget, figure } from './report';

const ENTRIES = Number(process.argv[2] ?? 100_000);
const APP_PORT = Number(process.env.BENCH_SYNC_PORT ?? 4308);
const dataDir = mkdtempSync(join(tmpdir(), 'bench-sync-'));
const sync = await startSyncServer({ dataDir });
const preview = spawn(
	'node_modules/.bin/vite',
	['preview', '--port', String(APP_PORT), '--strictPort'],
	{ env: { ...process.env, SYNC_PORT: String(sync.port) }, stdio: 'ignore' }
);
const app = `http://localhost:${APP_PORT}`;
const direct = `http://127.0.0.1:${sync.port}`;
const admin = { authorization: sync.adminAuthorization, 'content-type': 'application/json' };

try {
	for (let i = 0; i < 200; i++) {
		if ((await fetch(app).catch(() => null))?.ok) break;
		await new Promise((r) => setTimeout(r, 100));
	}
	const name = `bench-${Date.now().toString(36)}`;
	const password = 'bench password';
	const up = await fetch(`${direct}/_users/org.couchdb.user:${name}`, {
		method: 'PUT',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name, password, roles: [], type: 'user' })
	});
	if (up.status !== 201) throw new Error(`sign-up: ${up.status} ${await up.text()}`);

	// A year: ENTRIES reviews over 10 000 facts of 300 decks, a few minutes apart.
	let t = performance.now();
	const params = scheduleParams(defaultSettings('Asia/Kolkata'));
	const pid = paramsId(params);
	const start = Date.parse('2025-03-01T03:00:00Z');
	for (let i = 0; i < ENTRIES; i += 5000) {
		const docs = [];
		for (let j = i; j < Math.min(ENTRIES, i + 5000); j++) {
			const id = `y${String(j).padStart(7, '0')}`;
			const fact = j % 10_000;
			docs.push({
				_id: `log:${id}`,
				kind: 'log',
				params,
				entry: {
					schemaVersion: 2,
					id,
					deck: `deck-${fact % 300}`,
					fact: `f${fact}`,
					at: new Date(start + j * 5 * 60_000).toISOString(),
					kind: 'review',
					rating: 3,
					correct: true,
					question: `q${fact}`,
					questionType: 'mcq',
					durationMs: 6000,
					source: 'review',
					paramsId: pid,
					statementHash: 'h',
					stateBefore: j < 10_000 ? 0 : 2
				}
			});
		}
		const res = await fetch(`${direct}/${userDb(name)}/_bulk_docs`, {
			method: 'POST',
			headers: admin,
			body: JSON.stringify({ docs })
		});
		if (res.status !== 201) throw new Error(`seeding: ${res.status} ${await res.text()}`);
	}
	figure('sync-seed', performance.now() - t, 'ms', `${ENTRIES} log documents stored on the server`);

	const browser = await chromium.launch(chromiumLaunchOptions);
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`${app}/settings`);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	const panel = page.locator('#sync');
	await panel.getByLabel('Account name').fill(name);
	await panel.getByLabel('Password', { exact: true }).fill(password);
	let moves = 0;
	let last = -1;
	const watch = setInterval(async () => {
		const v = await page
			.locator('#sync progress')
			.getAttribute('value', { timeout: 50 })
			.catch(() => null);
		if (v !== null && Number(v) !== last) {
			last = Number(v);
			moves++;
		}
	}, 100);
	t = performance.now();
	await panel.getByRole('button', { name: 'Sign in' }).click();
	await panel
		.locator('[data-sync-line]')
		.filter({ hasText: /^Synced/ })
		.waitFor({ timeout: 600_000 });
	const pulled = performance.now() - t;
	clearInterval(watch);
	budget('sync-new-device', pulled, 60_000, {
		detail: `${ENTRIES} log entries; the progress bar moved ${moves} times`
	});

	// 20 questions answered offline, then online: until the server holds them all.
	await page.goto(`${app}/study`);
	await page.waitForFunction(async () => {
		await navigator.serviceWorker.ready;
		return navigator.serviceWorker.controller !== null;
	});
	await context.setOffline(true);
	for (let i = 0; i < 20; i++) {
		if (await page.getByRole('heading', { name: 'Session complete' }).isVisible()) break;
		await answerRightly(page, 'keyboard');
		await page.getByRole('button', { name: 'Good' }).click();
		await page.getByText(`Done ${i + 1}`, { exact: true }).waitFor();
	}
	const count = async () => {
		const res = await fetch(`${direct}/${userDb(name)}`, { headers: admin });
		return ((await res.json()) as { doc_count: number }).doc_count;
	};
	const before = await count();
	const local = await page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				const r = indexedDB.open('current-affairs-recall');
				r.onsuccess = () => {
					const q = r.result.transaction('outbox').objectStore('outbox').count();
					q.onsuccess = () => resolve(q.result);
				};
			})
	);
	t = performance.now();
	await context.setOffline(false);
	while ((await count()) < before + local && performance.now() - t < 60_000)
		await new Promise((r) => setTimeout(r, 20));
	budget('sync-answers-online', performance.now() - t, 2000, {
		detail: `${local} log entries from 20 questions, from going online until the server held them`
	});
	await browser.close();
} finally {
	preview.kill();
	await sync.close();
	rmSync(dataDir, { recursive: true, force: true });
}
