// The reading view (/read/<deck>): a deck's article as text with exactly its facts' quotes
// highlighted (overlapping and nested ones too); a highlight opens its facts, their memory and
// questions, by pointer or by keyboard alone; "Study this fact" asks a question on that fact;
// an own deck imported through /decks reads the same; an unknown deck says so. Axe in both themes.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { TEMPLATE_DECK, TEMPLATE_SOURCE } from '../src/lib/bank/csv-template';
import { deckToJson } from '../src/lib/bank/deck-json';
import type { Deck } from '../src/lib/bank/schema';
import { currentQuestion, deck } from './study-helpers';

/** Text as quotes are compared: curly quotes straight, whitespace left out. */
const bare = (s: string) =>
	s
		.replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
		.replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
		.replace(/\s+/g, '');

const highlights = (page: Page) => page.getByRole('button', { name: /^(Fact|\d+ facts): / });

/** Per fact id, the text of the highlights naming it, joined in reading order. */
async function highlightedQuotes(page: Page): Promise<Record<string, string>> {
	await expect(highlights(page).first()).toBeVisible();
	const marks = await page
		.locator('[data-ids]')
		.evaluateAll((els) => els.map((e) => [e.getAttribute('data-ids')!, e.textContent!] as const));
	const out: Record<string, string> = {};
	for (const [ids, text] of marks)
		for (const id of ids.split(' ')) out[id] = (out[id] ?? '') + text;
	return out;
}

/** Every fact of `d` is highlighted, with exactly its quote, and nothing else is. */
async function expectExactlyTheQuotes(page: Page, d: Deck) {
	const marked = await highlightedQuotes(page);
	expect(Object.keys(marked).sort()).toEqual(d.facts.map((f) => f.id).sort());
	for (const f of d.facts) expect(bare(marked[f.id]), f.id).toBe(bare(f.quote));
}

test.describe('reading a deck', { tag: '@both' }, () => {
	test("the built-in deck's article highlights exactly its facts' quotes, axe clean", async ({
		page,
		axe
	}) => {
		await page.goto(`/read/${deck.id}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(deck.title);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await expectExactlyTheQuotes(page, deck);
		// The article keeps its paragraphs: a line of the source is a paragraph.
		await expect(page.locator('.article > p').first()).toHaveText(deck.source.title);
		// A nested quote (a table row's start inside the whole row) is a highlight naming both.
		const outer = deck.facts.find((o) =>
			deck.facts.some((i) => i !== o && o.quote.startsWith(i.quote))
		)!;
		const inner = deck.facts.find((i) => i !== outer && outer.quote.startsWith(i.quote))!;
		const both = page.locator(`[data-ids~="${inner.id}"][data-ids~="${outer.id}"]`);
		await expect(both).toHaveAccessibleName(`2 facts: ${inner.quote}`);
		await expect(page.getByRole('link', { name: 'Study this article' })).toHaveAttribute(
			'href',
			`/study?deck=${deck.id}`
		);
		expect(await axe()).toEqual([]);
	});

	test('a highlight opens its fact, memory and questions; "Study this fact" asks on it', async ({
		page,
		axe
	}) => {
		await page.goto(`/read/${deck.id}`);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		const fact = deck.facts.find((f) => f.volatile) ?? deck.facts[0];
		const mark = page
			.locator('[data-ids]')
			.filter({ hasText: fact.quote.slice(-12) })
			.last();
		await mark.click();
		const panel = page.getByRole('dialog');
		await expect(panel).toBeVisible();
		const section = panel.getByRole('region', { name: fact.statement });
		await expect(section).toBeVisible();
		await expect(section.locator('blockquote')).toHaveText(fact.quote);
		await expect(section).toContainText('As of 13 January 2026');
		if (fact.volatile) await expect(section).toContainText('Figure may change');
		for (const t of fact.topics)
			await expect(section).toContainText(deck.topics.find((x) => x.id === t)!.label);
		await expect(section).toContainText('New: not studied yet');
		const questions = deck.questions.filter((q) => q.facts.includes(fact.id));
		await expect(section.getByRole('listitem')).toHaveCount(questions.length);
		await expect(section.getByRole('listitem').first()).toContainText(questions[0].prompt);
		expect(await axe()).toEqual([]);

		await section.getByRole('link', { name: /^Study this fact/ }).click();
		await expect(page).toHaveURL(/\/study\?facts=/);
		const q = await currentQuestion(page);
		expect(q.facts).toContain(fact.id);
	});

	test('by keyboard alone: Tab to a highlight, arrows between them, Enter opens, Esc returns', async ({
		page
	}) => {
		await page.goto(`/read/${deck.id}`);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		const all = highlights(page);
		await expect(all.first()).toBeVisible();
		for (let i = 0; i < 20; i++) {
			await page.keyboard.press('Tab');
			if (await all.first().evaluate((e) => e === document.activeElement)) break;
		}
		await expect(all.first()).toBeFocused();
		await page.keyboard.press('ArrowRight');
		await expect(all.nth(1)).toBeFocused();
		await page.keyboard.press('Tab');
		await expect(all.nth(2)).toBeFocused();
		await page.keyboard.press('ArrowLeft');
		await expect(all.nth(1)).toBeFocused();
		const ids = (await all.nth(1).getAttribute('data-ids'))!.split(' ');
		const fact = deck.facts.find((f) => f.id === ids[0])!;

		await page.keyboard.press('Enter');
		const panel = page.getByRole('dialog');
		await expect(panel).toBeVisible();
		await expect(panel.getByRole('heading', { name: fact.statement })).toBeVisible();
		// The panel is announced from its top: its heading takes the focus.
		await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(panel).toBeHidden();
		await expect(all.nth(1)).toBeFocused();

		await page.keyboard.press(' ');
		await expect(panel).toBeVisible();
		const study = panel.getByRole('link', { name: `Study this fact: ${fact.statement}` });
		for (let i = 0; i < 20 && !(await study.evaluate((e) => e === document.activeElement)); i++)
			await page.keyboard.press('Tab');
		await expect(study).toBeFocused();
		await page.keyboard.press('Enter');
		expect((await currentQuestion(page)).facts).toContain(fact.id);
	});

	test('an own deck imported through /decks reads the same, from its "Read the article" link', async ({
		page,
		axe
	}) => {
		await page.goto('/decks');
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.getByLabel('Deck file to import').setInputFiles({
			name: 'own.json',
			mimeType: 'application/json',
			buffer: Buffer.from(deckToJson(TEMPLATE_DECK, TEMPLATE_SOURCE))
		});
		await page.getByRole('button', { name: 'Add deck' }).click();
		const item = page.getByRole('listitem').filter({ hasText: TEMPLATE_DECK.title });
		await item.getByRole('link', { name: 'Read the article' }).click();
		await expect(page).toHaveURL(`/read?deck=${TEMPLATE_DECK.id}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEMPLATE_DECK.title);
		await expectExactlyTheQuotes(page, TEMPLATE_DECK);
		await highlights(page).first().click();
		await expect(page.getByRole('dialog')).toContainText('New: not studied yet');
		expect(await axe()).toEqual([]);
	});

	test('every deck links to its article: the dashboard, Your decks and the deck page', async ({
		page
	}) => {
		await page.goto('/');
		const card = page.getByRole('article', { name: deck.title });
		await card.getByRole('link', { name: `Read the article of ${deck.title}` }).click();
		await expect(page).toHaveURL(`/read/${deck.id}`);
		await page.goto(`/deck/${deck.id}`);
		await page.getByRole('link', { name: 'Read the article' }).click();
		await expect(page).toHaveURL(`/read/${deck.id}`);
		await page.goto('/decks');
		await page.getByRole('link', { name: 'Read the article' }).first().click();
		await expect(page).toHaveURL(`/read/${deck.id}`);
		// A built-in deck's id on the own-deck address leads to its page.
		await page.goto(`/read?deck=${deck.id}`);
		await expect(page).toHaveURL(`/read/${deck.id}`);
	});

	test('an unknown deck id says it is not found', async ({ page }) => {
		await page.goto('/read?deck=no-such-deck');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deck not found');
		await expect(page.getByText('No deck on this device has the id “no-such-deck”.')).toBeVisible();
		await page.goto('/read');
		await expect(page.getByText('This link names no deck to read.')).toBeVisible();
		// A long id is cut short and wraps: the page stays as wide as the screen.
		await page.goto(`/read?deck=${'x'.repeat(300)}`);
		await expect(page.getByText(`“${'x'.repeat(60)}…”`)).toBeVisible();
		const width = page.viewportSize()!.width;
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			width
		);
	});
});
