// Hostile and broken data, end to end: a backup naming an impossible time zone is refused, and
// one stored already (older data) leaves every page working with a message that leads to
// Settings; a merge keeps the learner's own scheduling parameters when the file names other
// ones by the same id; Replace rebuilds a file's fact states from its log, and "Check and
// rebuild" repairs stored states and says which; a database held open by an older tab is
// explained on the page that waits for it, which goes on once that tab closes.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { defaultSettings } from '../src/lib/srs/settings';
import { backupWith } from './backup-fixture';

/** The page has hydrated: a file chosen before would be lost (no handler yet). */
const hydrated = (page: Page) => page.locator('html[data-hydrated]').waitFor({ state: 'attached' });

const DB = 'current-affairs-recall';
const MARS = 'Mars/Olympus_Mons';

const file = (name: string, content: unknown) => ({
	name,
	mimeType: 'application/json',
	buffer: Buffer.from(JSON.stringify(content))
});

/** Read or write one record of the app's database, behind the app's back. */
function record(page: Page, store: string, key: string, value?: unknown): Promise<unknown> {
	return page.evaluate(
		([db, store, key, value]) =>
			new Promise((resolve, reject) => {
				const open = indexedDB.open(db as string);
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction(store as string, 'readwrite');
					const os = tx.objectStore(store as string);
					const req = value === undefined ? os.get(key as string) : os.put(value, key as string);
					tx.oncomplete = () => {
						open.result.close();
						resolve(value === undefined ? req.result : undefined);
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		[DB, store, key, value] as const
	);
}

async function importFile(page: Page, name: string, content: unknown, mode: 'Merge' | 'Replace') {
	await page.locator('input[type=file]').setInputFiles(file(name, content));
	await page.getByRole('radio', { name: new RegExp(`${mode}:`) }).check();
	await page.getByRole('button', { name: `${mode} now` }).click();
}

test('a backup naming an impossible time zone is refused, naming the field', async ({ page }) => {
	await page.goto('/settings');
	await hydrated(page);
	const bad = {
		...backupWith(2),
		settings: { schemaVersion: 2, settings: { ...defaultSettings('UTC'), timeZone: MARS } }
	};
	await page.locator('input[type=file]').setInputFiles(file('mars.json', bad));
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('This file cannot be imported');
	await expect(alert).toContainText(`settings.timeZone: "${MARS}" is not a time zone`);
	await expect(page.getByRole('button', { name: 'Replace now' })).toHaveCount(0);
});

test('an impossible time zone stored already: every page loads and says so, until Settings fixes it', async ({
	page
}) => {
	test.slow();
	await page.goto('/settings');
	await hydrated(page);
	await expect(page.getByText(/fact states, .* log entries/)).toBeVisible();
	await record(page, 'settings', 'scheduling', {
		schemaVersion: 2,
		settings: { ...defaultSettings('UTC'), newPerDay: 7, timeZone: MARS }
	});
	const banner = page.getByRole('alert').filter({ hasText: 'Your time zone setting is invalid' });
	const pages: Array<[string, () => Promise<void>]> = [
		['/', () => expect(page.getByText(/^Study streak/)).toBeVisible()],
		['/study', () => expect(page.locator('article[data-question-id]')).toBeVisible()],
		['/stats', () => expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible()],
		['/browse', () => expect(page.getByText(/^\d+ facts$/)).toBeVisible()]
	];
	for (const [path, loaded] of pages) {
		await page.goto(path);
		await loaded();
		await expect(banner).toContainText(`"${MARS}" is not a time zone this browser knows`);
		await expect(banner.getByRole('link', { name: /Settings/ })).toHaveAttribute(
			'href',
			'/settings'
		);
	}
	await banner.getByRole('link', { name: /Settings/ }).click();
	await expect(page.getByLabel('New facts per day')).toHaveValue('7');
	await expect(page.getByLabel('Time zone')).not.toHaveValue(MARS);
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
	await expect(banner).toHaveCount(0);
	await page.goto('/study');
	await expect(page.locator('article[data-question-id]')).toBeVisible();
	await expect(banner).toHaveCount(0);
});

test('a merge keeps the learner’s own parameters when the file names others by the same id', async ({
	page
}) => {
	await page.goto('/settings');
	await hydrated(page);
	const mine = backupWith(2);
	await importFile(page, 'mine.json', mine, 'Replace');
	await expect(page.getByText('2 fact states, 2 log entries, 0 kept aside')).toBeVisible();
	const [id] = Object.keys(mine.params);
	const own = await record(page, 'settings', `params:${id}`);

	// Another file: other answers, and parameters with another day start under the same id.
	const theirs = backupWith(4);
	const forged = {
		...theirs,
		params: { [id]: { ...(theirs.params[id] as object), dayStartHour: 6 } },
		log: theirs.log.map((e) => ({ ...e, id: `other-${e.id}` })).slice(2)
	};
	await importFile(page, 'theirs.json', forged, 'Merge');
	await expect(page.getByRole('status')).toContainText('Merged: you now have 4 log entries');
	expect(await record(page, 'settings', `params:${id}`)).toEqual(own);
	await page.getByRole('button', { name: 'Check and rebuild' }).click();
	await expect(page.getByRole('status')).toContainText(
		'Checked 4 fact(s) against 4 log entries: every fact state matches the log'
	);
});

test('Replace rebuilds a file’s states from its log; Check and rebuild repairs and names facts', async ({
	page,
	axe
}) => {
	await page.goto('/settings');
	await hydrated(page);
	const file = backupWith(3);
	const [first, , third] = file.states;
	const tampered = {
		...file,
		states: [{ ...first, card: { ...first.card, stability: 1e308 } }, third]
	};
	await importFile(page, 'tampered.json', tampered, 'Replace');
	await expect(page.getByRole('status')).toContainText(
		'Replaced: 3 log entries over 3 facts. 2 fact state(s) in the file did not match its log and were rebuilt from it.'
	);
	await expect(page.getByText('3 fact states, 3 log entries, 0 kept aside')).toBeVisible();

	// Damage behind the app's back: one state changed, one deleted.
	const key = (i: number) => `india-us-2026-01/fact-${i}`;
	const stored = (await record(page, 'states', key(0))) as { card: object };
	await record(page, 'states', key(0), { ...stored, card: { ...stored.card, state: 3 } });
	await page.evaluate(
		([db, k]) =>
			new Promise((resolve) => {
				const open = indexedDB.open(db);
				open.onsuccess = () => {
					const tx = open.result.transaction('states', 'readwrite');
					tx.objectStore('states').delete(k);
					tx.oncomplete = () => resolve(open.result.close());
				};
			}),
		[DB, key(2)] as const
	);
	await page.getByRole('button', { name: 'Check and rebuild' }).click();
	await expect(page.getByRole('status')).toContainText(
		'Checked 3 fact(s) against 3 log entries: 1 fact state(s) differed from the log and were rebuilt; 1 missing fact state(s) were added.'
	);
	const repaired = page.getByRole('list').filter({ hasText: key(0) });
	await expect(repaired).toContainText(`${key(0)}: rebuilt from the log`);
	await expect(repaired).toContainText(`${key(2)}: missing: added from the log`);
	expect(await axe()).toEqual([]);
	await page.getByRole('button', { name: 'Check and rebuild' }).click();
	await expect(page.getByRole('status')).toContainText('Nothing needed repair');
});

test('a database held open by an older tab: /study says what to do, and goes on once it closes', async ({
	context
}) => {
	// A tab of the app from before the upgrade: the database at version 2, held open.
	const old = await context.newPage();
	await old.goto('/decks.json');
	await old.evaluate(
		(db) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open(db, 2);
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					(window as unknown as { held: IDBDatabase }).held = open.result;
					resolve();
				};
			}),
		DB
	);
	const page = await context.newPage();
	await page.goto('/study');
	const banner = page.getByRole('alert').filter({ hasText: 'Waiting for another tab' });
	await expect(banner).toContainText('Close the other Current Affairs Recall tabs');
	await expect(page.locator('article[data-question-id]')).toHaveCount(0);

	await old.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
	await expect(page.locator('article[data-question-id]')).toBeVisible();
	await expect(banner).toHaveCount(0);
});
