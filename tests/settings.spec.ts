// The settings page: scheduling settings persist and are validated; backup export (a job of the
// backup worker, with a bar, or on the page without workers: the same file), import (valid and
// malformed) and reset work end to end in IndexedDB; the storage warnings show.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { yearBackup } from '../scripts/year-backup';
import { backupWith } from './backup-fixture';

/** The page has hydrated: a file chosen before would be lost (no handler yet). */
const hydrated = (page: Page) => page.locator('html[data-hydrated]').waitFor({ state: 'attached' });

const file = (name: string, content: unknown) => ({
	name,
	mimeType: 'application/json',
	buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content))
});

/** Open the settings page and import a valid backup of `n` reviews, merged or replacing all. */
async function importBackup(page: Page, n: number, mode: 'Merge' | 'Replace' = 'Merge') {
	await page.goto('/settings');
	await hydrated(page);
	await page.locator('input[type=file]').setInputFiles(file('good.json', backupWith(n)));
	if (mode === 'Replace') await page.getByRole('radio', { name: /Replace/ }).check();
	await page.getByRole('button', { name: `${mode} now` }).click();
	await expect(page.getByText(`${n} fact states, ${n} log entries, 0 kept aside`)).toBeVisible();
}

test('scheduling settings are validated, saved and still there after a reload', async ({
	page,
	axe
}) => {
	await page.goto('/settings');
	await hydrated(page);
	const retention = page.getByLabel('Desired retention');
	await expect(retention).toHaveValue('0.9');
	await retention.fill('1.5');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText(/Too big|<=0\.99/)).toBeVisible();
	await expect(retention).toHaveAttribute('aria-invalid', 'true');

	await retention.fill('0.85');
	await page.getByLabel('Learning steps', { exact: true }).fill('2m 15m 1h');
	await page.getByLabel('Time zone').fill('Asia/Kolkata');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Desired retention')).toHaveValue('0.85');
	await expect(page.getByLabel('Learning steps', { exact: true })).toHaveValue('2m 15m 1h');
	await expect(page.getByLabel('Time zone')).toHaveValue('Asia/Kolkata');
	expect(await axe()).toEqual([]);
});

test('a malformed backup is rejected with where it is wrong, and nothing changes', async ({
	page
}) => {
	await importBackup(page, 3);

	const broken = backupWith(2);
	(broken.log[1] as Record<string, unknown>).rating = 9;
	await page.locator('input[type=file]').setInputFiles(file('broken.json', broken));
	await expect(page.getByRole('alert')).toContainText('This file cannot be imported');
	await expect(page.getByRole('alert')).toContainText('log[1].rating');
	await page.locator('input[type=file]').setInputFiles(file('notjson.json', '{"format":'));
	await expect(page.getByRole('alert')).toContainText('not valid JSON');
	await page.reload();
	await expect(page.getByText('3 fact states, 3 log entries, 0 kept aside')).toBeVisible();
});

test('export downloads every record; reset asks first and then clears progress', async ({
	page,
	axe
}) => {
	await importBackup(page, 4, 'Replace');

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export backup' }).click();
	const saved = JSON.parse(await readFile(await (await download).path(), 'utf8'));
	expect(saved.format).toBe('current-affairs-recall-backup');
	expect(saved.log.map((e: { id: string }) => e.id).sort()).toEqual([
		'fixture-0',
		'fixture-1',
		'fixture-2',
		'fixture-3'
	]);

	await page.getByRole('button', { name: 'Reset progress…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Reset all progress?' });
	await expect(dialog).toContainText('4 log entries');
	expect(await axe()).toEqual([]);
	await dialog.getByRole('button', { name: 'Keep my progress' }).click();
	await expect(page.getByText('4 fact states, 4 log entries')).toBeVisible();
	await page.getByRole('button', { name: 'Reset progress…' }).click();
	await dialog.getByRole('button', { name: 'Yes, reset everything' }).click();
	await expect(page.getByText('0 fact states, 0 log entries')).toBeVisible();
});

/** The exported file's text, but for the time it was exported at. */
const unstamped = (text: string) => text.replace(/"exportedAt": "[^"]*"/, '"exportedAt": ""');

/** Click (or press Enter on) "Export backup" and read the file downloaded. */
async function exportText(page: Page, press: 'click' | 'Enter' = 'click'): Promise<string> {
	const download = page.waitForEvent('download');
	const button = page.getByRole('button', { name: 'Export backup' });
	if (press === 'click') await button.click();
	else {
		await button.focus();
		await page.keyboard.press('Enter');
	}
	return readFile((await (await download).path()) as string, 'utf8');
}

test('export runs off the page with a moving bar, and its file restores the same counts, worker or not @both', async ({
	page,
	context,
	axe
}) => {
	test.setTimeout(120_000);
	// 200 facts answered 10 times each, over 5 decks of the learner's own.
	await page.goto('/settings');
	await hydrated(page);
	await page
		.getByLabel('Backup file to import')
		.setInputFiles(file('year.json', yearBackup(200, 5)));
	await page.getByRole('radio', { name: /Replace/ }).check();
	await page.getByRole('button', { name: 'Replace now' }).click();
	const counts = '200 fact states, 2000 log entries, 0 kept aside';
	await expect(page.getByText(counts)).toBeVisible({ timeout: 30_000 });

	// Everything the page showed while the export ran: the bar, its steps, the button's state.
	await page.evaluate(() => {
		const seen = { bars: 0, steps: [] as string[], enabledWithBar: false };
		(window as unknown as { seen: typeof seen }).seen = seen;
		new MutationObserver(() => {
			const bar = document.querySelector('progress[aria-label="Exporting the backup"]');
			if (!bar) return;
			seen.bars++;
			const step = bar.nextElementSibling?.textContent ?? '';
			if (seen.steps.at(-1) !== step) seen.steps.push(step);
			const button = [...document.querySelectorAll('button')].find(
				(b) => b.textContent?.trim() === 'Export backup'
			);
			if (button?.getAttribute('aria-disabled') !== 'true') seen.enabledWithBar = true;
		}).observe(document.body, { subtree: true, childList: true, characterData: true });
	});
	const text = await exportText(page, 'Enter');
	await expect(
		page.getByRole('status').filter({ hasText: 'Exported 200 fact states and 2000 log entries.' })
	).toBeVisible();
	const seen = await page.evaluate(
		() => (window as unknown as { seen: { bars: number; steps: string[] } }).seen
	);
	expect(seen).toMatchObject({ enabledWithBar: false });
	expect(seen.bars).toBeGreaterThanOrEqual(2);
	expect(seen.steps).toEqual([
		'Exporting the backup: reading your progress',
		'Exporting the backup: writing the file'
	]);
	await expect(page.getByRole('progressbar')).toHaveCount(0);
	// The keyboard's focus stayed on the button, which is usable again.
	const button = page.getByRole('button', { name: 'Export backup' });
	await expect(button).toBeFocused();
	await expect(button).toBeEnabled();
	const saved = JSON.parse(text);
	expect([saved.states.length, saved.log.length, saved.decks.length]).toEqual([200, 2000, 5]);
	expect(await axe()).toEqual([]);

	// Where workers are unavailable, the page makes the same file itself.
	const noWorker = await context.newPage();
	await noWorker.addInitScript(() => Object.defineProperty(window, 'Worker', { value: undefined }));
	await noWorker.goto('/settings');
	await hydrated(noWorker);
	await expect(noWorker.getByText(counts)).toBeVisible();
	expect(unstamped(await exportText(noWorker))).toBe(unstamped(text));
	// … and reads, then applies, a file itself (the file read is still at hand when applied).
	await noWorker.getByLabel('Backup file to import').setInputFiles(file('exported.json', text));
	await noWorker.getByRole('button', { name: 'Merge now' }).click();
	await expect(
		noWorker.getByText('Merged: you now have 2000 log entries over 200 facts.')
	).toBeVisible();
	// A failure says what failed and why; the button can be used again.
	await noWorker.evaluate(() => {
		IDBObjectStore.prototype.getAll = () => {
			throw new DOMException('The disk could not be read', 'UnknownError');
		};
	});
	await noWorker.getByRole('button', { name: 'Export backup' }).click();
	// (The memory model's panel says on its own that it cannot count answers without workers.)
	const failure = noWorker.getByRole('alert').filter({ hasText: 'not exported' });
	await expect(failure).toHaveText(
		"The backup was not exported: The browser's storage failed: The disk could not be read. Try again."
	);
	await expect(noWorker.getByRole('button', { name: 'Export backup' })).toBeEnabled();
	await noWorker.close();

	// The round trip: progress reset, then the exported file restored by Replace.
	await page.getByRole('button', { name: 'Reset progress…' }).click();
	await page.getByRole('button', { name: 'Yes, reset everything' }).click();
	await expect(page.getByText('0 fact states, 0 log entries')).toBeVisible();
	await page.getByLabel('Backup file to import').setInputFiles(file('exported.json', text));
	await page.getByRole('radio', { name: /Replace/ }).check();
	await page.getByRole('button', { name: 'Replace now' }).click();
	await expect(page.getByText('Replaced: 2000 log entries over 200 facts.')).toBeVisible();
	await expect(page.getByText(counts)).toBeVisible();
	expect(unstamped(await exportText(page))).toBe(unstamped(text));
});

test('without IndexedDB the app warns that progress is not saved and offers an export', async ({
	page
}) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'indexedDB', { value: undefined });
	});
	await page.goto('/');
	const banner = page.getByRole('alert');
	await expect(banner).toContainText('Your progress is not being saved');
	await banner.getByRole('link', { name: 'Export a backup' }).click();
	await expect(page).toHaveURL(/\/settings#backup$/);
	await expect(page.getByText('Only in memory')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Export backup' })).toBeEnabled();
	// What is kept in memory is exported on the page (a worker cannot see it).
	await importBackup(page, 3, 'Replace');
	const saved = JSON.parse(await exportText(page));
	expect(saved.log.map((e: { id: string }) => e.id)).toEqual([
		'fixture-0',
		'fixture-1',
		'fixture-2'
	]);
});

test('a damaged stored record is reported, kept aside, and the page still works', async ({
	page
}) => {
	await importBackup(page, 2);
	await page.evaluate(async () => {
		const db: IDBDatabase = await new Promise((resolve, reject) => {
			const r = indexedDB.open('current-affairs-recall');
			r.onsuccess = () => resolve(r.result);
			r.onerror = () => reject(r.error);
		});
		await new Promise((resolve) => {
			const tx = db.transaction('states', 'readwrite');
			tx.objectStore('states').put({ schemaVersion: 2, nonsense: true }, 'india-us-2026-01/fact-0');
			tx.oncomplete = resolve;
		});
		db.close();
	});
	// Reading the states validates them: the bad record moves aside, the fact is rebuilt from the log.
	await page.reload();
	await expect(page.getByText('2 fact states, 2 log entries, 1 kept aside')).toBeVisible();
	await expect(page.getByText('states / india-us-2026-01/fact-0')).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toBeVisible();
});
