// The deck list and the deck page render the bank as text and are usable on a phone.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';

const deck = JSON.parse(readFileSync('questions/india-us-2026-01/deck.json', 'utf8'));

test('the deck list shows each deck with its source, date and counts', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Decks' })).toBeVisible();
	const card = page.getByRole('article', { name: deck.title });
	await expect(card).toBeVisible();
	await expect(card).toContainText(deck.source.title);
	await expect(card).toContainText('13 January 2026');
	await expect(card.getByRole('definition').nth(0)).toHaveText(String(deck.facts.length));
	await expect(card.getByRole('definition').nth(1)).toHaveText(String(deck.questions.length));
});

test('the deck page shows every question with answer, explanation, quote and as-of date', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('link', { name: deck.title, exact: true }).click();
	await expect(page).toHaveURL(`/deck/${deck.id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(deck.title);
	const questions = page.locator('ol.questions > li');
	await expect(questions).toHaveCount(deck.questions.length);

	const first = deck.questions[0];
	const item = page.locator(`li[id="${first.id}"]`);
	await expect(item).toContainText(first.prompt);
	await expect(item).toContainText(first.explanation);
	const fact = deck.facts.find((f: { id: string }) => f.id === first.facts[0]);
	await expect(item.locator('blockquote').first()).toHaveText(fact.quote);
	await expect(item).toContainText('As of 13 January 2026');
});

test('volatile figures carry a badge and answers can be hidden for self-testing', async ({
	page
}) => {
	await page.goto(`/deck/${deck.id}`);
	const volatileIds = new Set(
		deck.facts.filter((f: { volatile: boolean }) => f.volatile).map((f: { id: string }) => f.id)
	);
	const q = deck.questions.find((x: { facts: string[] }) =>
		x.facts.some((f) => volatileIds.has(f))
	);
	const item = page.locator(`li[id="${q.id}"]`);
	await expect(item.getByText('Figure may change').first()).toBeVisible();

	await expect(item.getByText(q.explanation)).toBeVisible();
	await page.getByRole('checkbox', { name: /Hide answers/ }).check();
	await expect(item.getByText(q.explanation)).toBeHidden();
	await item.getByText('Answer', { exact: true }).click();
	await expect(item.getByText(q.explanation)).toBeVisible();
});

test('the deck page fits a phone screen without sideways scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto(`/deck/${deck.id}`);
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
});
