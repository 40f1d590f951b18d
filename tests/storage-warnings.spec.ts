// Storage warnings, end to end: persistence refused (the settings page says so, the dashboard
// carries a note until read), and storage evicted between visits (a banner says the progress is
// gone and points to a backup). Storage unavailable is in settings.spec.ts.
import { test, expect } from './fixtures';

test('persistence refused: the settings page says so and the dashboard carries a note until read', async ({
	page
}) => {
	await page.addInitScript(() => {
		navigator.storage.persisted = async () => false;
		navigator.storage.persist = async () => false;
	});
	await page.goto('/settings');
	await expect(page.getByText('No: the browser may clear it when space runs low.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Ask again' })).toBeVisible();

	await page.goto('/');
	const note = page.getByRole('complementary', { name: 'Keeping your progress' });
	await expect(note).toContainText('may clear it when space runs low');
	await note.getByRole('button', { name: 'Got it' }).click();
	await expect(note).toHaveCount(0);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
	await expect(note).toHaveCount(0);
});

test('persistence granted: no note', async ({ page }) => {
	await page.addInitScript(() => {
		navigator.storage.persisted = async () => true;
	});
	await page.goto('/settings');
	await expect(page.getByText('Yes: the browser will not clear it to free space')).toBeVisible();
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
	await expect(page.getByRole('complementary', { name: 'Keeping your progress' })).toHaveCount(0);
});

test('storage evicted between visits: a banner says the progress is gone', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByText(/^Study streak/)).toContainText('0 days');
	await expect(page.getByRole('alert')).toHaveCount(0);
	// What the browser does under storage pressure: the database goes, localStorage stays.
	await page.evaluate(
		() =>
			new Promise((resolve, reject) => {
				const r = indexedDB.deleteDatabase('current-affairs-recall');
				r.onsuccess = resolve;
				r.onerror = () => reject(r.error);
			})
	);
	await page.reload();
	const banner = page.getByRole('alert');
	await expect(banner).toContainText('Your saved progress is gone.');
	await expect(banner.getByRole('link', { name: 'Import a backup' })).toHaveAttribute(
		'href',
		'/settings#backup'
	);
	// Said once: the next visit sees the new database as its own.
	await page.reload();
	await expect(page.getByText(/^Study streak/)).toBeVisible();
	await expect(page.getByRole('alert')).toHaveCount(0);
});
