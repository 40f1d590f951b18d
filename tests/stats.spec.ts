// Statistics: after a session the numbers add up (reviews today, the calendar's cell for today,
// the forecast), each chart has its table, and a topic links to a study session of that topic;
// the deck list and the statistics agree on how many facts are learned.
import { test, expect } from './fixtures';
import { LEARNED_MEANING } from '../src/lib/srs/learned';
import { answerRightly, deck } from './study-helpers';

test('statistics count a session, with tables for the charts and study links per topic', async ({
	page,
	axe
}) => {
	await page.goto('/study');
	for (let i = 0; i < 3; i++) {
		await answerRightly(page, 'keyboard');
		await page.keyboard.press('Space');
		// Saved before the next question shows: wait for it, or the next answer meets the last one.
		await expect(page.getByText(`Done ${i + 1}`, { exact: true })).toBeVisible();
	}

	await page.goto('/stats');
	await expect(page.getByRole('heading', { name: 'Statistics', level: 1 })).toBeVisible();
	const totals = page.locator('dl.totals');
	await expect(totals.getByText('Study streak').locator('..')).toContainText('1 day');
	const reviewsToday = Number(
		await totals.locator('div', { hasText: 'Reviews today' }).locator('dd').textContent()
	);
	expect(reviewsToday).toBeGreaterThanOrEqual(3);

	// The calendar's table lists today with the same count.
	const calendar = page.getByRole('region', { name: 'Reviews per day' });
	await calendar.getByText('Table: reviews per day').click();
	await expect(calendar.getByRole('row')).toHaveCount(2);
	await expect(calendar.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText(
		String(reviewsToday)
	);
	await expect(calendar.getByRole('img')).toHaveAccessibleName(/1 days with reviews/);

	// The forecast's table has 30 days.
	const forecast = page.getByRole('region', { name: 'Due in the next 30 days' });
	await forecast.getByText(/^Table:/).click();
	await expect(forecast.getByRole('row')).toHaveCount(31);

	// Every topic of the deck is listed, each with a study link for that topic.
	const topics = page.getByRole('region', { name: 'Mastery by topic' });
	await expect(topics.getByRole('row')).toHaveCount(deck.topics.length + 1);
	expect(await axe()).toEqual([]);
	const weakest = await topics.getByRole('rowheader').first().textContent();
	const first = deck.topics.find((t) => t.label === weakest);
	await topics.getByRole('link', { name: `Study ${first!.label}` }).click();
	await expect(page).toHaveURL(new RegExp(`/study\\?deck=${deck.id}&topic=${first!.id}$`));
	await expect(page.locator('article[data-question-id]')).toBeVisible();
});

test('the deck list and the statistics count the same learned facts, and say what learned means', async ({
	page
}) => {
	await page.goto('/study');
	// Two facts rated Easy graduate at once; four rated Good are still in their learning steps.
	for (const [i, key] of ['4', '4', '3', '3', '3', '3'].entries()) {
		await answerRightly(page, 'keyboard');
		await page.keyboard.press(key);
		await expect(page.getByText(`Done ${i + 1}`, { exact: true })).toBeVisible();
	}
	await page.goto('/');
	const today = page.getByLabel('All decks');
	const learnedOnDeckList = today.locator('div', { hasText: 'Learned' }).getByRole('definition');
	await expect(learnedOnDeckList).not.toHaveText('…');
	const learned = Number(await learnedOnDeckList.textContent());
	expect(learned).toBeGreaterThanOrEqual(2);
	expect(learned).toBeLessThan(6);
	await expect(page.getByText(LEARNED_MEANING)).toBeVisible();

	await page.goto('/stats');
	const totals = page.locator('dl.totals');
	await expect(totals.locator('div', { hasText: 'Learned' }).getByRole('definition')).toHaveText(
		String(learned)
	);
	await expect(page.getByText(LEARNED_MEANING)).toBeVisible();
});
