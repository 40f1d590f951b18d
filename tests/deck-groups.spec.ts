// The deck list at scale: 60 imported decks are grouped by the month of their article (newest
// month open) or by topic (the choice kept across visits), filtered with a live count, studied a
// topic at a time; by keyboard, axe-clean in both themes, and within a 320 px phone.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { deckToJson } from '../src/lib/bank/deck-json';
import { makeDeck, SOURCE } from '../src/lib/bank/test-helpers';
import { deck as builtin } from './study-helpers';

const TOPICS = [
	['economy', 'Economy'],
	['polity', 'Polity'],
	['environment', 'Environment']
] as const;
const COUNT = 60;

/** Deck `i`: an article of the month 2025-07 … 2025-12 (10 each), on one of three topics. */
function ownDeck(i: number): string {
	const [topic, label] = TOPICS[i % 3];
	const month = String(7 + (i % 6)).padStart(2, '0');
	const base = makeDeck();
	const n = String(i).padStart(2, '0');
	return deckToJson(
		makeDeck({
			id: `brief-${n}`,
			title: i === 7 ? 'Monsoon forecast brief' : `${label} brief ${n}`,
			asOf: `2025-${month}-15`,
			source: { title: `Article ${n}`, published: `2025-${month}-${10 + (i % 10)}` },
			topics: [{ id: topic, label }],
			facts: base.facts.map((f) => ({ ...f, topics: [topic] }))
		}),
		SOURCE
	);
}

/** The decks imported through the import page, as a learner would, one file at a time. */
async function importDecks(page: Page) {
	await page.goto('/decks');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	const input = page.getByLabel('Deck file to import');
	for (let i = 0; i < COUNT; i++) {
		const text = ownDeck(i);
		await input.setInputFiles({
			name: `d${i}.json`,
			mimeType: 'application/json',
			buffer: Buffer.from(text)
		});
		await page.getByRole('button', { name: 'Add deck' }).click();
		await expect(page.getByRole('status').filter({ hasText: /^Added “/ })).toBeVisible();
	}
}

const groups = (page: Page) => page.locator('section[aria-labelledby="your-decks-title"] details');
const summaries = (page: Page) => groups(page).locator('summary');
const shownDecks = (page: Page) => page.locator('details article');

test('60 decks: grouped by month or topic, filtered, studied by topic, by keyboard, in both themes and at 320 px', async ({
	page,
	axe
}) => {
	// 60 imports first: allowed the slow-test time.
	test.slow();
	await importDecks(page);
	await page.goto('/');
	const status = page.getByRole('status').filter({ hasText: /decks?/ });
	await expect(status).toHaveText(`All ${COUNT + 1} decks`);
	// The day's counts keep their place (the bench finds them by this label).
	await expect(page.locator('[aria-labelledby="today-title"]')).toBeVisible();

	// By month: newest first, the built-in deck's month, then December back to July; only the
	// newest open, and only an open group's decks built.
	await expect(summaries(page)).toHaveText([
		/January 2026\s+1 deck$/,
		/December 2025\s+10 decks/,
		/November 2025\s+10 decks/,
		/October 2025\s+10 decks/,
		/September 2025\s+10 decks/,
		/August 2025\s+10 decks/,
		/July 2025\s+10 decks/
	]);
	await expect(page.locator('details[open]')).toHaveCount(1);
	await expect(shownDecks(page)).toHaveCount(1);
	await expect(page.getByRole('heading', { level: 3, name: builtin.title })).toBeVisible();
	expect(await axe()).toEqual([]);

	// By keyboard: the grouping is a radio group (arrows), then the filter, then the groups.
	await page.getByRole('radio', { name: 'Month of the article' }).focus();
	await expect(page.getByRole('radio', { name: 'Month of the article' })).toBeChecked();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('radio', { name: 'Topic' })).toBeChecked();
	await expect(summaries(page).filter({ hasText: 'Polity' })).toHaveText(/Polity\s+20 decks/);
	await expect(summaries(page).filter({ hasText: 'Economy' })).toHaveText(/Economy\s+20 decks/);
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Filter decks')).toBeFocused();
	await page.keyboard.type('polity');
	await expect(status).toHaveText(`20 of ${COUNT + 1} decks match`);
	await expect(status).toHaveAttribute('aria-live', 'polite');
	// A narrow filter opens what it leaves: the one topic group, its 20 decks.
	await expect(summaries(page)).toHaveText([/Polity\s+20 decks/]);
	await expect(shownDecks(page)).toHaveCount(20);
	await page.keyboard.press('Tab');
	await expect(summaries(page).first()).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('details[open]')).toHaveCount(0);
	await page.keyboard.press('Enter');
	await expect(shownDecks(page)).toHaveCount(20);

	// Any word, in any field: the title, across months.
	await page.getByLabel('Filter decks').fill('monsoon');
	await expect(status).toHaveText(`1 of ${COUNT + 1} decks matches`);
	await expect(shownDecks(page)).toHaveText([/Monsoon forecast brief/]);
	await page.getByLabel('Filter decks').fill('no such deck');
	await expect(status).toHaveText('No deck matches “no such deck”');
	await expect(groups(page)).toHaveCount(0);
	await page.getByLabel('Filter decks').fill('');

	// The choice is kept: a new visit groups by topic, light theme and 320 px.
	await page.emulateMedia({ colorScheme: 'light' });
	await page.setViewportSize({ width: 320, height: 700 });
	await page.reload();
	await expect(page.getByRole('radio', { name: 'Topic' })).toBeChecked();
	await expect(summaries(page).first()).toHaveText(/^\S/);
	// The first group is open (a deck card in the light theme): axe checks it before more open.
	await expect(shownDecks(page).first()).toBeVisible();
	expect(await axe()).toEqual([]);
	await page.getByText(/^Polity$/).click();
	await expect(shownDecks(page)).not.toHaveCount(1);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

	// A topic's group studies that topic, across the decks.
	const polity = groups(page).filter({ has: page.locator('summary', { hasText: 'Polity' }) });
	await polity.getByRole('link', { name: 'Study the topic Polity' }).click();
	await expect(page).toHaveURL(/\/study\?topic=polity$/);
	await expect(page.locator('article[data-question-id]')).toBeVisible();
});
