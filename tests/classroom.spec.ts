// Classroom: the presenter's keyboard flow (→/Space next, ← back, R reveal, F full screen) in
// large type at 1280×720, the countdown revealing at zero, the closing answer key, students
// joining by the QR link to the same questions in the same order, and the printed worksheet.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { answerTextIn } from '../src/lib/bank/format';
import { buildPaper, configFromParams } from '../src/lib/srs/exam';
import { deck, logEntries } from './study-helpers';

const QUERY = 'seed=room-12&n=3&mode=practice&marking=plain&types=mcq,true_false&time=none';
const config = configFromParams(new URLSearchParams(QUERY), 'x');
const paper = buildPaper([deck], config);
const questions = paper.map((item) => deck.questions.find((q) => q.id === item.question)!);
const answers = paper.map((item, i) => answerTextIn(questions[i], item.optionOrder));

test.describe('on a projector', { tag: '@desktop' }, () => {
	test.use({ viewport: { width: 1280, height: 720 }, isMobile: false, hasTouch: false });

	test('the presenter runs on the keyboard, in large type, to the answer key', async ({
		page,
		axe
	}) => {
		await page.goto(`/present?${QUERY}`);
		await expect(page.getByRole('heading', { name: 'Class quiz: 3 questions' })).toBeVisible();
		await expect(
			page.getByRole('img', { name: 'QR code: join this quiz on a phone' })
		).toBeVisible();
		await expect(page.getByText(/\/join\?s=room-12&n=3&ty=/)).toBeVisible();
		expect(await axe()).toEqual([]);

		await page.keyboard.press('ArrowRight');
		await expect(page.getByText('Question 1 of 3')).toBeVisible();
		const prompt = page.locator('.question .prompt');
		await expect(prompt).toHaveText(questions[0].prompt);
		const size = await prompt.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
		expect(size).toBeGreaterThanOrEqual(32);
		await expect(page.getByRole('heading', { name: /^Answer:/ })).toHaveCount(0);

		await page.keyboard.press('r');
		await expect(page.getByRole('heading', { name: `Answer: ${answers[0]}` })).toBeVisible();
		await expect(page.getByText(questions[0].explanation)).toBeVisible();
		await expect(page.locator('blockquote').first()).toBeVisible();
		expect(await axe()).toEqual([]);

		await page.keyboard.press('Space');
		await expect(page.getByText('Question 2 of 3')).toBeVisible();
		await expect(prompt).toHaveText(questions[1].prompt);
		await expect(page.getByRole('heading', { name: /^Answer:/ })).toHaveCount(0);
		await page.keyboard.press('ArrowLeft');
		await expect(page.getByText('Question 1 of 3')).toBeVisible();
		await expect(page.getByRole('heading', { name: `Answer: ${answers[0]}` })).toBeVisible();

		await page.keyboard.press('f');
		await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
		await page.keyboard.press('f');
		await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false);

		for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
		await expect(page.getByRole('heading', { name: 'Answer key' })).toBeVisible();
		const key = page.getByRole('list').filter({ hasText: questions[0].prompt });
		await expect(key.getByRole('listitem')).toHaveCount(3);
		for (let i = 0; i < 3; i++)
			await expect(key.getByRole('listitem').nth(i)).toContainText(answers[i]);
		expect(await axe()).toEqual([]);
	});

	test('the countdown shows a bar and reveals the answer at zero', async ({ page }) => {
		// 5 s, so a busy machine still sees the countdown running before it reaches zero.
		await page.goto(`/present?${QUERY.replace('time=none', 'time=5')}`);
		await page.getByRole('button', { name: 'Start' }).click();
		await expect(page.getByText(/^[1-5] s$/)).toBeVisible();
		await expect(page.locator('.bar')).toBeVisible();
		await expect(page.getByRole('heading', { name: `Answer: ${answers[0]}` })).toBeVisible({
			timeout: 10_000
		});
		await expect(page.locator('.bar')).toHaveCount(0);
	});
});

/** Answer the practice question on screen rightly (these papers hold mcq and true/false only). */
async function answerRightly(page: Page, i: number) {
	const options = page.getByRole('list', { name: /^Options/ }).getByRole('button');
	const right = answers[i].replace(/^\([a-z]\) /, '');
	const texts = await options.allTextContents();
	await options.nth(texts.findIndex((t) => t.includes(right))).click();
	await page.getByRole('button', { name: 'Check', exact: true }).click();
}

test('a student joins by the link: same questions, same order, a result to hold up', async ({
	page,
	axe
}) => {
	await page.goto(`/present?${QUERY}`);
	const link = await page.getByText(/\/join\?/).textContent();
	const join = new URL(`http://${link!.trim()}`);
	await page.goto(`${join.pathname}${join.search}`);
	await expect(page.getByText('3 questions, the same as on the projector')).toBeVisible();
	expect(await axe()).toEqual([]);
	await page.getByLabel('Your name (optional, shown on your result)').fill('Asha');
	await page.getByRole('button', { name: 'Start' }).click();
	for (let i = 0; i < 3; i++) {
		await expect(page.locator('article[data-question-id]')).toHaveAttribute(
			'data-question-id',
			questions[i].id
		);
		await answerRightly(page, i);
		await expect(page.getByRole('heading', { name: '✓ Correct' })).toBeVisible();
		if (i < 2)
			await page
				.getByRole('button', { name: /Save & next|Next/ })
				.first()
				.click();
	}
	await page.getByRole('button', { name: 'Submit test' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Yes, submit' }).click();
	await expect(page.getByRole('heading', { name: 'Asha: 3 / 3 right' })).toBeVisible();
	await expect(page.getByText('Score 3 / 3')).toBeVisible();
	await expect(page.getByText(/^Time \d+:\d\d$/)).toBeVisible();
	expect(await axe()).toEqual([]);
	const fromClass = (await logEntries(page)).filter(
		(e) => (e as { source?: string }).source === 'classroom'
	);
	// Right answers count only for facts that were due; a new learner has none due.
	expect(fromClass).toEqual([]);
});

test(
	'the worksheet prints questions, then the answer key on its own page, without app chrome',
	{ tag: '@desktop' },
	async ({ page, axe }) => {
		await page.goto(`/print?${QUERY}`);
		await expect(page.getByRole('heading', { name: /^Worksheet:/ })).toBeVisible();
		expect(await axe()).toEqual([]);
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
		await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
		const items = page.locator('.questions > li');
		await expect(items).toHaveCount(3);
		for (let i = 0; i < 3; i++) await expect(items.nth(i)).toContainText(questions[i].prompt);
		const styles = await page.evaluate(() => {
			const key = document.querySelector('.key')!;
			const q = document.querySelector('.questions > li')!;
			return {
				keyBreak: getComputedStyle(key).breakBefore,
				qBreak: getComputedStyle(q).breakInside,
				bg: getComputedStyle(document.body).backgroundColor
			};
		});
		expect(styles).toEqual({ keyBreak: 'page', qBreak: 'avoid', bg: 'rgb(255, 255, 255)' });
		const key = page.getByRole('heading', { name: 'Answer key' });
		await expect(key).toBeVisible();
		for (const a of answers) await expect(page.locator('.key')).toContainText(a);
		const pdf = await page.pdf({ format: 'A4' });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	}
);
