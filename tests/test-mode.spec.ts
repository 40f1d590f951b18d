// Mock tests: a shared link gives the same paper on another device; the palette, mark for
// review and the submit summary; a reload resumes; the countdown submits at zero; results show
// the negative marks and feed the memory.
import { test, expect, type Page } from '@playwright/test';
import { isChoice, rightOptions } from '../src/lib/bank/format';
import { deck, logEntries } from './study-helpers';

const byId = new Map(deck.questions.map((q) => [q.id, q]));
const link = (extra = '') =>
	`/test?seed=class-7b&n=4&types=mcq&marking=upsc-gs1&mode=exam&time=60${extra}`;

async function questionIds(page: Page): Promise<string[]> {
	const ids: string[] = [];
	const n = await page
		.getByRole('navigation', { name: 'Question palette' })
		.getByRole('button')
		.count();
	for (let i = 0; i < n; i++) {
		await page.getByRole('button', { name: new RegExp(`^Question ${i + 1},`) }).click();
		ids.push((await page.locator('article[data-question-id]').getAttribute('data-question-id'))!);
	}
	return ids;
}

/** Pick the option shown at the position of the right (or a wrong) answer. */
async function answer(page: Page, right: boolean) {
	const q = byId.get(
		(await page.locator('article[data-question-id]').getAttribute('data-question-id'))!
	)!;
	if (!isChoice(q)) throw new Error('this spec uses choice questions');
	const options = page.getByRole('list', { name: /^Options/ }).getByRole('button');
	const texts = await options.allTextContents();
	const rightText = q.type === 'mcq' ? q.options[rightOptions(q)[0]] : '';
	const index = texts.findIndex((t) => t.includes(rightText) === right);
	await options.nth(index).click();
}

test('a shared link gives another device the same questions in the same order', async ({
	browser
}) => {
	const one = await (await browser.newContext()).newPage();
	const two = await (await browser.newContext()).newPage();
	for (const page of [one, two]) {
		await page.goto(link());
		await expect(page.getByText('This is a shared test')).toBeVisible();
		await page.getByRole('button', { name: 'Start test' }).click();
		await expect(page.getByRole('timer')).toBeVisible();
	}
	const ids = await questionIds(one);
	expect(ids).toHaveLength(4);
	expect(await questionIds(two)).toEqual(ids);
	// The same option order too.
	await one.getByRole('button', { name: /^Question 1,/ }).click();
	await two.getByRole('button', { name: /^Question 1,/ }).click();
	const opts = (p: Page) =>
		p
			.getByRole('list', { name: /^Options/ })
			.getByRole('button')
			.allTextContents();
	expect(await opts(two)).toEqual(await opts(one));
});

test('palette, mark for review, reload to resume, submit summary, results that feed the memory', async ({
	page
}) => {
	await page.goto(link());
	await page.getByRole('button', { name: 'Start test' }).click();
	await answer(page, false); // Q1 wrong
	await page.getByRole('button', { name: 'Save & next' }).click();
	await answer(page, true); // Q2 right
	await page.getByRole('button', { name: /Mark for review & next/ }).click();
	await expect(page.getByRole('button', { name: 'Question 1, answered' })).toBeVisible();
	await expect(
		page.getByRole('button', { name: 'Question 2, answered and marked for review' })
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Question 3, not answered' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Question 4, not visited' })).toBeVisible();

	// The clock has run (a fast machine gets here within the first second, still 04:00): the
	// time spent must survive the reload.
	await expect(page.getByRole('timer')).not.toHaveText('04:00');
	const timeBefore = await page.getByRole('timer').textContent();
	await page.reload();
	await expect(
		page.getByRole('button', { name: 'Question 2, answered and marked for review' })
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Question 3 of 4' })).toBeVisible();
	expect(await page.getByRole('timer').textContent()).not.toBe('04:00');
	expect(timeBefore).not.toBeNull();

	await page.getByRole('button', { name: 'Submit test' }).click();
	const dialog = page.getByRole('dialog', { name: 'Submit the test?' });
	await expect(dialog).toContainText('Answered: 2');
	await expect(dialog).toContainText('Not answered: 1');
	await expect(dialog).toContainText('Marked for review: 1');
	await expect(dialog).toContainText('Not visited: 1');
	await dialog.getByRole('button', { name: 'Yes, submit' }).click();

	// +2 for the right one, −0.66 for the wrong one, 0 for the blanks.
	await expect(page.getByRole('heading', { name: 'Score: 1.34 / 8' })).toBeVisible();
	const stats = page.getByRole('region', { name: 'Score: 1.34 / 8' });
	await expect(stats.getByRole('definition').nth(0)).toHaveText('−0.66');
	await expect(stats.getByRole('definition').nth(1)).toHaveText('1 · 1 · 2');
	await expect(page.getByRole('link', { name: 'Study these facts' })).toBeVisible();
	// The wrong answer went to the memory, marked as coming from a test.
	const fromTest = (await logEntries(page)).filter(
		(e) => (e as { source?: string }).source === 'test'
	);
	expect(fromTest.length).toBeGreaterThan(0);
	expect(fromTest.every((e) => e.rating === 1)).toBe(true);
});

test('the countdown submits the test at zero', async ({ page }) => {
	// 2 questions × 5 s: time enough to answer one on a busy machine, short enough to wait out.
	await page.goto('/test?seed=timer&n=2&types=mcq&marking=plain&mode=exam&time=5');
	await page.getByRole('button', { name: 'Start test' }).click();
	await expect(page.getByRole('timer')).toBeVisible();
	await answer(page, true);
	await expect(page.getByRole('heading', { name: /^Score: 1 \/ 2$/ })).toBeVisible({
		timeout: 20_000
	});
});

test('practice mode gives feedback after each question and locks the answer', async ({ page }) => {
	await page.goto('/test?seed=practice&n=2&types=mcq&marking=plain&mode=practice&time=none');
	await page.getByRole('button', { name: 'Start test' }).click();
	await expect(page.getByRole('timer')).toHaveText('Untimed');
	await answer(page, true);
	await page.getByRole('button', { name: 'Check', exact: true }).click();
	await expect(page.getByRole('heading', { name: '✓ Correct' })).toBeVisible();
	await expect(page.locator('blockquote').first()).toBeVisible();
	await expect(page.getByRole('button', { name: 'Clear response' })).toBeDisabled();
});
