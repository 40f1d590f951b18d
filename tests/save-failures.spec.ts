// When storage refuses a write (a full disk: IndexedDB throws QuotaExceededError), every save
// says what was not saved and why, keeps what was on screen, and the same action succeeds once
// storage accepts writes again: a rating on /study, Save settings, Reset progress, Suspend in
// Browse, starting, answering and submitting a test, and deleting a deck.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { csvTemplate } from '../src/lib/bank/csv-template';
import { backupWith } from './backup-fixture';
import { answerRightly, currentQuestion, logCount } from './study-helpers';
import { installWriteFailures, setWritesFail } from './write-failures';

const FULL = 'The browser refused to store more: storage is full. Free some space on this device';

test.beforeEach(async ({ page }) => {
	await installWriteFailures(page);
});

/**
 * Once the page's scripts run (a click before does nothing) and the app has its database: its
 * first open writes a record, and a write refused then would leave it keeping progress in memory
 * (the storage banner), not failing the write the test means to fail. On a loaded machine that
 * open can come after hydration.
 */
async function live(page: Page) {
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await expect.poll(() => page.evaluate(databaseWritten), { timeout: 15_000 }).toBe(true);
}

/** In the page: the app's database exists and holds its meta record. */
const databaseWritten = async () => {
	if (!(await indexedDB.databases()).some((d) => d.name === 'current-affairs-recall')) return false;
	return new Promise<boolean>((resolve) => {
		const open = indexedDB.open('current-affairs-recall');
		open.onerror = () => resolve(false);
		open.onsuccess = () => {
			const db = open.result;
			if (!db.objectStoreNames.contains('meta')) return void (db.close(), resolve(false));
			const count = db.transaction('meta').objectStore('meta').count();
			count.onsuccess = () => (db.close(), resolve(count.result > 0));
			count.onerror = () => (db.close(), resolve(false));
		};
	});
};

test('a rating on /study: the question and its feedback stay, and the same key saves it once', async ({
	page
}) => {
	await page.goto('/study');
	const q = await answerRightly(page, 'keyboard');
	await setWritesFail(page, true);
	await page.keyboard.press('3');
	const notSaved = page.getByRole('alert').filter({ hasText: 'Your answer was not saved' });
	await expect(notSaved).toContainText(FULL);
	expect((await currentQuestion(page)).id).toBe(q.id);
	await expect(page.locator('#verdict')).toBeVisible();
	await expect(page.getByText('Done 0', { exact: true })).toBeVisible();
	await setWritesFail(page, false);
	await page.keyboard.press('3');
	await expect(page.getByText('Done 1', { exact: true })).toBeVisible();
	await expect(notSaved).toHaveCount(0);
	await expect(page.locator('#question-heading')).toBeFocused();
	expect(await logCount(page)).toBe(q.facts.length);
});

test('Save settings and Reset progress: the failure is shown, the form kept, a retry saves', async ({
	page
}) => {
	await page.goto('/settings');
	await live(page);
	await page.locator('input[type=file]').setInputFiles({
		name: 'good.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(backupWith(2)))
	});
	await page.getByRole('button', { name: 'Merge now' }).click();
	await expect(page.getByText('2 fact states, 2 log entries, 0 kept aside')).toBeVisible();

	const retention = page.getByLabel('Desired retention');
	await retention.fill('0.85');
	await setWritesFail(page, true);
	await page.getByRole('button', { name: 'Save settings' }).click();
	const alert = page.getByRole('alert').filter({ hasText: 'Your settings were not saved' });
	await expect(alert).toContainText(FULL);
	await expect(retention).toHaveValue('0.85');
	await setWritesFail(page, false);
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
	await expect(alert).toHaveCount(0);

	await setWritesFail(page, true);
	await page.getByRole('button', { name: 'Reset progress…' }).click();
	await page.getByRole('button', { name: 'Yes, reset everything' }).click();
	await expect(page.getByRole('alert')).toContainText('Your progress was not reset');
	await expect(page.getByText('2 fact states, 2 log entries, 0 kept aside')).toBeVisible();
	await setWritesFail(page, false);
	await page.getByRole('button', { name: 'Reset progress…' }).click();
	await page.getByRole('button', { name: 'Yes, reset everything' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'All progress was reset' })
	).toBeVisible();

	await page.reload();
	await expect(page.getByLabel('Desired retention')).toHaveValue('0.85');
	await expect(page.getByText('0 fact states, 0 log entries, 0 kept aside')).toBeVisible();
});

test('Suspend in Browse: the failure is shown with the fact, and Suspend again works', async ({
	page
}) => {
	await page.goto('/browse');
	await page.getByLabel('Search').fill('Marco Rubio held a telephone');
	await expect(page.getByText(/^1 fact$/)).toBeVisible();
	const item = page.getByRole('listitem').filter({ hasText: 'Marco Rubio held a telephone' });
	await item.locator('summary').click();
	await setWritesFail(page, true);
	await item.getByRole('button', { name: 'Suspend' }).click();
	await expect(item.getByRole('alert')).toContainText('was not suspended');
	await expect(item.getByRole('alert')).toContainText(FULL);
	await setWritesFail(page, false);
	await item.getByRole('button', { name: 'Suspend' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'suspended' })).toBeVisible();
	await expect(item.getByRole('alert')).toHaveCount(0);
	await expect(item.getByText('Suspended', { exact: true })).toBeVisible();
});

test('a mock test: starting, answering and submitting each survive a refused write', async ({
	page
}) => {
	await page.goto('/test?seed=full-disk&n=2&types=mcq&mode=exam');
	await live(page);
	await setWritesFail(page, true);
	await page.getByRole('button', { name: 'Start test' }).click();
	await expect(page.getByRole('alert')).toContainText('The test was not started');
	await setWritesFail(page, false);
	await page.getByRole('button', { name: 'Start test' }).click();
	await expect(page.getByRole('timer')).toBeVisible();

	const options = page.getByRole('list', { name: /^Options/ }).getByRole('button');
	await setWritesFail(page, true);
	await options.first().click();
	const notSaved = page.getByRole('alert').filter({ hasText: 'Your answer was not saved' });
	await expect(notSaved).toContainText(FULL);
	await setWritesFail(page, false);
	await options.first().click();
	await expect(notSaved).toHaveCount(0);
	await page.reload();
	await expect(page.getByRole('button', { name: 'Question 1, answered' })).toBeVisible();

	await page.getByRole('button', { name: 'Submit test' }).click();
	await setWritesFail(page, true);
	await page.getByRole('dialog').getByRole('button', { name: 'Yes, submit' }).click();
	await expect(
		page.getByRole('alert').filter({ hasText: 'The test was not submitted' })
	).toBeVisible();
	await expect(page.getByRole('timer')).toBeVisible();
	await setWritesFail(page, false);
	await page.getByRole('button', { name: 'Submit test' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Yes, submit' }).click();
	await expect(page.getByRole('heading', { name: /^Score: / })).toBeVisible();
	await expect(page.getByRole('alert')).toHaveCount(0);
});

test('Delete deck: the failure is shown, the deck stays, and deleting again works', async ({
	page
}) => {
	await page.goto('/decks');
	await live(page);
	await page.getByLabel('Deck file to import').setInputFiles({
		name: 'template.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(csvTemplate())
	});
	await page.getByRole('button', { name: 'Add deck' }).click();
	await expect(page.getByRole('status').filter({ hasText: /^Added “/ })).toBeVisible();

	await setWritesFail(page, true);
	await page.getByRole('button', { name: 'Delete…' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Delete, keep progress' }).click();
	await expect(page.getByRole('alert')).toContainText('was not deleted');
	await expect(page.getByRole('alert')).toContainText(FULL);
	await expect(page.getByRole('button', { name: 'Delete…' })).toBeVisible();
	await setWritesFail(page, false);
	await page.getByRole('button', { name: 'Delete…' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Delete, keep progress' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Its progress is kept' })).toBeVisible();
	await expect(page.getByText('None yet.')).toBeVisible();
	await expect(page.getByRole('alert')).toHaveCount(0);
});
