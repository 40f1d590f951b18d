// Decks of your own: the CSV template imports and is studied, tested and presented like the
// built-in deck; a broken file is refused whole with the row and column at fault; markup and
// script in every field show as text and run nothing; lint findings show beside a valid deck
// and never stop it; a 5 MB file imports; export → import
// round trips (JSON and CSV) and the Anki export's header; delete with or without progress.
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { deckToCsv } from '../src/lib/bank/csv';
import { csvTemplate, TEMPLATE_DECK, TEMPLATE_SOURCE } from '../src/lib/bank/csv-template';
import { deckToJson } from '../src/lib/bank/deck-json';
import { bigDeck, markedDeck } from '../src/lib/bank/test-helpers';
import { answerRightly, logEntries } from './study-helpers';

const file = (name: string, text: string) => ({
	name,
	mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/json',
	buffer: Buffer.from(text)
});

async function importFile(page: Page, name: string, text: string) {
	await page.goto('/decks');
	await expect(page.getByText(/^None yet\.$|Imported decks/).first()).toBeVisible();
	// "Imported decks" is in the prerendered HTML: a file chosen before hydration is lost.
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await page.getByLabel('Deck file to import').setInputFiles(file(name, text));
}

async function addDeck(page: Page, name: string, text: string) {
	await importFile(page, name, text);
	await page.getByRole('button', { name: /^(Add|Replace) deck$/ }).click();
	await expect(page.getByRole('status').filter({ hasText: /^Added “/ })).toBeVisible();
}

test('the CSV template imports, and the deck is studied, tested and presented like the built-in one', async ({
	page,
	axe
}) => {
	// Import, study, the test setup and the projector in one go: allowed the slow-test time.
	test.slow();
	await page.goto('/decks');
	// A click before the app is live does nothing (the button is in the prerendered HTML).
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download CSV template' }).click();
	const template = await readFile(await (await download).path(), 'utf8');
	// A byte-order mark first, for Excel on Windows; the import takes the file as downloaded.
	expect(template).toBe(`\uFEFF${csvTemplate()}`);

	await importFile(page, 'template.csv', template);
	await expect(page.getByText(`${TEMPLATE_DECK.title} (template.csv)`)).toBeVisible();
	expect(await axe()).toEqual([]);
	await page.getByRole('button', { name: 'Add deck' }).click();
	const item = page.getByRole('listitem').filter({ hasText: TEMPLATE_DECK.title });
	await expect(item).toContainText(
		`${TEMPLATE_DECK.facts.length} facts · ${TEMPLATE_DECK.questions.length} questions`
	);
	expect(await axe()).toEqual([]);

	// Listed on the dashboard, and studied: a question of the deck, answered and logged.
	await page.goto('/');
	await expect(page.getByRole('heading', { name: TEMPLATE_DECK.title })).toBeVisible();
	await page.getByRole('link', { name: `Study ${TEMPLATE_DECK.title}` }).click();
	const ids = new Set(TEMPLATE_DECK.questions.map((q) => q.id));
	const card = page.locator('article[data-question-id]');
	await expect(card).toBeVisible();
	expect(ids.has((await card.getAttribute('data-question-id'))!)).toBe(true);
	await answerRightly(page, 'keyboard', TEMPLATE_DECK);
	await page.keyboard.press('Space');
	await expect.poll(async () => (await logEntries(page)).length).toBeGreaterThan(0);
	const log = await logEntries(page);
	expect(log.every((e) => (e as { deck?: string }).deck === TEMPLATE_DECK.id)).toBe(true);

	// In the mock test's deck list, and on the projector.
	await page.goto('/test');
	await expect(page.getByRole('checkbox', { name: TEMPLATE_DECK.title })).toBeVisible();
	await page.goto(`/present?seed=t&n=3&types=mcq,true_false,statements&decks=${TEMPLATE_DECK.id}`);
	await expect(page.getByRole('heading', { name: 'Class quiz: 3 questions' })).toBeVisible();
	await expect(page.getByRole('note')).toContainText('Students need your own deck');
});

test('a broken CSV is refused whole, naming the row and column; nothing is stored', async ({
	page
}) => {
	const broken = csvTemplate()
		.replace('Lakeside opens its first community solar farm', 'Lakeside opens')
		.replace(/\r\nquestion,/, '\r\nquestoin,');
	await importFile(page, 'broken.csv', broken);
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('This file cannot be imported');
	await expect(alert).toContainText('Nothing was saved.');
	await expect(alert.getByRole('listitem').first()).toContainText(
		/^row \d+, column kind: "questoin"/
	);
	await expect(page.getByRole('button', { name: 'Add deck' })).toHaveCount(0);
	await page.reload();
	await expect(page.getByText('None yet.')).toBeVisible();
});

const MARKUP = '<img src=x onerror="window.__xss=1"> <script>window.__xss=2</script>';

test('lint findings show beside a valid deck, which is added all the same', async ({
	page,
	axe
}) => {
	const deck = structuredClone(TEMPLATE_DECK);
	// Two findings at least (the summary's plural): relative time in two prompts.
	for (const q of deck.questions.slice(0, 2)) q.prompt = `${q.prompt} (as of next month)`;
	await importFile(page, 'styled.json', deckToJson(deck, TEMPLATE_SOURCE));
	const findings = page.getByText('style findings: the deck can still be added as it is');
	await expect(findings).toBeVisible();
	await findings.click();
	await expect(
		page.getByText(
			`error: question "${deck.questions[0].id}": prompt says "next month" without an absolute date`,
			{ exact: false }
		)
	).toBeVisible();
	expect(await axe()).toEqual([]);
	await page.getByRole('button', { name: 'Add deck' }).click();
	await expect(page.getByRole('status').filter({ hasText: /^Added “/ })).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: deck.title })).toBeVisible();
});

test('markup and script in every field show as text and run nothing', async ({ page }) => {
	const { deck, source } = markedDeck(MARKUP);
	await addDeck(page, 'marked.json', deckToJson(deck, source));
	for (const path of [
		`/decks/view?id=${deck.id}`,
		`/read?deck=${deck.id}`,
		`/print?seed=x&n=11&types=mcq,multi,true_false,cloze,numeric,match,order,statements,pairs,assertion_reason&decks=${deck.id}`,
		'/',
		`/browse?deck=${deck.id}`
	]) {
		await page.goto(path);
		await expect(
			page.locator('main').getByText(MARKUP).filter({ visible: true }).first(),
			path
		).toBeVisible();
		await expect(page.locator('main img, main script')).toHaveCount(0);
		expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
	}
});

test('JSON and CSV exports import back to the same deck; the Anki export opens as is', async ({
	page
}) => {
	await addDeck(page, 'template.csv', csvTemplate());
	const item = page.getByRole('listitem').filter({ hasText: TEMPLATE_DECK.title });
	const save = async (format: string) => {
		const download = page.waitForEvent('download');
		await item.getByRole('button', { name: `Export ${format}` }).click();
		return readFile(await (await download).path(), 'utf8');
	};
	const json = await save('JSON');
	const csv = await save('CSV');
	const anki = await save('Anki');
	expect(JSON.parse(json)).toEqual(JSON.parse(deckToJson(TEMPLATE_DECK, TEMPLATE_SOURCE)));
	expect(csv).toBe(`\uFEFF${deckToCsv(TEMPLATE_DECK, TEMPLATE_SOURCE)}`);
	expect(anki.split('\n').slice(0, 6)).toEqual([
		'#separator:tab',
		'#html:false',
		'#notetype:Basic',
		`#deck:${TEMPLATE_DECK.title}`,
		'#columns:Front\tBack\tTags',
		'#tags column:3'
	]);

	// Re-importing the JSON export, and the CSV export with its byte-order mark and without,
	// replaces the deck with an identical one.
	const stored = () =>
		page.evaluate(
			(id) =>
				new Promise<unknown>((resolve) => {
					const r = indexedDB.open('current-affairs-recall');
					r.onsuccess = () => {
						const g = r.result.transaction('decks').objectStore('decks').get(id);
						// Stored as its JSON text (see storage/decks.ts).
						g.onsuccess = () => resolve(JSON.parse((g.result as { deckText: string }).deckText));
					};
				}),
			TEMPLATE_DECK.id
		);
	for (const [name, text] of [
		['export.json', json],
		['export.csv', csv],
		['no-bom.csv', csv.replace(/^\uFEFF/, '')]
	]) {
		await importFile(page, name, text);
		await expect(page.getByText(/This replaces your deck/)).toBeVisible();
		await page.getByRole('button', { name: 'Replace deck' }).click();
		await expect(page.getByRole('status').filter({ hasText: /^Added “/ })).toBeVisible();
		expect(await stored()).toEqual(JSON.parse(json));
	}
});

test('a deck is deleted with or without its progress', async ({ page }) => {
	await addDeck(page, 'template.csv', csvTemplate());
	await page.goto(`/study?deck=${TEMPLATE_DECK.id}`);
	await answerRightly(page, 'keyboard', TEMPLATE_DECK);
	await page.keyboard.press('Space');
	await expect.poll(async () => (await logEntries(page)).length).toBeGreaterThan(0);
	const entries = (await logEntries(page)).length;

	await page.goto('/decks');
	await page.getByRole('button', { name: 'Delete…' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Delete, keep progress' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Its progress is kept' })).toBeVisible();
	await expect(page.getByText('None yet.')).toBeVisible();
	expect(await logEntries(page)).toHaveLength(entries);

	await addDeck(page, 'template.csv', csvTemplate());
	await page.getByRole('button', { name: 'Delete…' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Delete with its progress' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: `${entries} log entries` })
	).toBeVisible();
	expect(await logEntries(page)).toHaveLength(0);
});

test('a 5 MB CSV deck imports', async ({ page }) => {
	test.slow();
	const { deck, sourceText } = bigDeck(6000);
	const csv = deckToCsv({ ...deck, id: 'big-survey', title: 'Big survey' }, sourceText);
	expect(csv.length).toBeGreaterThan(5_000_000);
	await addDeck(page, 'big.csv', csv);
	await expect(page.getByRole('listitem').filter({ hasText: 'Big survey' })).toContainText(
		'6000 facts · 6000 questions'
	);
});
