import { test as base, expect, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

/** axe-core's violations on the current page, one line each. */
async function violations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		// Only violations are needed: details of every passing node cost seconds on long pages.
		.options({ resultTypes: ['violations'] })
		.analyze();
	return results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
}

/**
 * `axe()` runs axe-core on the current page and returns its violations (WCAG 2.2 AA rules);
 * `axeThemes()` does so in the light and then the dark theme (the page follows the system's),
 * each line prefixed with its theme.
 */
export const test = base.extend<{
	axe: () => Promise<string[]>;
	axeThemes: () => Promise<string[]>;
}>({
	axe: async ({ page }, use) => {
		await use(() => violations(page));
	},
	axeThemes: async ({ page }, use) => {
		await use(async () => {
			const out: string[] = [];
			for (const colorScheme of ['light', 'dark'] as const) {
				await page.emulateMedia({ colorScheme });
				out.push(...(await violations(page)).map((v) => `${colorScheme}: ${v}`));
			}
			return out;
		});
	}
});

export { expect };
