// Restoring a backup big enough to take a while: it runs off the page (docs/ARCHITECTURE.md,
// "Work off the main thread"), so a bar moves and the page answers input meanwhile; afterwards
// the page shows the restored data without a reload, and another open tab is told. A malformed
// file is refused naming the field at fault, and the stored progress stays as it was.
import { test, expect, type Page } from '@playwright/test';
import { yearBackup } from '../scripts/year-backup';
import { backupWith } from './backup-fixture';

const file = (name: string, content: unknown) => ({
	name,
	mimeType: 'application/json',
	buffer: Buffer.from(JSON.stringify(content))
});

/** 1000 facts answered 10 times each (10 000 log entries) over 25 decks of the learner's own. */
const big = yearBackup(1000, 25);

async function openSettings(page: Page) {
	await page.goto('/settings');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await expect(page.getByText(/\d+ fact states, \d+ log entries/)).toBeVisible();
}

test('a big backup restores with a moving bar while the page answers input', async ({
	page,
	context
}) => {
	test.setTimeout(180_000);
	await openSettings(page);
	const other = await context.newPage();
	await openSettings(other);

	await page.getByLabel('Backup file to import').setInputFiles(file('year.json', big));
	await page.getByRole('radio', { name: /Replace/ }).check();
	// Every frame painted while the bar is shown records its position: a restore that blocked
	// the page would paint few frames, and a bar that did not move would show one position.
	await page.evaluate(() => {
		const seen: number[] = [];
		(window as unknown as { barPositions: number[] }).barPositions = seen;
		const watch = () => {
			const bar = document.querySelector('progress');
			if (bar) seen.push(bar.position);
			requestAnimationFrame(watch);
		};
		requestAnimationFrame(watch);
	});
	await page.getByRole('button', { name: 'Replace now' }).click();
	// Input is handled while the restore runs: the page is not blocked by it.
	const retention = page.getByLabel('Desired retention');
	await retention.fill('0.87');
	await expect(retention).toHaveValue('0.87');

	await expect(page.getByText('Replaced: 10000 log entries over 1000 facts.')).toBeVisible({
		timeout: 150_000
	});
	const positions = await page.evaluate(
		() => (window as unknown as { barPositions: number[] }).barPositions
	);
	expect(positions.length).toBeGreaterThanOrEqual(5);
	expect(new Set(positions).size).toBeGreaterThanOrEqual(2);
	expect(positions.some((p) => p > 0 && p < 1)).toBe(true);
	const bar = page.getByRole('progressbar', { name: 'Restoring the backup' });
	await expect(bar).toHaveCount(0);
	await expect(page.getByText('1000 fact states, 10000 log entries, 0 kept aside')).toBeVisible();

	// The same tab shows the restored decks without a reload; the other tab is told.
	await page.getByRole('link', { name: 'Decks', exact: true }).first().click();
	await expect(page.getByText('Current affairs, article 25').first()).toBeVisible();
	await expect(
		other.getByText('Your progress was replaced or rebuilt in another tab.')
	).toBeVisible();
	await other.getByRole('button', { name: 'Reload this page' }).click();
	await expect(other.getByText('1000 fact states, 10000 log entries, 0 kept aside')).toBeVisible();
});

test('a malformed big backup is refused naming the field, and progress stays', async ({ page }) => {
	await openSettings(page);
	await page.getByLabel('Backup file to import').setInputFiles(file('mine.json', backupWith(3)));
	await page.getByRole('button', { name: 'Merge now' }).click();
	await expect(page.getByText('3 fact states, 3 log entries, 0 kept aside')).toBeVisible();

	const broken = structuredClone(big);
	(broken.log[5000] as { rating: number }).rating = 9;
	await page.getByLabel('Backup file to import').setInputFiles(file('broken.json', broken));
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('This file cannot be imported. Nothing was changed.');
	await expect(alert).toContainText('log[5000].rating');
	await expect(page.getByRole('button', { name: 'Replace now' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Merge now' })).toHaveCount(0);
	await page.reload();
	await expect(page.getByText('3 fact states, 3 log entries, 0 kept aside')).toBeVisible();
});
