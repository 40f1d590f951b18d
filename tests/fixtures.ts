import { test as base, expect } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

/** `axe()` runs axe-core on the current page and returns its violations (WCAG 2.2 AA rules). */
export const test = base.extend<{ axe: () => Promise<string[]> }>({
	axe: async ({ page }, use) => {
		await use(async () => {
			const results = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
				.analyze();
			return results.violations.map(
				(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
			);
		});
	}
});

export { expect };
