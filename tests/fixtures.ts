import { test as base, expect, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

/** axe-core's violations on the current page, one line each. */
async function violations(page: Page, exclude: readonly string[] = []): Promise<string[]> {
	const builder = new AxeBuilder({ page });
	for (const selector of exclude) builder.exclude(selector);
	const results = await builder
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		// Only violations are needed: details of every passing node cost seconds on long pages.
		.options({ resultTypes: ['violations'] })
		.analyze();
	return results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
}

/**
 * `axe()` runs axe-core on the current page and returns its violations (WCAG 2.2 AA rules),
 * leaving out the parts named by `exclude` (CSS selectors). The theme is the project's: light on
 * Desktop Chrome, dark on Pixel 7 (playwright.config.ts), so every page is checked in both.
 */
export const test = base.extend<{ axe: (exclude?: readonly string[]) => Promise<string[]> }>({
	axe: async ({ page }, use) => {
		await use((exclude = []) => violations(page, exclude));
	}
});

export { expect };
