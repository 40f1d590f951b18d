/**
 * /study is prerendered with a new learner's first question (see src/lib/session/preview.ts):
 * on screen before any script runs, the question the app then asks, and never shown to a
 * learner whose stored answers may give another.
 */
import { expect, test, type Page } from '@playwright/test';
import { PREVIEW_DOM, PREVIEW_KEY } from '../src/lib/session/preview';
import { answerRightly, currentQuestion } from './study-helpers';

// Requests are held back with page.route, which a service worker would bypass.
test.use({ serviceWorkers: 'block' });

const preview = (page: Page) => page.locator(`article[${PREVIEW_DOM.question}]`);
const loading = (page: Page) => page.getByText('Loading your reviews…');

/** Hold back the app's scripts until the returned function is called. */
async function holdScripts(page: Page): Promise<() => void> {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	return release;
}

test('without any script, a new learner sees the first question; the app then asks that one', async ({
	browser
}) => {
	const noScript = await browser.newContext({ javaScriptEnabled: false });
	const bare = await noScript.newPage();
	await bare.goto('/study');
	await expect(preview(bare)).toBeVisible();
	await expect(preview(bare).locator('.prompt')).not.toBeEmpty();
	await expect(loading(bare)).toBeHidden();
	const id = await preview(bare).getAttribute(PREVIEW_DOM.question);
	expect(id).toBeTruthy();
	await noScript.close();

	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	await page.goto('/study');
	await expect(page.locator('article[data-question-id]')).toHaveAttribute('data-question-id', id!);
	await expect(preview(page)).toHaveCount(0);
	await expect(page.locator('article[data-question-id]')).not.toHaveAttribute('aria-busy', 'true');
	await context.close();
});

test('an option picked on the preview, before the session has started, is answered when it has', async ({
	page
}) => {
	// The page hydrates, but its session waits for the decks.
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/decks.json', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/study');
	await expect(preview(page)).toHaveAttribute('aria-busy', 'true');
	const options = preview(page)
		.getByRole('list', { name: /^Options/ })
		.getByRole('button');
	// Hydrated: a tap on an option now is kept (before hydration a tap would do nothing).
	await expect(async () => {
		await options.nth(0).click();
		await expect(options.nth(0)).toHaveClass(/chosen/, { timeout: 500 });
	}).toPass();
	await expect(page.getByRole('group', { name: 'How well did you remember?' })).toBeHidden();
	release();
	await expect(page.getByRole('group', { name: 'How well did you remember?' })).toBeVisible();
	// The option tapped is the answer given.
	const live = page.locator('article[data-question-id]').getByRole('button');
	await expect(live.nth(0)).toHaveClass(/chosen/);
	await expect(live.nth(0)).toContainText(/Your answer|Right answer/);
});

test('an option tapped before any script has run is shown as chosen and answered once the session starts', async ({
	page
}) => {
	const release = await holdScripts(page);
	await page.goto('/study', { waitUntil: 'domcontentloaded' });
	const options = preview(page)
		.getByRole('list', { name: /^Options/ })
		.getByRole('button');
	await options.nth(2).click();
	await expect(options.nth(2)).toHaveClass(/chosen/);
	await expect(options.nth(0)).not.toHaveClass(/chosen/);
	release();
	await expect(page.getByRole('group', { name: 'How well did you remember?' })).toBeVisible();
	const live = page.locator('article[data-question-id]').getByRole('button');
	await expect(live.nth(2)).toHaveClass(/chosen/);
	await expect(live.nth(2)).toContainText(/Your answer|Right answer/);
	await expect(live.nth(0)).not.toHaveClass(/chosen/);
});

test('a letter pressed before any script has run picks that option', async ({ page }) => {
	const release = await holdScripts(page);
	await page.goto('/study', { waitUntil: 'domcontentloaded' });
	const options = preview(page)
		.getByRole('list', { name: /^Options/ })
		.getByRole('button');
	await expect(options.nth(1)).toBeVisible();
	await page.keyboard.press('b');
	await expect(options.nth(1)).toHaveClass(/chosen/);
	// A letter beyond the options changes nothing.
	await page.keyboard.press('f');
	await expect(options.nth(1)).toHaveClass(/chosen/);
	release();
	const live = page.locator('article[data-question-id]').getByRole('button');
	await expect(live.nth(1)).toContainText(/Your answer|Right answer/);
});

test('after an answer, the next visit shows "Loading" until it has read the queue, not the preview', async ({
	page
}) => {
	await page.goto('/study');
	const first = await answerRightly(page, 'touch');
	await page.getByRole('button', { name: 'Good' }).click();
	await expect(page.getByText('Done 1')).toBeVisible();

	const release = await holdScripts(page);
	await page.goto('/study', { waitUntil: 'domcontentloaded' });
	await expect(loading(page)).toBeVisible();
	await expect(preview(page)).toBeHidden();
	release();
	const next = await currentQuestion(page);
	expect(next.id).not.toBe(first.id);
	await expect(loading(page)).toBeHidden();

	// Having read the queue, the page keeps the mark: the learner has answered.
	await page.unrouteAll();
	const again = await holdScripts(page);
	await page.goto('/study', { waitUntil: 'domcontentloaded' });
	await expect(loading(page)).toBeVisible();
	await expect(preview(page)).toBeHidden();
	again();
	await currentQuestion(page);
});

test('a mark with nothing stored (after a reset) is removed once /study has read storage', async ({
	page
}) => {
	await page.goto('/study');
	await expect(page.locator('article[data-question-id]')).toBeVisible();
	await page.evaluate((key) => localStorage.setItem(key, 'reset'), PREVIEW_KEY);
	await page.reload();
	await expect(page.locator('article[data-question-id]')).toBeVisible();
	await expect
		.poll(() => page.evaluate((key) => localStorage.getItem(key), PREVIEW_KEY))
		.toBeNull();

	const release = await holdScripts(page);
	await page.goto('/study', { waitUntil: 'domcontentloaded' });
	await expect(preview(page)).toBeVisible();
	await expect(loading(page)).toBeHidden();
	release();
	await expect(page.locator('article[data-question-id]')).toBeVisible();
});

test('a deck, topic or list of facts never shows the preview', async ({ page }) => {
	const release = await holdScripts(page);
	await page.goto('/study?topic=trade', { waitUntil: 'domcontentloaded' });
	await expect(loading(page)).toBeVisible();
	await expect(preview(page)).toBeHidden();
	release();
	await expect(
		page.locator('article[data-question-id], .summary, [role=alert]').first()
	).toBeVisible();
});
