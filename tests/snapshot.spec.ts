// The states' snapshot (one record that pages read instead of one per fact) in a real browser:
// written after answers, used by the next page, and never hiding another tab's answers.
import { test, expect, type Page } from '@playwright/test';
import { answerRightly } from './study-helpers';

/** The states' revision, the snapshot's, and how many fact states are stored (raw IndexedDB). */
function stored(page: Page) {
	return page.evaluate(
		() =>
			new Promise<{ rev: number; snapshot: number | null; states: number }>((resolve, reject) => {
				const open = indexedDB.open('current-affairs-recall');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction(['meta', 'states']);
					const rev = tx.objectStore('meta').get('states-rev');
					const snapshot = tx.objectStore('meta').get('states-snapshot');
					const states = tx.objectStore('states').count();
					tx.oncomplete = () => {
						open.result.close();
						resolve({
							rev: rev.result ?? 0,
							snapshot: snapshot.result?.rev ?? null,
							states: states.result
						});
					};
				};
			})
	);
}

async function answer(page: Page, done: number) {
	await answerRightly(page, 'keyboard');
	await page.keyboard.press('Space');
	await expect(page.getByText(`Done ${done}`, { exact: true })).toBeVisible();
}

/** On a new page, Browse shows `n` facts studied (not new): the states that page read. */
async function expectStudied(page: Page, n: number) {
	await page.goto('/browse');
	const count = page.locator('p.count');
	await expect(count).not.toHaveText('0 facts');
	const all = parseInt((await count.textContent()) ?? '');
	await page.getByLabel('State').selectOption('new');
	await expect(count).toHaveText(`${all - n} facts`);
	await page.close();
}

test('states come back whole through their snapshot, and another tab’s answers are never hidden by it', async ({
	context
}) => {
	const a = await context.newPage();
	await a.goto('/study');
	await answer(a, 1);
	await answer(a, 2);
	// Written a few seconds after the last answer, at the states' current revision.
	await expect
		.poll(
			async () => {
				const now = await stored(a);
				return now.rev > 0 && now.snapshot === now.rev;
			},
			{ timeout: 15_000 }
		)
		.toBe(true);
	const first = await stored(a);
	await expectStudied(await context.newPage(), first.states);

	// A second tab answers from the snapshot's states, then the first tab (not reloaded) answers
	// again: its copy of the states misses the second tab's answer, so it must not become the
	// snapshot, and the next page reads the records instead.
	const b = await context.newPage();
	await b.goto('/study');
	await answer(b, 1);
	await answer(a, 3);
	await a.evaluate(() => new Promise((resolve) => setTimeout(resolve, 4000)));
	const after = await stored(a);
	expect(after.rev).toBeGreaterThan(first.rev);
	// Tab A dropped its copy; tab B's is a revision behind: neither may be written.
	expect(after.snapshot).not.toBe(after.rev);
	expect(after.states).toBeGreaterThan(first.states);
	await expectStudied(await context.newPage(), after.states);
});
