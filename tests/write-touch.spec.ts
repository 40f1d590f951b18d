// A fact made by touch on /write (the phone project only: it has a touch screen). The finger is
// real touch input (CDP Input.dispatchTouchEvent: touchstart, touchmoves along the line,
// touchend) and "Make a fact" is tapped. Headless Chromium makes no long press of CDP touch input
// (neither dispatched touches held still nor Input.synthesizeTapGesture with a duration give a
// long press, a context menu or a selection), so the selection a phone draws under the finger
// is set at each move from the point under it (caretRangeFromPoint), as the platform's handle
// does; what the page does with it (selectionchange, offsets, touch events on the article, a tap
// that must not lose the selection) is the app's own.
import { test, expect } from './fixtures';
import { WRITE_ARTICLE } from './write-helpers';
import type { Page } from '@playwright/test';

/** The screen point at the start (or end) of `words` in the rendered article. */
const pointOf = (page: Page, words: string, at: 'start' | 'end') =>
	page.evaluate(
		([words, at]) => {
			const walker = document.createTreeWalker(
				document.querySelector('.article')!,
				NodeFilter.SHOW_TEXT
			);
			while (walker.nextNode()) {
				const node = walker.currentNode as Text;
				const i = node.data.indexOf(words);
				if (i === -1) continue;
				const range = document.createRange();
				const k = at === 'start' ? i : i + words.length - 1;
				range.setStart(node, k);
				range.setEnd(node, k + 1);
				const box = range.getBoundingClientRect();
				return { x: at === 'start' ? box.left + 1 : box.right - 1, y: box.top + box.height / 2 };
			}
			throw new Error(`not in the article: ${words}`);
		},
		[words, at] as const
	);

test('a fact made by touch: a drag over words selects them, a tap makes the fact', async ({
	page
}) => {
	await page.goto('/write');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await page.getByRole('button', { name: 'New deck' }).tap();
	await page.getByLabel('Deck title').fill('Economy notes');
	await page.getByLabel(/^Article text/).fill(WRITE_ARTICLE);
	await page.getByRole('button', { name: 'Next: facts' }).tap();
	await page.locator('.reader').scrollIntoViewIfNeeded();

	const from = await pointOf(page, 'Inflation stood', 'start');
	const to = await pointOf(page, 'January 2026', 'end');
	const cdp = await page.context().newCDPSession(page);
	await page.evaluate(() => {
		const seen: string[] = ((window as unknown as { touches: string[] }).touches = []);
		for (const type of ['touchstart', 'touchmove', 'touchend'])
			document.addEventListener(type, () => seen.push(type), { passive: true });
	});
	const finger = (type: string, p?: { x: number; y: number }) =>
		cdp.send('Input.dispatchTouchEvent', {
			type: type as 'touchStart',
			touchPoints: p ? [{ x: p.x, y: p.y, id: 1 }] : []
		});
	/** The selection from where the finger went down to the point under it now. */
	const follow = (p: { x: number; y: number }) =>
		page.evaluate(
			([a, b]) => {
				const start = document.caretRangeFromPoint(a.x, a.y)!;
				const end = document.caretRangeFromPoint(b.x, b.y)!;
				document
					.getSelection()!
					.setBaseAndExtent(
						start.startContainer,
						start.startOffset,
						end.startContainer,
						end.startOffset
					);
			},
			[from, p] as const
		);
	await finger('touchStart', from);
	for (let k = 1; k <= 6; k++) {
		const p = { x: from.x + ((to.x - from.x) * k) / 6, y: from.y + ((to.y - from.y) * k) / 6 };
		await finger('touchMove', p);
		await follow(p);
	}
	await finger('touchEnd');
	expect(
		await page.evaluate(() => [...new Set((window as unknown as { touches: string[] }).touches)])
	).toEqual(['touchstart', 'touchmove', 'touchend']);
	await expect(page.locator('#selection-status')).toHaveText(
		'Selected: “Inflation stood at 1.3 per cent in January 2026”'
	);

	// Tapped, "Make a fact" takes the selection (a tap elsewhere does not drop it).
	await page.getByRole('button', { name: 'Make a fact' }).tap();
	await expect(page.getByRole('heading', { name: 'Fact 1' })).toBeVisible();
	await expect(page.locator('.fact .quote q')).toHaveText(
		'Inflation stood at 1.3 per cent in January 2026'
	);
	await page
		.getByLabel(/^Statement/)
		.fill('Inflation in India stood at 1.3 per cent in January 2026.');
	await page.getByRole('button', { name: 'Done' }).tap();
	await expect(
		page.getByRole('button', { name: 'Fact: Inflation stood at 1.3 per cent in January 2026' })
	).toBeVisible();
});
