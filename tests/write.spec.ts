// Writing a deck in the app (/write): paste an article, make facts by pointer and by keyboard
// (sentence by sentence), meet refusals (nothing selected, across paragraphs), a lint error and
// a draft's placeholders and fix them, make ten questions of eight types (true/false,
// statements, pairs, assertion–reason and Statement-I/II, mcq, cloze blanked by selecting its
// words, number, order), undo and redo, reload mid-edit and find everything, publish, read
// the article with exactly its quotes marked, study a question, export JSON and import it back
// equal, reopen it with "Edit" and restate a studied fact (same or new). Files refused and read,
// a quote lost by an article edit flagged and mended, "Copy to edit", a draft deleted.
import { test, expect } from './fixtures';
import { answerRightly } from './study-helpers';
import { addFiveMoreTypes, addQuestionOf, questionEditor, writeFact } from './write-helpers';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';

const ARTICLE = `India and the United States signed a trade pact on 2 February 2026. The pact cuts the tariff on Indian textiles to 18 per cent.

The Reserve Bank of India held its repo rate at 5.25 per cent on 6 February 2026. Inflation stood at 1.3 per cent in January 2026.

The Union Budget for 2026-27 was presented on 1 February 2026. It set the fiscal deficit target at 4.4 per cent of GDP.`;

const STATEMENTS = [
	'India and the United States signed a trade pact on 2 February 2026.',
	'The India–US trade pact of February 2026 cut the tariff on Indian textiles to 18 per cent.',
	'The Reserve Bank of India held its repo rate at 5.25 per cent on 6 February 2026.',
	'Inflation in India stood at 1.3 per cent in January 2026.',
	'The Union Budget 2026-27 set the fiscal deficit target at 4.4 per cent of GDP.'
];

/** Select `from`…`to` (inclusive) of the rendered article, as a pointer or touch does. */
async function selectText(page: Page, from: string, to: string) {
	await page.evaluate(
		([from, to]) => {
			const walker = document.createTreeWalker(
				document.querySelector('.article')!,
				NodeFilter.SHOW_TEXT
			);
			const nodes: Text[] = [];
			while (walker.nextNode()) nodes.push(walker.currentNode as Text);
			const find = (s: string, end: boolean) => {
				for (const n of nodes) {
					const i = n.data.indexOf(s);
					if (i !== -1) return [n, end ? i + s.length : i] as const;
				}
				throw new Error(`not in the article: ${s}`);
			};
			const [a, i] = find(from, false);
			const [b, j] = find(to, true);
			document.getSelection()!.setBaseAndExtent(a, i, b, j);
		},
		[from, to]
	);
}

const saved = (page: Page) => expect(page.locator('[data-save]')).toHaveText('Saved');

const addQuestion = (page: Page, type: string, facts: number[]) =>
	addQuestionOf(
		page,
		type,
		facts.map((i) => STATEMENTS[i])
	);

async function exportJson(page: Page): Promise<string> {
	await page.goto('/decks');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	const download = page.waitForEvent('download');
	await page
		.getByRole('group', { name: 'Export Economy, February 2026' })
		.getByRole('button', { name: 'Export JSON' })
		.click();
	return readFile(await (await download).path(), 'utf8');
}

test.describe('writing a deck', { tag: '@both' }, () => {
	test('article, facts, questions, reload, publish, study and read', async ({ page }) => {
		test.setTimeout(150_000);
		await page.goto('/');
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.getByRole('link', { name: 'New deck' }).click();
		await expect(page).toHaveURL(/\/write$/);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.getByRole('button', { name: 'New deck' }).click();

		// Step 1: the article.
		await page.getByLabel('Deck title').fill('Economy, February 2026');
		await page.getByLabel('Article title').fill('The economy in early February 2026');
		await page.getByLabel('Publisher').fill('Test Gazette');
		await page.getByLabel('Published on').fill('2026-02-07');
		await page.getByLabel(/^Article text/).fill(ARTICLE);
		// Undo and redo by key in a text field: the field's own (the browser's).
		await page.getByLabel('Publisher').fill('Test Gazette, Delhi');
		await page.keyboard.press('ControlOrMeta+z');
		await expect(page.getByLabel('Publisher')).toHaveValue('Test Gazette');
		await page.keyboard.press('ControlOrMeta+Shift+z');
		await expect(page.getByLabel('Publisher')).toHaveValue('Test Gazette, Delhi');
		await page.getByRole('button', { name: 'Next: facts' }).click();

		// Step 2: facts. Nothing selected, and a selection across paragraphs, are refused.
		await page.getByRole('button', { name: 'Make a fact' }).click();
		await expect(page.getByRole('alert').filter({ hasText: 'Nothing is selected' })).toBeVisible();
		await selectText(page, 'to 18 per cent.', 'The Reserve Bank');
		await page.getByRole('button', { name: 'Make a fact' }).click();
		await expect(page.getByRole('alert').filter({ hasText: 'across 2 paragraphs' })).toBeVisible();

		// By pointer: the first sentence, then a phrase by touch-like selection.
		await selectText(page, 'India and the United States', 'on 2 February 2026.');
		await page.getByRole('button', { name: 'Make a fact' }).click();
		await writeFact(page, STATEMENTS[0], 'new');
		await selectText(page, 'The pact cuts', 'to 18 per cent.');
		await page.getByRole('button', { name: 'Make a fact' }).click();
		await writeFact(page, STATEMENTS[1], 'pick');

		// By keyboard: sentence by sentence (Down moves on, Shift+Right extends).
		const next = page.getByRole('button', { name: 'Select next sentence' });
		await next.focus();
		for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
		await expect(page.locator('#selection-status')).toHaveText(
			'Selected: “The Reserve Bank of India held its repo rate at 5.25 per cent on 6 February 2026.”'
		);
		await page.getByRole('button', { name: 'Make a fact' }).press('Enter');
		await writeFact(page, STATEMENTS[2], 'pick');
		await next.focus();
		for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
		await page.getByRole('button', { name: 'Make a fact' }).press('Enter');
		await writeFact(page, STATEMENTS[3], 'pick');
		await next.focus();
		for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Shift+ArrowRight');
		await expect(page.locator('#selection-status')).toContainText('4.4 per cent of GDP.');
		await page.getByRole('button', { name: 'Make a fact' }).press('Enter');
		await writeFact(page, STATEMENTS[4], 'pick');
		await expect(page.getByRole('heading', { name: '5 fact(s)' })).toBeVisible();
		// Choosing a highlight opens its fact.
		await page.getByRole('button', { name: /^Fact: The pact cuts/ }).click();
		await expect(page.getByRole('heading', { name: 'Fact 2' })).toBeVisible();
		await expect(page.getByLabel(/^Statement/)).toHaveValue(STATEMENTS[1]);
		await page.getByRole('button', { name: 'Done' }).click();

		// Reload mid-edit: everything is there.
		await saved(page);
		await page.reload();
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await expect(page.getByRole('heading', { name: '5 fact(s)' })).toBeVisible();
		for (const s of STATEMENTS)
			await expect(page.getByRole('button', { name: s, exact: true })).toBeVisible();

		// Step 3: questions of eight types (and both wordings of assertion–reason).
		await page.getByRole('button', { name: 'Next: questions' }).click();
		await addQuestion(page, 'true_false', [0]);
		await addQuestion(page, 'true_false', [1]);
		await addQuestion(page, 'statements', [0, 1, 2]);
		await addQuestion(page, 'assertion_reason', [3, 4]);
		await addQuestion(page, 'pairs', [2, 3, 4]);
		// The pairs' draft holds placeholders to write: each flagged beside its field.
		const pairs = questionEditor(page, 5);
		await expect(pairs.locator('.form-issues').first()).toContainText('placeholder');
		await pairs.getByLabel('Heading of the left column').fill('Measure');
		await pairs.getByLabel('Heading of the right column').fill('Figure');
		const rows: Array<[string, string]> = [
			['Repo rate of the Reserve Bank of India', '5.25 per cent'],
			['Inflation in January 2026', '1.3 per cent'],
			['Fiscal deficit target for 2026-27', '4.4 per cent of GDP']
		];
		for (const [i, [left, right]] of rows.entries()) {
			await pairs.getByLabel(`Left item of pair ${i + 1}`).fill(left);
			await pairs.getByLabel(`Right item of pair ${i + 1}`).fill(right);
		}
		await expect(pairs.getByText('placeholder')).toHaveCount(0);

		// Five more, each through its own form (mcq, cloze, number, order, Statement-I/II).
		await addFiveMoreTypes(page, STATEMENTS);

		// A lint error beside its field (relative time without a date), then fixed.
		await page.getByRole('button', { name: '2 Facts' }).click();
		await page.getByRole('button', { name: STATEMENTS[3], exact: true }).click();
		await page.getByLabel(/^Statement/).fill('Inflation currently stands at 1.3 per cent.');
		const statementIssues = page.locator('#fact-statement-issues');
		await expect(statementIssues).toContainText('"currently" without an absolute date');
		await page.getByLabel(/^Statement/).fill(STATEMENTS[3]);
		await expect(statementIssues).toBeHidden();
		await page.getByRole('button', { name: 'Done' }).click();
		await page.getByRole('button', { name: '3 Questions' }).click();

		// Preview a question as the learner meets it.
		await page.getByRole('button', { name: 'Preview question 1', exact: true }).click();
		const preview = page.getByRole('region', { name: 'Preview of question 1' });
		await expect(preview).toContainText(STATEMENTS[0]);

		// Step 4: publish.
		await page.getByRole('button', { name: 'Next: publish' }).click();
		await expect(page.getByText('Ready to publish')).toBeVisible();
		await page.getByRole('button', { name: 'Publish', exact: true }).click();
		await expect(
			page.getByRole('heading', { name: 'Published “Economy, February 2026”' })
		).toBeVisible();
		await expect(page.getByText('5 fact(s) and 10 question(s)')).toBeVisible();

		// Read it: exactly the five quotes are highlighted.
		await page.getByRole('link', { name: 'Read it' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Economy, February 2026');
		const ids = await page
			.locator('[data-ids]')
			.evaluateAll((els) => [
				...new Set(els.flatMap((e) => e.getAttribute('data-ids')!.split(' ')))
			]);
		expect(ids).toHaveLength(5);
		await expect(page.locator('[data-ids]').first()).toContainText('India and the United States');

		// Study it: a question of the new deck.
		await page.goto('/write');
		await expect(page.getByText('No drafts yet.')).toBeVisible();
		await page.goBack();
		await page.getByRole('link', { name: 'Study this article' }).click();
		await expect(page.locator('article[data-question-id]')).toBeVisible();
		const prompt = await page.locator('article[data-question-id]').innerText();
		expect(
			STATEMENTS.some((s) => prompt.includes(s)) ||
				/pairs|statements|Assertion|Statement-I|___|inflation rate/i.test(prompt)
		).toBe(true);

		// Export as JSON, import it back: the same deck. Its quotes are the selections made.
		const exported = await exportJson(page);
		const deck = JSON.parse(exported);
		expect(deck.facts.map((f: { statement: string }) => f.statement)).toEqual(STATEMENTS);
		// The deck holds the ten questions of eight types, as written.
		type Q = { type: string; style?: string; prompt: string; accepted?: string[] };
		const questions: Q[] = deck.questions;
		expect(questions.map((q) => q.type)).toEqual([
			'true_false',
			'true_false',
			'statements',
			'assertion_reason',
			'pairs',
			'mcq',
			'cloze',
			'numeric',
			'order',
			'assertion_reason'
		]);
		expect(new Set(questions.map((q) => q.type)).size).toBe(8);
		expect(questions.filter((q) => q.style).map((q) => q.style)).toEqual([
			'assertion_reason',
			'statement_i_ii'
		]);
		expect(questions[6]).toMatchObject({
			prompt: expect.stringContaining('___'),
			accepted: ['18 per cent']
		});
		expect(questions[7]).toMatchObject({ answer: 1.3, unit: '%' });
		expect(JSON.stringify(questions)).not.toContain('[edit]');
		expect(deck.facts.map((f: { quote: string }) => f.quote)).toEqual([
			'India and the United States signed a trade pact on 2 February 2026.',
			'The pact cuts the tariff on Indian textiles to 18 per cent.',
			'The Reserve Bank of India held its repo rate at 5.25 per cent on 6 February 2026.',
			'Inflation stood at 1.3 per cent in January 2026.',
			'The Union Budget for 2026-27 was presented on 1 February 2026. It set the fiscal deficit target at 4.4 per cent of GDP.'
		]);
		await page.getByLabel('Deck file to import').setInputFiles({
			name: 'economy.json',
			mimeType: 'application/json',
			buffer: Buffer.from(exported)
		});
		await page.getByRole('button', { name: /^(Add|Replace) deck$/ }).click();
		await expect(page.getByRole('status').filter({ hasText: /^(Added|Replaced) “/ })).toBeVisible();
		expect(JSON.parse(await exportJson(page))).toEqual(deck);

		// Study a question of it (its facts now have reviews).
		await page.goto(`/study?deck=${deck.id}`);
		const asked = await answerRightly(page, 'keyboard', deck);
		await page.getByRole('button', { name: 'Good' }).click();
		await expect(page.getByText('Done 1', { exact: true })).toBeVisible();

		// "Edit" reopens it as a draft of the same deck; a studied fact restated asks whether it
		// is the same fact before publishing.
		await page.goto('/decks');
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.getByRole('link', { name: 'Edit Economy, February 2026' }).click();
		await expect(page.getByText('Edits your deck “economy-february-2026”')).toBeVisible();
		await expect(page.getByRole('heading', { name: '5 fact(s)' })).toBeVisible();
		const k = deck.facts.findIndex((f: { id: string }) => f.id === asked.facts[0]);
		await page.getByRole('button', { name: STATEMENTS[k], exact: true }).click();
		await page.getByLabel(/^Statement/).fill(STATEMENTS[k].replace(/\.$/, ' (as reported).'));
		await page.getByRole('button', { name: 'Done' }).click();
		await page.getByRole('button', { name: '4 Publish' }).click();
		await page.getByRole('button', { name: 'Publish', exact: true }).click();
		const same = page.getByRole('dialog', { name: 'Same fact, or a new one?' });
		await expect(same).toContainText('(as reported)');
		await expect(same.getByRole('button', { name: 'Publish' })).toBeDisabled();
		for (const radio of await same.getByRole('radio', { name: 'Same fact (memory stays)' }).all())
			await radio.check();
		await same.getByRole('button', { name: 'Publish' }).click();
		await expect(
			page.getByRole('heading', { name: 'Published “Economy, February 2026”' })
		).toBeVisible();
	});
});

test.describe('the editor refuses and flags, and copies a built-in deck', { tag: '@both' }, () => {
	test('files, the size limit, a lost quote; Copy to edit; a draft deleted after asking', async ({
		page
	}) => {
		test.slow();
		await page.goto('/write');
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.getByRole('button', { name: 'New deck' }).click();
		const file = (name: string, text: string) => ({
			name,
			mimeType: 'text/plain',
			buffer: Buffer.from(text)
		});
		const opener = page.getByLabel('Open a file (.txt, .md or .html)');
		// A file that is not an article, and one over 200 KB: refused, with why.
		await opener.setInputFiles(file('notes.pdf', 'x'));
		await expect(page.getByRole('alert').filter({ hasText: 'notes.pdf' })).toBeVisible();
		await opener.setInputFiles(file('long.txt', 'A long sentence of the article. '.repeat(7000)));
		await expect(page.getByRole('alert').filter({ hasText: 'at most 200 KB' })).toBeVisible();
		await expect(page.getByLabel(/^Article text/)).toHaveValue('');
		// An .html page: its text, paragraphs kept; its script neither runs nor shows.
		await opener.setInputFiles(
			file(
				'page.html',
				'<html><head><title>Budget day</title><script>window.ran = 1</script></head><body><nav>Menu</nav><p>The Budget was presented on 1 February 2026.</p><p>It set the deficit at <b>4.4</b> per cent.</p></body></html>'
			)
		);
		await expect(page.getByLabel(/^Article text/)).toHaveValue(
			'The Budget was presented on 1 February 2026.\n\nIt set the deficit at 4.4 per cent.'
		);
		await expect(page.getByLabel('Article title')).toHaveValue('Budget day');
		expect(await page.evaluate(() => 'ran' in window)).toBe(false);

		// A fact, then the article edited under it: the fact is flagged, not dropped.
		await page.getByRole('button', { name: 'Next: facts' }).click();
		await page.getByRole('button', { name: 'Select next sentence' }).click();
		await page.getByRole('button', { name: 'Select next sentence' }).click();
		await page.getByRole('button', { name: 'Make a fact' }).click();
		await page.getByRole('button', { name: 'Done' }).click();
		await page.getByRole('button', { name: '1 Article' }).click();
		await page
			.getByLabel(/^Article text/)
			.fill('The Budget was presented on 1 February 2026.\n\nIt set the deficit at 4.5 per cent.');
		await page.getByRole('button', { name: 'Next: facts' }).click();
		await expect(page.getByRole('group', { name: 'Facts whose quote is lost' })).toContainText(
			'It set the deficit at 4.4 per cent.'
		);
		await expect(page.getByRole('heading', { name: '1 fact(s)' })).toBeVisible();
		// Mended by selecting its passage again; undo makes it lost again, and the article's
		// edit undone brings the old text back, and the quote with it.
		const lost = page.getByRole('group', { name: 'Facts whose quote is lost' });
		await page.getByRole('button', { name: 'Select next sentence' }).click();
		await page.getByRole('button', { name: 'Select next sentence' }).click();
		await lost.getByRole('button', { name: 'Quote the selection' }).click();
		await expect(lost).toHaveCount(0);
		await expect(
			page.getByRole('button', { name: 'Fact: It set the deficit at 4.5 per cent.' })
		).toBeVisible();
		await page.getByRole('button', { name: 'Undo' }).click();
		await expect(lost).toBeVisible();
		await page.getByRole('button', { name: 'Undo' }).click();
		await expect(lost).toHaveCount(0);
		await expect(
			page.getByRole('button', { name: 'Fact: It set the deficit at 4.4 per cent.' })
		).toBeVisible();

		// Copy to edit: the built-in deck as a draft of a new deck, its facts highlighted.
		await page.goto('/deck/india-us-2026-01');
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.getByRole('link', { name: 'Copy to edit' }).click();
		await expect(page.getByText('A copy of “india-us-2026-01”')).toBeVisible();
		await expect(page).toHaveURL(/\/write\?draft=/);
		await expect(page.locator('.article [data-ids]').first()).toBeVisible();

		// Both drafts listed; one deleted after asking.
		await page.getByRole('button', { name: 'Drafts', exact: true }).click();
		await expect(page.getByRole('heading', { name: 'Your drafts' })).toBeVisible();
		await expect(page.getByRole('button', { name: /^Open/ })).toHaveCount(2);
		await page
			.getByRole('button', { name: /^Delete/ })
			.first()
			.click();
		const dialog = page.getByRole('dialog', { name: 'Delete this draft?' });
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await expect(page.getByRole('button', { name: /^Open/ })).toHaveCount(2);
		await page
			.getByRole('button', { name: /^Delete/ })
			.first()
			.click();
		await dialog.getByRole('button', { name: 'Delete draft' }).click();
		await expect(page.getByRole('button', { name: /^Open/ })).toHaveCount(1);
	});
});
