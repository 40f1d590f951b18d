// Links typed by hand or tampered with: a marking named like a built-in of every object, absurd
// numbers, a deck, topic or fact that is not here. Each says what it could not use (with the
// allowed values), and the test still starts and scores in numbers; a study link says what it
// did not find rather than "nothing due".
import { test, expect } from './fixtures';

test('marking=constructor in a test link is named, and the test scores in numbers', async ({
	page,
	axe
}) => {
	await page.goto('/test?seed=proto&n=2&types=mcq&marking=constructor&mode=exam&time=60');
	const alert = page.getByRole('alert');
	await expect(alert).toHaveText(
		'The marking “constructor” is not a scheme (upsc-gs1, csat, plain, custom); using upsc-gs1.'
	);
	expect(await axe()).toEqual([]);
	await page.getByRole('button', { name: 'Start test' }).click();
	await page.getByRole('button', { name: 'Submit test' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Yes, submit' }).click();
	// Two blanks under GS Paper I marking: 0 of 2 × 2 (it was "Score: 0 / NaN").
	await expect(page.getByRole('heading', { name: 'Score: 0 / 4' })).toBeVisible();
	// The address is now the paper's link as it was scored.
	await expect(page).toHaveURL(/marking=upsc-gs1/);
});

test('time=1e309 and custom=1e308,1e308 give the allowed ranges, and Start works', async ({
	page
}) => {
	await page.goto(
		'/test?seed=huge&n=2&types=mcq&marking=custom&custom=1e308%2C1e308&mode=exam&time=1e309'
	);
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('The time per question “1e309” must be from 1 to 3600 seconds');
	await expect(alert).toContainText(
		'marks for a right answer more than 0 and at most 100, then marks taken for a wrong one from 0 to 100'
	);
	await page.getByRole('button', { name: 'Start test' }).click();
	// 2 questions × the default 72 s.
	await expect(page.getByRole('timer')).toHaveText(/^02:[12]\d$/);
});

test('a join link with m=__proto__ says so and scores in numbers', async ({ page }) => {
	await page.goto('/join?s=proto-class&n=2&ty=mc&m=__proto__');
	await expect(page.getByRole('alert')).toContainText('The marking “__proto__” is not a scheme');
	await page.getByRole('button', { name: 'Start' }).click();
	await page.getByRole('button', { name: 'Submit test' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Yes, submit' }).click();
	await expect(page.getByText('Score 0 / 4')).toBeVisible();
});

test.describe('a study link naming what is not here', () => {
	const cases = [
		['/study?deck=no-such-deck', 'No deck here has the id “no-such-deck”.'],
		['/study?topic=no-such-topic', 'No deck here has facts on the topic “no-such-topic”.'],
		['/study?facts=gone%2Fx', 'The fact “gone/x” is not in any deck here.']
	] as const;
	for (const [url, message] of cases)
		test(`${url} says what was not found, with a way to all decks`, async ({ page }) => {
			await page.goto(url);
			const alert = page.getByRole('alert');
			await expect(alert).toContainText(message);
			await expect(page.getByText('Nothing due right now')).toHaveCount(0);
			await alert.getByRole('link', { name: 'See all decks' }).click();
			await expect(page).toHaveURL(/\/$/);
		});
});
