// The deck's topics on /write: renamed in place (the facts keep them), removed from the list and
// from the facts that name them, brought back by Undo, and kept across a reload.
import { test, expect } from './fixtures';
import { WRITE_ARTICLE } from './write-helpers';

test(
	"a deck's topics are renamed and removed on /write, and Undo brings one back",
	{ tag: '@both' },
	async ({ page }) => {
		await page.goto('/write');
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.getByRole('button', { name: 'New deck' }).click();
		await page.getByLabel('Deck title').fill('Economy notes');
		await page.getByLabel(/^Article text/).fill(WRITE_ARTICLE);
		await page.getByRole('button', { name: 'Next: facts' }).click();
		for (const [n, topic] of [
			[1, 'Economy'],
			[2, 'Prices']
		] as const) {
			await page.getByRole('button', { name: 'Select next sentence' }).focus();
			for (let i = 0; i < n; i++) await page.keyboard.press('Enter');
			await page.getByRole('button', { name: 'Make a fact' }).click();
			await page.getByLabel(/^Statement/).fill(`A statement of fact ${n}, on 6 February 2026.`);
			if (n === 2) await page.getByRole('checkbox', { name: 'Economy' }).check();
			await page.getByLabel('New topic').fill(topic);
			await page.getByRole('button', { name: 'Add topic' }).click();
			await page.getByRole('button', { name: 'Done' }).click();
		}
		const topics = page.getByRole('region', { name: 'Topics' });
		await expect(topics.getByLabel('Topic 1')).toHaveValue('Economy');
		await expect(topics.getByText('2 fact(s)')).toBeVisible();

		// Renamed: the facts keep it, under its new name.
		await topics.getByLabel('Topic 1').fill('Indian economy');
		await page.locator('.fact-list button').first().click();
		await expect(page.getByRole('checkbox', { name: 'Indian economy' })).toBeChecked();
		await page.getByRole('button', { name: 'Done' }).click();

		// Removed from the list and from the fact that named it; Undo brings both back.
		await topics.getByRole('button', { name: 'Remove the topic Prices' }).click();
		await expect(topics.getByRole('status')).toHaveText(
			'Removed the topic “Prices” from 1 fact(s). Undo brings it back.'
		);
		await expect(topics.getByLabel('Topic 2')).toHaveCount(0);
		await page.getByRole('button', { name: 'Undo' }).click();
		await expect(topics.getByLabel('Topic 2')).toHaveValue('Prices');
		await page.locator('.fact-list button').nth(1).click();
		await expect(page.getByRole('checkbox', { name: 'Prices' })).toBeChecked();
		await page.getByRole('button', { name: 'Done' }).click();

		// Kept across a reload.
		await expect(page.locator('[data-save]')).toHaveText('Saved');
		await page.reload();
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page
			.getByRole('navigation', { name: 'Steps' })
			.getByRole('button', { name: '2 Facts' })
			.click();
		await expect(page.getByRole('region', { name: 'Topics' }).getByLabel('Topic 1')).toHaveValue(
			'Indian economy'
		);
	}
);
