// axe-core finds no violation on any page, in the light theme (Desktop Chrome) and the dark one
// (Pixel 7), including the study screen after an answer and the test screen with its results;
// the chosen theme applies before the first paint; reduced motion is respected.
import { test, expect } from './fixtures';
import { QUESTION_TYPES } from '../src/lib/bank/schema';
import { answerRightly, deck } from './study-helpers';
import { walkDraft } from './write-helpers';

// The deck page holds every question of the deck (~4000 elements), the same markup 118 times:
// axe checks the page with the first question of each type (all the markup there is) and leaves
// out the rest, which otherwise costs it 20–40 s a theme on this 2-core machine.
const onePerType = new Set(QUESTION_TYPES.map((t) => deck.questions.find((q) => q.type === t)!.id));
const repeats = deck.questions.filter((q) => !onePerType.has(q.id)).map((q) => `[id="${q.id}"]`);

const pages = [
	{ path: '/', ready: 'Decks', slow: false },
	{ path: '/deck/india-us-2026-01', ready: 'India–U.S. relations', slow: true },
	{ path: '/read/india-us-2026-01', ready: 'India–U.S. relations', slow: false },
	{ path: '/read?deck=no-such-deck', ready: 'Deck not found', slow: false },
	{ path: '/settings', ready: 'Settings', slow: false },
	{ path: '/browse', ready: 'Browse facts', slow: false },
	{ path: '/study', ready: 'Study', slow: false },
	{ path: '/test', ready: 'Mock test', slow: false },
	{ path: '/decks', ready: 'Your decks', slow: false },
	{ path: '/classroom', ready: 'Classroom quiz', slow: false },
	{ path: '/stats', ready: 'Statistics', slow: false },
	{ path: '/write', ready: 'Write a deck', slow: false }
];

test.describe('axe', { tag: '@both' }, () => {
	for (const { path, ready, slow } of pages) {
		test(`${path} has no axe violations`, async ({ page, axe }) => {
			test.slow(slow);
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1 })).toContainText(ready);
			if (path === '/study') await expect(page.locator('article[data-question-id]')).toBeVisible();
			if (path === '/browse') await expect(page.getByText(/^\d+ facts?$/)).toBeVisible();
			if (path === '/classroom')
				await expect(page.getByRole('button', { name: 'Present' })).toBeVisible();
			if (path === '/decks') await expect(page.getByText('None yet.')).toBeVisible();
			if (path === '/stats') await expect(page.getByText('Mastery by topic')).toBeVisible();
			if (path === '/write') await expect(page.getByText('No drafts yet.')).toBeVisible();
			expect(await axe(path.startsWith('/deck/') ? repeats : [])).toEqual([]);
		});
	}

	test('every step of the editor (/write) has no axe violations', async ({ page, axe }) => {
		test.slow();
		const found: string[] = [];
		await walkDraft(page, async (step) => {
			found.push(...(await axe()).map((v) => `${step}: ${v}`));
		});
		expect(found).toEqual([]);
	});

	test('the test screen and its results have no axe violations', async ({ page, axe }) => {
		await page.goto('/test?seed=axe&n=2&types=mcq,statements&mode=exam');
		await page.getByRole('button', { name: 'Start test' }).click();
		await expect(page.getByRole('timer')).toBeVisible();
		await page
			.getByRole('list', { name: /^Options/ })
			.getByRole('button')
			.first()
			.click();
		expect(await axe()).toEqual([]);
		await page.getByRole('button', { name: 'Submit test' }).click();
		await page.getByRole('button', { name: 'Yes, submit' }).click();
		await expect(page.getByRole('heading', { name: /^Score:/ })).toBeVisible();
		expect(await axe()).toEqual([]);
	});

	test('the study screen after an answer has no axe violations', async ({ page, axe }) => {
		await page.goto('/study');
		await answerRightly(page, 'keyboard');
		await expect(page.locator('#verdict')).toBeVisible();
		expect(await axe()).toEqual([]);
	});
});

test(
	'the theme switch cycles system, light, dark and the choice applies before paint',
	{ tag: '@both' },
	async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'light' });
		await page.goto('/');
		const toggle = page.getByRole('button', { name: /^Theme: / });
		await expect(toggle).toHaveAccessibleName('Theme: System');
		await toggle.click();
		await expect(toggle).toHaveAccessibleName('Theme: Light');
		await toggle.click();
		await expect(toggle).toHaveAccessibleName('Theme: Dark');
		const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		expect(await bg()).toBe('rgb(22, 24, 29)');
		// On reload, the inline script in <head> sets the theme before the body exists.
		await page.addInitScript(() => {
			document.addEventListener('readystatechange', () => {
				if (document.readyState === 'interactive')
					(window as unknown as { themeAtParse: string }).themeAtParse =
						document.documentElement.dataset.theme ?? 'none';
			});
		});
		await page.reload();
		expect(
			await page.evaluate(() => (window as unknown as { themeAtParse: string }).themeAtParse)
		).toBe('dark');
		expect(await bg()).toBe('rgb(22, 24, 29)');
		await toggle.click();
		await expect(toggle).toHaveAccessibleName('Theme: System');
		expect(await bg()).toBe('rgb(247, 245, 240)');
	}
);

test('motion is reduced when the system asks for it', { tag: '@both' }, async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto('/study');
	await expect(page.locator('article[data-question-id]')).toBeVisible();
	const duration = await page.evaluate(
		() => getComputedStyle(document.querySelector('button')!).transitionDuration
	);
	expect(parseFloat(duration)).toBeLessThanOrEqual(0.00001);
});
