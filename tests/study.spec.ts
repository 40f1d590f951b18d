// The daily review: a new learner studies by keyboard and by touch, reloads in the middle
// (progress kept, the same question next), undoes an answer and finishes the session; two tabs
// answering at once lose no review.
import { test, expect } from '@playwright/test';
import { answerRightly, currentQuestion, logCount, setNewPerDay } from './study-helpers';

/** Answer until the summary shows; returns how many questions were answered. */
async function finish(
	page: import('@playwright/test').Page,
	how: 'keyboard' | 'touch',
	limit = 30
) {
	let answered = 0;
	const start = Number((await page.getByText(/^Done \d+$/).textContent())?.slice(5) ?? 0);
	while (answered < limit) {
		if (await page.getByRole('heading', { name: 'Session complete' }).isVisible()) break;
		await answerRightly(page, how);
		if (how === 'keyboard') await page.keyboard.press('Space');
		else await page.getByRole('button', { name: 'Good' }).tap();
		answered++;
		await expect(
			page
				.getByText(`Done ${start + answered}`, { exact: true })
				.or(page.getByRole('heading', { name: 'Session complete' }))
		).toBeVisible();
	}
	return answered;
}

test(
	'a new learner studies by keyboard, reloads, undoes and finishes the session',
	{ tag: '@desktop' },
	async ({ page }) => {
		await setNewPerDay(page, 5);
		await page.goto('/study');
		await expect(page.getByText('Done 0', { exact: true })).toBeVisible();

		// Three answers, each confirmed with the preselected rating (Space).
		for (let i = 0; i < 3; i++) {
			await answerRightly(page, 'keyboard');
			await expect(page.getByRole('button', { name: 'Good' })).toHaveClass(/suggested/);
			await page.keyboard.press('Space');
			await expect(page.getByText(`Done ${i + 1}`, { exact: true })).toBeVisible();
			await expect(page.locator('#question-heading')).toBeFocused();
		}
		const saved = await logCount(page);
		expect(saved).toBeGreaterThanOrEqual(3);
		const onScreen = await currentQuestion(page);

		// A reload keeps the progress and shows the same question.
		await page.reload();
		expect((await currentQuestion(page)).id).toBe(onScreen.id);
		expect(await logCount(page)).toBe(saved);

		// Rate with a digit, then undo with Z: the same question is back and its log entries are gone.
		const answered = await answerRightly(page, 'keyboard');
		await page.keyboard.press('4');
		await expect(page.getByText('Done 1', { exact: true })).toBeVisible();
		expect(await logCount(page)).toBeGreaterThan(saved);
		await page.keyboard.press('z');
		await expect(page.getByText('Done 0', { exact: true })).toBeVisible();
		expect((await currentQuestion(page)).id).toBe(answered.id);
		expect(await logCount(page)).toBe(saved);

		const rest = await finish(page, 'keyboard');
		expect(rest).toBeGreaterThan(0);
		await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
		await expect(page.getByText('Reviewed')).toBeVisible();
		await expect(page.getByRole('button', { name: /more new facts/ })).toBeVisible();
	}
);

test.describe('on a touch screen', () => {
	test.use({ hasTouch: true });
	test('a new learner studies by touch, with the rating bar in thumb reach', async ({ page }) => {
		await setNewPerDay(page, 5);
		await page.goto('/study');
		const q = await answerRightly(page, 'touch');
		// The rating bar sits at the bottom of the screen, each target at least 44 px.
		const viewport = page.viewportSize()!;
		for (const name of ['Again', 'Hard', 'Good', 'Easy']) {
			const box = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
			expect(box.height).toBeGreaterThanOrEqual(44);
			expect(box.width).toBeGreaterThanOrEqual(44);
			expect(box.y + box.height).toBeGreaterThan(viewport.height - 100);
		}
		// Read to the end of the feedback, then rate: the next question shows from its heading,
		// which has the focus (a screen reader reads it next).
		await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
		const scrolled = await page.evaluate(() => window.scrollY);
		const heading = page.locator('#question-heading');
		if (scrolled > 0) await expect(heading).not.toBeInViewport();
		await page.getByRole('button', { name: 'Good' }).tap();
		await expect(page.getByText('Done 1', { exact: true })).toBeVisible();
		expect((await currentQuestion(page)).id).not.toBe(q.id);
		await expect(heading).toBeFocused();
		await expect(heading).toBeInViewport();
		const answered = await finish(page, 'touch');
		expect(answered).toBeGreaterThan(3);
		await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
	});
});

test(
	'Shift+? lists the shortcuts and Esc leaves the session',
	{ tag: '@desktop' },
	async ({ page }) => {
		await page.goto('/study');
		await currentQuestion(page);
		await page.keyboard.press('?');
		await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
		await page.keyboard.press('Escape');
		await expect(page).toHaveURL('/');
	}
);

test('two tabs answering the same question at once both keep their review', async ({ context }) => {
	const [a, b] = [await context.newPage(), await context.newPage()];
	await a.goto('/study');
	await b.goto('/study');
	const qa = await currentQuestion(a);
	const qb = await currentQuestion(b);
	expect(qa.id).toBe(qb.id);
	await answerRightly(a, 'keyboard');
	await answerRightly(b, 'keyboard');
	await Promise.all([a.keyboard.press('Space'), b.keyboard.press('Space')]);
	await expect(a.getByText('Done 1', { exact: true })).toBeVisible();
	await expect(b.getByText('Done 1', { exact: true })).toBeVisible();
	await expect(a.getByRole('alert')).toHaveCount(0);
	await expect(b.getByRole('alert')).toHaveCount(0);
	expect(await logCount(a)).toBe(2 * qa.facts.length);
});

test('a letter beyond the options of the question picks nothing', async ({ page }) => {
	await page.goto('/study');
	const q = await currentQuestion(page);
	expect(q.type).toBe('mcq');
	await page.keyboard.press(String.fromCharCode(97 + (q.type === 'mcq' ? q.options.length : 0)));
	await page.keyboard.press('f');
	await expect(page.getByRole('group', { name: 'How well did you remember?' })).toBeHidden();
	await expect(page.locator('article[data-question-id] .chosen')).toHaveCount(0);
	await answerRightly(page, 'keyboard');
});

test("a returning learner's /study reads the built-in decks it kept, without fetching them", async ({
	browser
}) => {
	// No service worker: every request reaches the network, where it can be counted.
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	const fetched: string[] = [];
	page.on('request', (r) => {
		if (new URL(r.url()).pathname === '/decks.json') fetched.push(r.url());
	});
	await page.goto('/study');
	await answerRightly(page, 'keyboard');
	await page.keyboard.press('Space');
	await expect(page.getByText('Done 1', { exact: true })).toBeVisible();
	expect(fetched).toHaveLength(1);
	await page.reload();
	await expect(page.locator('html[data-hydrated] article[data-question-id]')).toBeVisible();
	expect(fetched).toHaveLength(1);
	// Its explanations still come after an answer.
	await answerRightly(page, 'keyboard');
	await expect(page.locator('#verdict')).toBeVisible();
	await context.close();
});
