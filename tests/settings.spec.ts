// The settings page: scheduling settings persist and are validated; backup export, import
// (valid and malformed) and reset work end to end in IndexedDB; the storage warnings show.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
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
