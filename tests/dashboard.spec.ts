// The deck list counts what is due, new and learned, and the streak; browse lists every fact
// with its history and acts on it; a revealed flashcard is rated by swiping.
import { test, expect } from '@playwright/test';
import { answerRightly, currentQuestion, deck, logEntries, setNewPerDay } from './study-helpers';

test('after a first session the deck list shows learned facts, a one-day streak and the next review', async ({
	page
}) => {
	await setNewPerDay(page, 3);
	await page.goto('/');
	const today = page.getByLabel('All decks');
	await expect(today.getByRole('definition').nth(1)).toHaveText('3');
	await expect(page.getByText('Study streak: 0 days')).toBeVisible();

	await page.getByRole('link', { name: `Study ${deck.title}` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Study: ${deck.title}`);
	for (let i = 0; i < 2; i++) {
		await answerRightly(page, 'keyboard');
		await page.keyboard.press('4'); // Easy: graduates at once
		await expect(page.getByText(`Done ${i + 1}`, { exact: true })).toBeVisible();
	}
	await page.goto('/');
	await expect(page.getByText('Study streak: 1 day')).toBeVisible();
	const learned = Number(await today.getByRole('definition').nth(2).textContent());
	expect(learned).toBeGreaterThanOrEqual(2);
	await expect(today.getByRole('definition').nth(3)).not.toHaveText('—');
});

test('browse finds a fact, shows its history, and suspends, unsuspends and resets it', async ({
	page
}) => {
	const fact = deck.facts[0];
	await page.goto('/study');
	const q = await answerRightly(page, 'keyboard');
	expect(q.facts).toContain(fact.id);
	await page.keyboard.press('3');
	await expect(page.getByText('Done 1', { exact: true })).toBeVisible();

	await page.goto('/browse');
	await page.getByLabel('Search').fill('Marco Rubio held a telephone');
	await expect(page.getByText(/^1 fact$/)).toBeVisible();
	const item = page.getByRole('listitem').filter({ hasText: fact.statement });
	const open = () => item.locator('details').evaluate((d: HTMLDetailsElement) => (d.open = true));
	await open();
	await expect(item.getByRole('table')).toContainText('Good');
	await expect(item.getByText(/Recall \d+%/)).toBeVisible();

	await item.getByRole('button', { name: 'Suspend' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'suspended' })).toBeVisible();
	await page.getByLabel('Search').fill('');
	await page.getByLabel('State').selectOption('suspended');
	await expect(page.getByText(/^1 fact$/)).toBeVisible();
	await open();
	await item.getByRole('button', { name: 'Unsuspend' }).click();
	await expect(page.getByText(/^0 facts$/)).toBeVisible();

	await page.getByLabel('State').selectOption('');
	await page.getByLabel('Search').fill('Marco Rubio held a telephone');
	await open();
	page.once('dialog', (d) => d.accept());
	await item.getByRole('button', { name: 'Reset' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'reset' })).toBeVisible();
	const kinds = (await logEntries(page)).filter((e) => e.fact === fact.id).map((e) => e.kind);
	expect(kinds).toEqual(['review', 'suspend', 'unsuspend', 'reset']);
});

test('a revealed flashcard is rated Good by a swipe right and Again by a swipe left', async ({
	page
}) => {
	await setNewPerDay(page, 12);
	await page.goto('/study');
	for (let i = 0; i < 12 && (await currentQuestion(page)).type !== 'flashcard'; i++) {
		await answerRightly(page, 'keyboard');
		await page.keyboard.press('4');
		await expect(page.getByText(`Done ${i + 1}`, { exact: true })).toBeVisible();
	}
	expect((await currentQuestion(page)).type).toBe('flashcard');

	const swipe = async (dx: number) => {
		await page.getByRole('button', { name: 'Show answer' }).click();
		const box = (await page.locator('article[data-question-id]').boundingBox())!;
		const y = box.y + 40;
		const x = box.x + box.width / 2;
		await page.mouse.move(x, y);
		await page.mouse.down();
		await page.mouse.move(x + dx, y, { steps: 5 });
		await page.mouse.up();
	};
	const before = (await logEntries(page)).length;
	await swipe(150);
	await expect.poll(async () => (await logEntries(page)).length).toBe(before + 1);
	expect((await logEntries(page)).at(-1)?.rating).toBe(3);
	await page.keyboard.press('z');
	await expect.poll(async () => (await logEntries(page)).length).toBe(before);
	await swipe(-150);
	await expect.poll(async () => (await logEntries(page)).length).toBe(before + 1);
	expect((await logEntries(page)).at(-1)?.rating).toBe(1);
});
