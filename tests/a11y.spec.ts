// axe-core finds no violation on any page, in the light and the dark theme.
import { test, expect } from './fixtures';

// The deck page holds every question of the deck (~4000 elements): axe needs ~16 s for it on
// this 2-core machine, more with two workers, so it gets the slow-test allowance.
const pages = [
	{ path: '/', ready: 'Decks', slow: false },
	{ path: '/deck/india-us-2026-01', ready: 'India–U.S. relations', slow: true },
	{ path: '/settings', ready: 'Settings', slow: false }
];

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`${colorScheme} theme`, () => {
		test.use({ colorScheme });
		for (const { path, ready, slow } of pages) {
			test(`${path} has no axe violations`, async ({ page, axe }) => {
				test.slow(slow);
				await page.goto(path);
				await expect(page.getByRole('heading', { level: 1 })).toContainText(ready);
				expect(await axe()).toEqual([]);
			});
		}
	});
}
