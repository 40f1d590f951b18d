/** Drive the study screen like a learner: read which question is shown and answer it rightly. */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import type { Deck, Question } from '../src/lib/bank/schema';
import { isChoice, rightOptions } from '../src/lib/bank/format';

export const deck: Deck = JSON.parse(readFileSync('questions/india-us-2026-01/deck.json', 'utf8'));
/** The question on screen, looked up in `from` (the built-in deck unless given). */
export async function currentQuestion(page: Page, from: Deck = deck): Promise<Question> {
	const card = page.locator('article[data-question-id]');
	await expect(card).toBeVisible();
	const id = await card.getAttribute('data-question-id');
	return from.questions.find((q) => q.id === id)!;
}

const letter = (i: number) => String.fromCharCode(97 + i);

/** Answer the question on screen correctly, by keyboard or by touch. Returns the question. */
export async function answerRightly(
	page: Page,
	how: 'keyboard' | 'touch',
	from: Deck = deck
): Promise<Question> {
	const q = await currentQuestion(page, from);
	const tap = (l: ReturnType<Page['locator']>) => (how === 'touch' ? l.tap() : l.click());
	switch (q.type) {
		case 'flashcard':
			if (how === 'keyboard') await page.keyboard.press('Space');
			else await tap(page.getByRole('button', { name: 'Show answer' }));
			break;
		case 'cloze':
		case 'numeric': {
			const input = page.getByLabel(/Your answer/);
			await input.fill(q.type === 'cloze' ? q.accepted[0] : String(q.answer));
			if (how === 'keyboard') await input.press('Enter');
			else await tap(page.getByRole('button', { name: 'Check answer' }));
			break;
		}
		case 'match':
			for (const pair of q.pairs)
				await page.getByLabel(pair.left, { exact: true }).selectOption({ label: pair.right });
			await tap(page.getByRole('button', { name: 'Check answer' }));
			break;
		case 'order':
			for (const item of q.items)
				await tap(
					page
						.getByRole('list', { name: 'Items to place' })
						.getByRole('button', { name: item.text, exact: true })
				);
			await tap(page.getByRole('button', { name: 'Check answer' }));
			break;
		default: {
			const right = isChoice(q) ? rightOptions(q) : [];
			const options = page.getByRole('list', { name: /^Options/ }).getByRole('button');
			for (const i of right) {
				if (how === 'keyboard') await page.keyboard.press(letter(i));
				else await tap(options.nth(i));
			}
			if (q.type === 'multi') {
				if (how === 'keyboard') await page.keyboard.press('Enter');
				else await tap(page.getByRole('button', { name: 'Check answer' }));
			}
		}
	}
	await expect(page.getByRole('group', { name: 'How well did you remember?' })).toBeVisible();
	return q;
}

/** Set the daily new-fact limit through the settings page. */
export async function setNewPerDay(page: Page, n: number) {
	await page.goto('/settings');
	await expect(page.getByLabel('Desired retention')).toHaveValue('0.9');
	await page.getByLabel('New facts per day').fill(String(n));
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
}

/** The review log's entries, oldest first (straight from IndexedDB: one record per day). */
export function logEntries(
	page: Page
): Promise<Array<{ fact: string; rating?: number; kind: string }>> {
	return page.evaluate(
		() =>
			new Promise((resolve, reject) => {
				const r = indexedDB.open('current-affairs-recall');
				r.onerror = () => reject(r.error);
				r.onsuccess = () => {
					const all = r.result.transaction('log').objectStore('log').getAll();
					all.onsuccess = () => {
						r.result.close();
						resolve(
							all.result.flatMap(
								(day: { entries: Array<{ fact: string; rating?: number; kind: string }> }) =>
									day.entries
							)
						);
					};
				};
			})
	);
}

/** How many entries the review log holds (read straight from IndexedDB). */
export async function logCount(page: Page): Promise<number> {
	return (await logEntries(page)).length;
}
