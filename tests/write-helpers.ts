// A draft on /write with an article, two facts and a question open, for the axe and layout
// tests (tests/write.spec.ts walks the editor in full).
import { expect, type Page } from '@playwright/test';

export const WRITE_ARTICLE = `The Reserve Bank of India held its repo rate at 5.25 per cent on 6 February 2026. Inflation stood at 1.3 per cent in January 2026.

The Union Budget for 2026-27 was presented on 1 February 2026. It set the fiscal deficit target at 4.4 per cent of GDP.`;

/** Each step of a small draft, in turn: `at(step)` is called with each on screen. */
export async function walkDraft(page: Page, at: (step: string) => Promise<void>) {
	await page.goto('/write');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await page.getByRole('button', { name: 'New deck' }).click();
	await page.getByLabel('Deck title').fill('Economy notes');
	await page.getByLabel(/^Article text/).fill(WRITE_ARTICLE);
	await at('article');
	await page.getByRole('button', { name: 'Next: facts' }).click();
	for (const [n, statement] of [
		[1, 'The Reserve Bank of India held its repo rate at 5.25 per cent on 6 February 2026.'],
		[2, 'Inflation in India stood at 1.3 per cent in January 2026.']
	] as const) {
		await page.getByRole('button', { name: 'Select next sentence' }).focus();
		for (let i = 0; i < n; i++) await page.keyboard.press('Enter');
		await page.getByRole('button', { name: 'Make a fact' }).click();
		await page.getByLabel(/^Statement/).fill(statement);
		if (n === 1) {
			await page.getByLabel('New topic').fill('Economy');
			await page.getByRole('button', { name: 'Add topic' }).click();
		} else await page.getByRole('checkbox', { name: 'Economy' }).check();
		await page.getByRole('button', { name: 'Done' }).click();
	}
	// A selection by sentence on show, and a fact open.
	await page.getByRole('button', { name: 'Select next sentence' }).click();
	await page.getByRole('button', { name: 'Extend by a sentence' }).click();
	await page.locator('.fact-list button').first().click();
	await at('facts');
	await page.getByRole('button', { name: 'Done' }).click();
	await page.getByRole('button', { name: 'Next: questions' }).click();
	const panel = page.getByRole('region', { name: 'New question' });
	await panel.getByRole('checkbox').first().check();
	await panel.getByRole('checkbox').nth(1).check();
	await panel.getByLabel('Type').selectOption('pairs');
	await panel.getByRole('button', { name: 'Add question' }).click();
	await expect(page.getByRole('region', { name: 'Edit question 1' })).toBeVisible();
	await at('questions');
	await page.getByRole('button', { name: 'Preview question 1' }).click();
	await at('preview');
	await page.getByRole('button', { name: 'Next: publish' }).click();
	await expect(page.getByRole('heading', { name: 'Publish' })).toBeVisible();
	await at('publish');
}
