// "Fit my memory model" (docs/fitting.md): on a log drawn from a learner who forgets faster than
// FSRS's defaults assume, the real worker fits fsrs-browser's parameters to completion with a
// moving bar, the table shows the fitted ones predict the held-out reviews better, and applying
// them rebuilds every fact's schedule (which "Check and rebuild" then agrees with); the
// previous parameters can be restored.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { syntheticLog } from '../src/lib/srs/fit-test-helpers';
import { backupOfLog } from './backup-fixture';

const log = syntheticLog({ days: 60, newPerDay: 5 });

async function openSettings(page: Page) {
	await page.goto('/settings');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await expect(page.getByText(/\d+ fact states, \d+ log entries/)).toBeVisible();
}

test('a fit runs in its worker, predicts better, is applied, and can be undone', async ({
	page,
	axe
}) => {
	test.setTimeout(120_000);
	await openSettings(page);
	// Too few reviews yet: no fit offered, and the page says how many it needs.
	await expect(page.getByText(/A fit needs at least 400 answers/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Fit my memory model' })).toHaveCount(0);

	await page.getByLabel('Backup file to import').setInputFiles({
		name: 'log.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(backupOfLog(log.events)))
	});
	await page.getByRole('radio', { name: /Replace/ }).check();
	await page.getByRole('button', { name: 'Replace now' }).click();
	await expect(page.getByText(`Replaced: ${log.reviews} log entries`)).toBeVisible({
		timeout: 60_000
	});
	await openSettings(page);
	// Served cross-origin isolated: the page can read the optimizer's progress.
	expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
	await expect(page.getByText('In use: FSRS’s default parameters.')).toBeVisible();

	// Every step the bar's words told, and the bar's position at each painted frame.
	await page.evaluate(() => {
		const w = window as unknown as { barPositions: number[]; steps: string[] };
		w.barPositions = [];
		w.steps = [];
		new MutationObserver(() => {
			const words = document.querySelector('#fit [aria-live]')?.textContent;
			if (words) w.steps.push(words);
		}).observe(document.querySelector('#fit')!, {
			subtree: true,
			childList: true,
			characterData: true
		});
		const watch = () => {
			const bar = document.querySelector('#fit progress');
			if (bar) w.barPositions.push((bar as HTMLProgressElement).value);
			requestAnimationFrame(watch);
		};
		requestAnimationFrame(watch);
	});
	const started = Date.now();
	await page.getByRole('button', { name: 'Fit my memory model' }).click();
	const table = page.getByRole('table', { name: /latest reviews, held out of the fit/ });
	await expect(table).toBeVisible({ timeout: 60_000 });
	console.log(`fit of ${log.reviews} log entries: ${Date.now() - started} ms in the browser`);
	const { barPositions: bar, steps } = await page.evaluate(() => {
		const w = window as unknown as { barPositions: number[]; steps: string[] };
		return { barPositions: w.barPositions, steps: w.steps };
	});
	console.log(`bar positions: ${[...new Set(bar)].map((v) => v.toFixed(2)).join(' ')}`);
	expect(new Set(bar).size).toBeGreaterThanOrEqual(3);
	// The optimizer's own count, read from the worker's memory (fsrs-rs may end before its
	// count does: its last read is not always all of it).
	const counts = steps.map((s) => /\((\d+) of (\d+) items\)/.exec(s)).filter((m) => m !== null);
	expect(counts.length).toBeGreaterThan(0);
	const [, done, total] = counts.at(-1)!.map(Number);
	expect(done).toBeGreaterThan(0);
	expect(done).toBeLessThanOrEqual(total);

	const cells = async (row: string) =>
		(
			await table
				.getByRole('row', { name: new RegExp(row) })
				.getByRole('cell')
				.allTextContents()
		).map(Number);
	const [defaultLoss, fittedLoss] = await cells('Log loss');
	const [defaultRmse, fittedRmse] = await cells('RMSE');
	expect(fittedLoss).toBeLessThan(defaultLoss);
	expect(fittedRmse).toBeLessThan(defaultRmse);
	await expect(page.getByText('The fitted parameters predict your answers better.')).toBeVisible();
	// The result, its table and its buttons pass axe in both themes.
	for (const colorScheme of ['dark', 'light'] as const) {
		await page.emulateMedia({ colorScheme });
		expect(await axe(), colorScheme).toEqual([]);
	}

	await page.getByRole('button', { name: 'Apply the fitted parameters' }).click();
	await expect(
		page.getByText(/Your fitted parameters are in use\. \d+ facts’ schedules/)
	).toBeVisible();
	await expect(page.getByText('In use: parameters fitted to your answers.')).toBeVisible();
	// The stored schedules are the replay under the weights in force: nothing to repair.
	await page.getByRole('button', { name: 'Check and rebuild' }).click();
	await expect(
		page.getByText(
			`against ${log.reviews} log entries: every fact state matches the log. Nothing needed repair.`
		)
	).toBeVisible();

	// After a reload too, and the previous (default) parameters come back on request.
	await openSettings(page);
	await expect(page.getByText('In use: parameters fitted to your answers.')).toBeVisible();
	await page.getByRole('button', { name: 'Restore previous parameters' }).click();
	await expect(page.getByText(/The previous parameters are back\./)).toBeVisible();
	await expect(page.getByText('In use: FSRS’s default parameters.')).toBeVisible();
});
