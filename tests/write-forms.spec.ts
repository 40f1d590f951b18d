// /write beyond the walk of tests/write.spec.ts: an .md article opened with its paragraphs kept;
// Ctrl+Z in a text field is the field's own undo, outside one the editor's (and Ctrl+Y redoes);
// the deck's id set by hand, checked as the deck schema checks it, beside its field; a fact whose
// quote is a few words chosen by keyboard; a match, a flashcard and a select-all question written
// through their forms, previewed and published under the id chosen.
import { test, expect } from './fixtures';
import { addQuestionOf, questionEditor, selectSentence, writeFact } from './write-helpers';

const MARKDOWN = `# Budget day

The Union Budget for 2026-27 was presented on **1 February 2026**.
It set the fiscal deficit target at 4.4 per cent of GDP.

- The Reserve Bank of India held its repo rate at 5.25 per cent on 6 February 2026.

Inflation stood at 1.3 per cent in [January 2026](https://example.org/cpi).
`;

const ARTICLE = [
	'Budget day',
	'The Union Budget for 2026-27 was presented on 1 February 2026. It set the fiscal deficit target at 4.4 per cent of GDP.',
	'The Reserve Bank of India held its repo rate at 5.25 per cent on 6 February 2026.',
	'Inflation stood at 1.3 per cent in January 2026.'
].join('\n\n');

const STATEMENTS = [
	'The Reserve Bank of India held its repo rate at 5.25 per cent on 6 February 2026.',
	'The Union Budget for 2026-27 was presented on 1 February 2026.',
	'Inflation in India stood at 1.3 per cent in January 2026.'
];

test(
	'an .md article, undo in a field and in the editor, a deck id, words by keyboard, three forms',
	{ tag: '@both' },
	async ({ page }) => {
		test.slow();
		await page.goto('/write');
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.getByRole('button', { name: 'New deck' }).click();

		// An .md file (written here): its text, a paragraph per block, marks gone.
		await page.getByLabel('Open a file (.txt, .md or .html)').setInputFiles({
			name: 'budget.md',
			mimeType: 'text/markdown',
			buffer: Buffer.from(MARKDOWN)
		});
		await expect(page.getByLabel(/^Article text/)).toHaveValue(ARTICLE);
		await page.getByLabel('Article title').fill('Budget day');
		await page.getByLabel('Published on').fill('2026-02-07');
		await page.getByLabel('Deck title').fill('Budget notes');

		// Ctrl+Z in a text field is the browser's undo of the typing (which reaches the draft as
		// typing does), not the editor's: the editor has nothing to redo after it.
		const publisher = page.getByLabel('Publisher');
		const redo = page.getByRole('button', { name: 'Redo' });
		await publisher.click();
		await page.keyboard.type('Test Gazette');
		await page.keyboard.press('ControlOrMeta+z');
		await expect(publisher).toHaveValue('');
		await expect(redo).toBeDisabled();
		await page.keyboard.press('ControlOrMeta+Shift+z');
		await expect(publisher).toHaveValue('Test Gazette');
		await expect(redo).toBeDisabled();
		// Outside a text field, the editor's undo: the last change of the draft, whichever field.
		await page.getByRole('heading', { name: 'The article' }).click();
		await page.keyboard.press('ControlOrMeta+z');
		await expect(publisher).toHaveValue('');
		await expect(redo).toBeEnabled();
		await page.keyboard.press('ControlOrMeta+y');
		await expect(publisher).toHaveValue('Test Gazette');
		await expect(redo).toBeDisabled();

		// The deck's id by hand: made from the title until set, checked by the schema's rule.
		const id = page.getByLabel('Deck id (optional)');
		await expect(page.locator('#deck-id-hint')).toContainText('“budget-notes”');
		await id.fill('Budget Notes!');
		await expect(page.locator('#deck-id-issues')).toContainText('kebab-case slug');
		await expect(id).toHaveAttribute('aria-invalid', 'true');
		await id.fill('budget-2026-27');
		await expect(page.locator('#deck-id-issues')).toHaveCount(0);
		await page.getByRole('button', { name: 'Next: facts' }).click();

		// A few words chosen by keyboard: into the next sentence word by word (Ctrl+Right),
		// extended word by word (Ctrl+Shift+Right, or Alt as on a Mac), one word taken back.
		await selectSentence(page, 3);
		const status = page.locator('#selection-status');
		await expect(status).toHaveText(
			'Selected: “It set the fiscal deficit target at 4.4 per cent of GDP.”'
		);
		for (let i = 0; i < 8; i++) await page.keyboard.press('Control+ArrowRight');
		await expect(status).toHaveText('Selected: “repo”');
		for (let i = 0; i < 5; i++) await page.keyboard.press('Control+Shift+ArrowRight');
		await page.keyboard.press('Alt+Shift+ArrowRight');
		await expect(status).toHaveText('Selected: “repo rate at 5.25 per cent on”');
		await page.keyboard.press('Control+Shift+ArrowLeft');
		await expect(status).toHaveText('Selected: “repo rate at 5.25 per cent”');
		await expect(
			page.getByRole('button', { name: 'Your selection: repo rate at 5.25 per cent' })
		).toBeVisible();
		await page.getByRole('button', { name: 'Make a fact' }).click();
		await expect(page.locator('.fact .quote q')).toHaveText('repo rate at 5.25 per cent');
		await writeFact(page, STATEMENTS[0], 'new');
		// Two more by sentence, one shrunk from two.
		await selectSentence(page, 2);
		await page.keyboard.press('Shift+ArrowRight');
		await page.keyboard.press('Shift+ArrowLeft');
		await page.getByRole('button', { name: 'Make a fact' }).click();
		await writeFact(page, STATEMENTS[1], 'pick');
		await selectSentence(page, 5);
		await page.getByRole('button', { name: 'Make a fact' }).click();
		await writeFact(page, STATEMENTS[2], 'pick');
		await expect(page.getByRole('heading', { name: '3 fact(s)' })).toBeVisible();

		// A match (a row per fact), a flashcard and a select-all question, each through its form.
		await page.getByRole('button', { name: 'Next: questions' }).click();
		await addQuestionOf(page, 'match', STATEMENTS);
		const match = questionEditor(page, 1);
		await match.getByLabel('Heading of the left column').fill('Measure');
		await match.getByLabel('Heading of the right column').fill('Figure');
		const rows: Array<[string, string]> = [
			['Repo rate, 6 February 2026', '5.25 per cent'],
			['Union Budget 2026-27 presented', '1 February 2026'],
			['Inflation, January 2026', '1.3 per cent']
		];
		for (const [i, [left, right]] of rows.entries()) {
			await match.getByLabel(`Left item of row ${i + 1}`).fill(left);
			await match.getByLabel(`Right item of row ${i + 1}`).fill(right);
		}
		await expect(match.getByText('placeholder')).toHaveCount(0);

		await addQuestionOf(page, 'flashcard', [STATEMENTS[1]]);
		const card = questionEditor(page, 2);
		await expect(card.getByLabel('Back of the card')).toHaveValue(STATEMENTS[1]);
		await card
			.getByLabel('Prompt', { exact: true })
			.fill('When was the Union Budget for 2026-27 presented?');
		await card.getByLabel('Back of the card').fill('On 1 February 2026.');
		await expect(card.getByText('placeholder')).toHaveCount(0);

		await addQuestionOf(page, 'multi', [STATEMENTS[0], STATEMENTS[2]]);
		const multi = questionEditor(page, 3);
		const wrong = [
			'The Reserve Bank of India cut its repo rate on 6 February 2026.',
			'Inflation in India stood at 3.1 per cent in January 2026.'
		];
		for (const letter of ['a', 'b', 'c', 'd']) {
			const option = multi.getByLabel(`Option (${letter})`, { exact: true });
			if ((await option.inputValue()).startsWith('[edit]')) await option.fill(wrong.pop()!);
		}
		await expect(multi.getByText('placeholder')).toHaveCount(0);
		// Its two right options are the facts' statements, checked as right.
		for (const letter of ['a', 'b', 'c', 'd']) {
			const text = await multi.getByLabel(`Option (${letter})`, { exact: true }).inputValue();
			const right = multi.getByRole('checkbox', { name: `Option (${letter}) is right` });
			if (STATEMENTS.includes(text)) await expect(right).toBeChecked();
			else await expect(right).not.toBeChecked();
		}
		// Previewed as the learner meets it and answered: the two facts' statements are right.
		await page.getByRole('button', { name: 'Preview question 3', exact: true }).click();
		const preview = page.getByRole('region', { name: 'Preview of question 3' });
		await expect(preview).toContainText('Select all that apply');
		for (const right of [STATEMENTS[0], STATEMENTS[2]])
			await preview.getByRole('button', { name: right }).click();
		await preview.getByRole('button', { name: 'Check' }).click();
		await expect(preview.getByRole('status')).toHaveText('Correct.');

		// Published under the id chosen.
		await page.getByRole('button', { name: 'Next: publish' }).click();
		await expect(page.getByText('Ready to publish')).toBeVisible();
		await page.getByRole('button', { name: 'Publish', exact: true }).click();
		await expect(page.getByRole('heading', { name: 'Published “Budget notes”' })).toBeVisible();
		await expect(page.getByText('3 fact(s) and 3 question(s)')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Read it' })).toHaveAttribute(
			'href',
			/deck=budget-2026-27$/
		);
	}
);
