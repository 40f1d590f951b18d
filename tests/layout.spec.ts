// Phone layout: no page is wider than a 320 or 412 px screen in either theme; /stats keeps its
// topics and chart labels inside their cards, its chart text at 12 px or more and its empty
// calendar cells visible (3:1); the test's timer bar has an edge and the question shows above the
// fold after Start; disabled buttons look disabled; /study opened directly paints no focus ring.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { walkDraft } from './write-helpers';

const routes = [
	'/',
	'/deck/india-us-2026-01',
	'/read/india-us-2026-01',
	'/read',
	'/decks',
	'/decks/view',
	'/browse',
	'/classroom',
	'/join',
	'/present',
	'/print',
	'/settings',
	'/stats',
	'/study',
	'/test',
	'/write'
];

/**
 * How far the page is wider than a screen `width` px wide (0 or less when it fits). Not
 * against innerWidth: on a phone a page too wide widens the layout viewport to its width.
 */
const overflow = (page: Page, width: number) =>
	page.evaluate((width) => document.documentElement.scrollWidth - width, width);

for (const colorScheme of ['light', 'dark'] as const)
	for (const width of [320, 412])
		test(`every page fits a ${width} px phone in the ${colorScheme} theme`, async ({ page }) => {
			test.slow();
			await page.emulateMedia({ colorScheme });
			await page.setViewportSize({ width, height: 800 });
			const wide: string[] = [];
			for (const route of routes) {
				await page.goto(route);
				await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
				// Pages that fill in from storage: wait for what they add.
				if (route === '/stats') await expect(page.getByText('Mastery by topic')).toBeVisible();
				if (route === '/study')
					await expect(page.locator('article[data-question-id]')).toBeVisible();
				if (route === '/test')
					await expect(page.getByRole('button', { name: 'Start test' })).toBeVisible();
				const over = await overflow(page, width);
				if (over > 0) wide.push(`${route}: ${over} px too wide`);
			}
			expect(wide).toEqual([]);
		});

for (const width of [320, 412])
	test(`every step of the editor fits a ${width} px phone`, async ({ page }) => {
		test.slow();
		await page.setViewportSize({ width, height: 800 });
		const wide: string[] = [];
		await walkDraft(page, async (step) => {
			const over = await overflow(page, width);
			if (over > 0) wide.push(`${step}: ${over} px too wide`);
		});
		expect(wide).toEqual([]);
	});

/** The WCAG contrast ratio of two CSS colours (rgb() strings), computed in the page. */
function contrast(page: Page, selector: string, property: 'stroke' | 'fill') {
	return page.evaluate(
		([selector, property]) => {
			const lum = (css: string) => {
				const c = document.createElement('canvas').getContext('2d')!;
				c.fillStyle = css;
				c.fillRect(0, 0, 1, 1);
				const [r, g, b] = c.getImageData(0, 0, 1, 1).data;
				const f = (v: number) =>
					v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4;
				return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
			};
			const cell = document.querySelector(selector)!;
			const card = cell.closest('section')!;
			const a = lum(getComputedStyle(cell)[property]);
			const b = lum(getComputedStyle(card).backgroundColor);
			return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
		},
		[selector, property] as const
	);
}

for (const width of [320, 412])
	test(`/stats on a ${width} px phone: topics, chart labels and calendar fit and can be read`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height: 800 });
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			await page.goto('/stats');
			const topics = page.getByRole('region', { name: 'Mastery by topic' });
			await expect(topics.getByRole('row')).not.toHaveCount(0);
			expect(await overflow(page, width)).toBeLessThanOrEqual(0);

			// Every Study button inside the topics' card.
			const card = await topics.boundingBox();
			const links = topics.getByRole('link', { name: /^Study / });
			for (let i = 0; i < (await links.count()); i++) {
				const box = (await links.nth(i).boundingBox())!;
				expect(box.x + box.width).toBeLessThanOrEqual(card!.x + card!.width);
			}

			// Chart text: every axis label inside its chart, 12 px or more as drawn on screen.
			const labels = await page.locator('figure svg').evaluateAll((svgs) =>
				svgs.flatMap((svg) => {
					const frame = svg.getBoundingClientRect();
					const scale = frame.width / (svg as SVGSVGElement).viewBox.baseVal.width;
					return [...svg.querySelectorAll('text')].map((t) => {
						const box = t.getBoundingClientRect();
						return {
							text: t.textContent,
							inside: box.left >= frame.left && box.right <= frame.right,
							px: parseFloat(getComputedStyle(t).fontSize) * scale
						};
					});
				})
			);
			expect(labels[0].text).toBe('Today');
			expect(labels.filter((l) => !l.inside)).toEqual([]);
			expect(labels.filter((l) => l.px < 12)).toEqual([]);

			// An empty calendar day stands out from the card (non-text contrast, 3:1).
			expect(await contrast(page, 'svg rect.l0', 'stroke')).toBeGreaterThanOrEqual(3);
		}
	});

test('the test on a 320 px phone: the question starts above the fold, under a bar with an edge', async ({
	page
}) => {
	await page.setViewportSize({ width: 320, height: 568 });
	await page.goto('/test');
	await page.getByRole('button', { name: 'Start test' }).click();
	const bar = page.locator('.exam .bar');
	await expect(page.getByRole('timer')).toBeVisible();
	const heading = page.getByRole('heading', { name: /^Question 1 of/ });
	const prompt = page.locator('article[data-question-id] .prompt').first();
	const fold = 568;
	const barBox = (await bar.boundingBox())!;
	const headingBox = (await heading.boundingBox())!;
	expect(headingBox.y).toBeGreaterThanOrEqual(barBox.y + barBox.height);
	expect((await prompt.boundingBox())!.y).toBeLessThan(fold);

	// The bar is opaque, has an edge, and covers the card from side to side as it passes under.
	const look = await bar.evaluate((el) => {
		const s = getComputedStyle(el);
		const b = el.getBoundingClientRect();
		return {
			edge: parseFloat(s.borderBottomWidth) > 0 || s.boxShadow !== 'none',
			opaque: !/rgba\(.*, 0\)|transparent/.test(s.backgroundColor),
			wide: b.left <= 0 && b.right >= window.innerWidth
		};
	});
	expect(look).toEqual({ edge: true, opaque: true, wide: true });
	await page.mouse.wheel(0, 300);
	await expect.poll(async () => (await bar.boundingBox())!.y).toBe(0);
});

/** What makes a button look usable or not. */
const looks = (page: Page, name: string | RegExp) =>
	page.getByRole('button', { name, exact: typeof name === 'string' }).evaluate((el) => {
		const s = getComputedStyle(el);
		return { cursor: s.cursor, color: s.color, background: s.backgroundColor };
	});

test('disabled buttons look disabled: Previous on the first question, Undo before an answer', async ({
	page
}) => {
	await page.goto('/test?seed=look&n=2&types=mcq&mode=practice');
	await page.getByRole('button', { name: 'Start test' }).click();
	await expect(page.getByRole('button', { name: 'Previous' })).toBeDisabled();
	const previous = await looks(page, 'Previous');
	const enabled = await looks(page, 'Mark for review & next');
	expect(previous.cursor).toBe('not-allowed');
	expect(enabled.cursor).toBe('pointer');
	expect(previous.background).not.toBe(enabled.background);
	expect(previous.color).not.toBe(enabled.color);

	await page.goto('/study');
	await expect(page.locator('article[data-question-id]')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
	const undo = await looks(page, 'Undo');
	expect(undo.cursor).toBe('not-allowed');
	expect(undo.background).not.toBe((await looks(page, 'Keyboard shortcuts')).background);
});

test(
	'on the projector, Reveal after revealing and Next on the answer key look disabled',
	{ tag: '@desktop' },
	async ({ page }) => {
		await page.goto('/present?seed=look&n=1&mode=practice&types=mcq&time=none');
		await expect(page.getByRole('heading', { name: 'Class quiz: 1 questions' })).toBeVisible();
		await page.keyboard.press('ArrowRight');
		await expect(page.getByText('Question 1 of 1')).toBeVisible();
		await page.keyboard.press('r');
		await expect(page.getByRole('button', { name: 'Reveal (R)' })).toBeDisabled();
		const reveal = await looks(page, 'Reveal (R)');
		const enabled = await looks(page, 'Full screen (F)');
		expect(reveal.cursor).toBe('not-allowed');
		expect(reveal.background).not.toBe(enabled.background);

		await page.keyboard.press('ArrowRight');
		await expect(page.getByRole('heading', { name: 'Answer key' })).toBeVisible();
		const next = page.getByRole('button', { name: /→$/ });
		await expect(next).toBeDisabled();
		const primary = await looks(page, /^← Back$/);
		const nextLook = await next.evaluate((el) => getComputedStyle(el).cursor);
		expect(nextLook).toBe('not-allowed');
		expect(primary.cursor).toBe('pointer');
	}
);

test('/study opened directly focuses the question without painting a ring', async ({ page }) => {
	await page.goto('/study');
	await expect(page.locator('article[data-question-id]')).toBeVisible();
	const heading = page.locator('#question-heading');
	await expect(heading).toBeFocused();
	expect(await heading.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('none');
});
