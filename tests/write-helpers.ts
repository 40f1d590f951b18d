// A draft on /write with an article, two facts and a question open, for the axe and layout
// tests (tests/write.spec.ts walks the editor in full); and the steps of the questions' forms
// that spec takes.
import { expect, type Locator, type Page } from '@playwright/test';

export const WRITE_ARTICLE = `The Reserve Bank of India held its repo rate at 5.25 per cent on 6 February 2026. Inflation stood at 1.3 per cent in January 2026.

The Union Budget for 2026-27 was presented on 1 February 2026. It set the fiscal deficit target at 4.4 per cent of GDP.`;

/** Each step of a small draft, in turn: `at(step)` is called with each on screen. */
export async function walkDraft(page: Page, at: (step: string) => Promise<void>) {
	await page.goto('/write');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await page.getByRole('button', { name: 'New deck' }).click();
	await page.getByLabel('Deck title').fill('Economy notes');
	await page.getByLabel(/^Article text/).fill(WRITE_ARTICLE);
	await at('article');
	await page.getByRole('button', { name: 'Next: facts' }).click();
	for (const [n, statement] of [
		[1, 'The Reserve Bank of India held its repo rate at 5.25 per cent on 6 February 2026.'],
		[2, 'Inflation in India stood at 1.3 per cent in January 2026.']
	] as const) {
		await page.getByRole('button', { name: 'Select next sentence' }).focus();
		for (let i = 0; i < n; i++) await page.keyboard.press('Enter');
		await page.getByRole('button', { name: 'Make a fact' }).click();
		await page.getByLabel(/^Statement/).fill(statement);
		if (n === 1) {
			await page.getByLabel('New topic').fill('Economy');
			await page.getByRole('button', { name: 'Add topic' }).click();
		} else await page.getByRole('checkbox', { name: 'Economy' }).check();
		await page.getByRole('button', { name: 'Done' }).click();
	}
	// A selection by sentence on show, and a fact open.
	await page.getByRole('button', { name: 'Select next sentence' }).click();
	await page.getByRole('button', { name: 'Extend by a sentence' }).click();
	await page.locator('.fact-list button').first().click();
	await at('facts');
	await page.getByRole('button', { name: 'Done' }).click();
	await page.getByRole('button', { name: 'Next: questions' }).click();
	const panel = page.getByRole('region', { name: 'New question' });
	await panel.getByRole('checkbox').first().check();
	await panel.getByRole('checkbox').nth(1).check();
	await panel.getByLabel('Type').selectOption('pairs');
	await panel.getByRole('button', { name: 'Add question' }).click();
	await expect(page.getByRole('region', { name: 'Edit question 1' })).toBeVisible();
	await at('questions');
	await page.getByRole('button', { name: 'Preview question 1' }).click();
	await at('preview');
	await page.getByRole('button', { name: 'Next: publish' }).click();
	await expect(page.getByRole('heading', { name: 'Publish' })).toBeVisible();
	await at('publish');
}

/** A question of `type` added on the questions step, from the facts with these statements. */
export async function addQuestionOf(page: Page, type: string, facts: readonly string[]) {
	const panel = page.getByRole('region', { name: 'New question' });
	for (const statement of facts) await panel.getByRole('checkbox', { name: statement }).check();
	await panel.getByLabel('Type').selectOption(type);
	await panel.getByRole('button', { name: 'Add question' }).click();
	await expect(panel.getByRole('status')).toContainText('added');
}

export const questionEditor = (page: Page, n: number): Locator =>
	page.getByRole('region', { name: `Edit question ${n}`, exact: true });

/**
 * Questions 6 to 10 of tests/write.spec.ts's deck, on its five facts (`statements`): an mcq, a
 * cloze, a number, an order and a Statement-I/II, each written through its own form.
 */
export async function addFiveMoreTypes(page: Page, statements: readonly string[]) {
	// An mcq's wrong options written, a cloze's blank made by selecting its words, a number's
	// prompt, an order's items put right.
	await addQuestionOf(page, 'mcq', [statements[2]]);
	const mcq = questionEditor(page, 6);
	const wrong = ['5.5 per cent', '6.25 per cent', '4.75 per cent'];
	for (const letter of ['a', 'b', 'c', 'd']) {
		const option = mcq.getByLabel(`Option (${letter})`, { exact: true });
		if ((await option.inputValue()).startsWith('[edit]'))
			await option.fill(`The Reserve Bank of India held its repo rate at ${wrong.pop()}.`);
	}
	await expect(mcq.getByText('placeholder')).toHaveCount(0);
	await addQuestionOf(page, 'cloze', [statements[1]]);
	const cloze = questionEditor(page, 7);
	const sentence = cloze.getByLabel('Sentence with its blank (___)');
	await sentence.evaluate((el: HTMLTextAreaElement) => {
		const at = el.value.indexOf('18 per cent');
		el.focus();
		el.setSelectionRange(at, at + '18 per cent'.length);
	});
	await cloze.getByRole('button', { name: 'Blank the selected words' }).click();
	await expect(cloze.getByRole('status')).toHaveText('Blanked: 18 per cent.');
	await expect(sentence).toHaveValue(
		'The India–US trade pact of February 2026 cut the tariff on Indian textiles to ___.'
	);
	await expect(cloze.getByLabel('Accepted answer 1', { exact: true })).toHaveValue('18 per cent');
	await addQuestionOf(page, 'numeric', [statements[3]]);
	const numeric = questionEditor(page, 8);
	await expect(numeric.getByLabel('Answer (a number)')).toHaveValue('1.3');
	await numeric
		.getByLabel('Prompt', { exact: true })
		.fill('What was India’s inflation rate in January 2026?');
	await expect(numeric.getByText('placeholder')).toHaveCount(0);
	await addQuestionOf(
		page,
		'order',
		[0, 2, 4].map((i) => statements[i])
	);
	const order = questionEditor(page, 9);
	await order.getByRole('button', { name: 'Move item 3 up' }).click();
	await order.getByRole('button', { name: 'Move item 2 up' }).click();
	await expect(order.getByLabel('Text of item 1', { exact: true })).toHaveValue(statements[4]);
	// Assertion–reason in its other wording: Statement-I and Statement-II.
	await addQuestionOf(page, 'assertion_reason', statements.slice(0, 2));
	const twoStatements = questionEditor(page, 10);
	await twoStatements.getByLabel('Wording').selectOption('statement_i_ii');
	await expect(twoStatements.getByLabel('Text of Statement-I', { exact: true })).toHaveValue(
		statements[0]
	);
}

/** The open fact's form written: its statement, and a topic added (`new`) or picked. */
export async function writeFact(page: Page, statement: string, topic: 'new' | 'pick') {
	await expect(page.getByRole('heading', { name: /^Fact \d+$/ })).toBeVisible();
	await page.getByLabel(/^Statement/).fill(statement);
	if (topic === 'new') {
		await page.getByLabel('New topic').fill('Economy');
		await page.getByRole('button', { name: 'Add topic' }).click();
	} else await page.getByRole('checkbox', { name: 'Economy' }).check();
	await page.getByRole('button', { name: 'Done' }).click();
}

/** The article's sentence `n` (from 1) selected by keyboard on the facts step. */
export async function selectSentence(page: Page, n: number) {
	await page.getByRole('button', { name: 'Select next sentence' }).focus();
	for (let i = 0; i < n; i++) await page.keyboard.press('ArrowDown');
}
