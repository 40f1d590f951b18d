// Sync across devices with the embedded server (playwright.config.ts starts it; the app reaches
// it at /sync/): two devices (two browser contexts, one account) study offline, then connect, and
// end with the same log and fact states; the server going down mid-sync loses nothing; a wrong
// password says so; the sync panel passes axe in both themes.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { answerRightly, setNewPerDay } from './study-helpers';
import {
	adminHeaders,
	createAccount,
	uniqueName,
	userDbPath,
	whileSyncServerDown
} from './sync-fixture';

const PASSWORD = 'correct horse';

/** A second device: a context of its own (its own storage), as the project's. */
async function otherDevice(browser: Browser): Promise<BrowserContext> {
	const { baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, colorScheme } =
		test.info().project.use;
	return browser.newContext({
		baseURL,
		viewport,
		userAgent,
		deviceScaleFactor,
		isMobile,
		hasTouch,
		colorScheme
	});
}

async function settings(page: Page) {
	await page.goto('/settings');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	return page.locator('#sync');
}

async function signIn(page: Page, name: string, password = PASSWORD) {
	const panel = await settings(page);
	await panel.getByLabel('Account name').fill(name);
	await panel.getByLabel('Password', { exact: true }).fill(password);
	await panel.getByRole('button', { name: 'Sign in' }).click();
	await expect(panel.getByText(`Signed in as ${name}`)).toBeVisible();
	await expect(panel.locator('[data-sync-line]')).toHaveText(/^Synced/);
}

/** Sync now from Settings, and wait until it went through with nothing left to send. */
async function syncNow(page: Page) {
	const panel = await settings(page);
	await expect(panel.locator('[data-sync-line]')).toHaveText(/^(Synced|Not synced)/);
	await panel.getByRole('button', { name: 'Sync now' }).click();
	await expect(panel.locator('[data-sync-line]')).toHaveText('Synced just now');
}

/** Answer `n` questions on /study (already open), rating each Good, by touch or by mouse. */
async function study(page: Page, n: number) {
	const touch = !!test.info().project.use.hasTouch;
	for (let i = 0; i < n; i++) {
		const done = Number((await page.getByText(/^Done \d+$/).textContent())?.slice(5));
		await answerRightly(page, touch ? 'touch' : 'keyboard');
		const good = page.getByRole('button', { name: 'Good' });
		await (touch ? good.tap() : good.click());
		await expect(page.getByText(`Done ${done + 1}`, { exact: true })).toBeVisible();
	}
}

/** The log's entry ids and the fact states, straight from IndexedDB. */
function stored(page: Page): Promise<{ ids: string[]; states: Record<string, unknown> }> {
	return page.evaluate(
		() =>
			new Promise((resolve, reject) => {
				const r = indexedDB.open('current-affairs-recall');
				r.onerror = () => reject(r.error);
				r.onsuccess = () => {
					const tx = r.result.transaction(['log', 'states']);
					const days = tx.objectStore('log').getAll();
					const states = tx.objectStore('states').getAll();
					const keys = tx.objectStore('states').getAllKeys();
					tx.oncomplete = () => {
						r.result.close();
						const ids = days.result
							.flatMap((d: { entries: Array<{ id: string }> }) => d.entries.map((e) => e.id))
							.sort();
						const map: Record<string, unknown> = {};
						keys.result.forEach((k, i) => (map[String(k)] = states.result[i]));
						resolve({ ids, states: map });
					};
				};
			})
	);
}

/** The log documents the server holds for `name` (read as its admin). */
async function serverLog(page: Page, name: string): Promise<string[]> {
	const res = await page.request.get(`${userDbPath(name)}/_all_docs`, { headers: adminHeaders() });
	expect(res.status()).toBe(200);
	const body = (await res.json()) as { rows: Array<{ id: string }> };
	return body.rows.map((r) => r.id).filter((id) => id.startsWith('log:'));
}

async function controlled(page: Page) {
	await page.waitForFunction(async () => {
		await navigator.serviceWorker.ready;
		return navigator.serviceWorker.controller !== null;
	});
}

test('two devices study offline, then connect: one log, nothing twice, the same states', async ({
	page,
	context,
	browser
}) => {
	test.slow();
	const name = uniqueName('two');
	await createAccount(page.request, name, PASSWORD);
	const otherContext = await otherDevice(browser);
	const other = await otherContext.newPage();
	try {
		for (const p of [page, other]) {
			await signIn(p, name);
			await p.goto('/study');
			await controlled(p);
			await expect(p.locator('article[data-question-id]')).toBeVisible();
		}
		await context.setOffline(true);
		await otherContext.setOffline(true);
		await study(page, 3);
		await study(other, 2);
		// A composite question logs an entry for each fact it names: count the entries.
		const [mine, theirs] = [(await stored(page)).ids, (await stored(other)).ids];
		const total = mine.length + theirs.length;
		expect(mine.length).toBeGreaterThanOrEqual(3);
		await expect(page.locator('[data-sync-status]')).toHaveText(
			/^Sync:Offline — \d+ answers to send$/
		);
		await context.setOffline(false);
		// Back online, the page sends its answers by itself.
		await expect(page.locator('[data-sync-status]')).toHaveText('Sync:Synced just now');
		await otherContext.setOffline(false);
		await expect(other.locator('[data-sync-status]')).toHaveText('Sync:Synced just now');
		// A sync on the page still open (here on an `online` event) brings the other device's
		// answers: the page offers to show them.
		await page.evaluate(() => window.dispatchEvent(new Event('online')));
		await expect(page.getByRole('button', { name: /^Reload to see the changes/ })).toBeVisible();
		await syncNow(page);
		await syncNow(other);
		await syncNow(page);
		const [a, b] = [await stored(page), await stored(other)];
		expect(a.ids).toHaveLength(total);
		expect(new Set(a.ids).size).toBe(total);
		expect(a.ids).toEqual([...mine, ...theirs].sort());
		expect(b.ids).toEqual(a.ids);
		expect(b.states).toEqual(a.states);
		expect((await serverLog(page, name)).sort()).toEqual(a.ids.map((id) => `log:${id}`).sort());
		// The states are the log's replay: "Check and rebuild" finds nothing to repair.
		await other.getByRole('button', { name: 'Check and rebuild' }).click();
		await expect(other.getByRole('status').filter({ hasText: /^Checked/ })).toContainText(
			`against ${total} log entries: every fact state matches the log`
		);
	} finally {
		await otherContext.close();
	}
});

test('the server stops mid-sync and comes back: nothing lost, nothing twice @server-down', async ({
	page
}) => {
	test.slow();
	const name = uniqueName('down');
	await createAccount(page.request, name, PASSWORD);
	await signIn(page, name);
	await page.goto('/study');
	await study(page, 2);
	await whileSyncServerDown(async () => {
		await study(page, 2);
		await expect(page.locator('[data-sync-status]')).toHaveText(
			/^Sync:Server unreachable — \d+ answers to send$/
		);
	});
	const before = (await stored(page)).ids;
	await syncNow(page);
	const { ids } = await stored(page);
	expect(ids).toEqual(before);
	expect(new Set(ids).size).toBe(ids.length);
	const onServer = await serverLog(page, name);
	expect(onServer.sort()).toEqual(ids.map((id) => `log:${id}`).sort());
});

test('settings changed on two devices: the later wins, and the other device says so', async ({
	page,
	browser
}) => {
	const name = uniqueName('settings');
	await createAccount(page.request, name, PASSWORD);
	const otherContext = await otherDevice(browser);
	const other = await otherContext.newPage();
	try {
		await signIn(page, name);
		await signIn(other, name);
		await setNewPerDay(page, 7);
		await syncNow(page);
		await setNewPerDay(other, 12); // later
		await syncNow(other);
		await syncNow(page);
		await page.reload();
		await expect(page.getByLabel('New facts per day')).toHaveValue('12');
		await expect(page.locator('#sync')).toContainText(/Settings were changed on .+ at .+/);
		await other.reload();
		await expect(other.getByLabel('New facts per day')).toHaveValue('12');
		await expect(other.locator('#sync')).not.toContainText('Settings were changed on');
	} finally {
		await otherContext.close();
	}
});

test('a wrong password says so, and studying goes on', async ({ page }) => {
	const name = uniqueName('wrong');
	await createAccount(page.request, name, PASSWORD);
	const panel = await settings(page);
	await panel.getByLabel('Account name').fill(name);
	await panel.getByLabel('Password', { exact: true }).fill('not it');
	await panel.getByRole('button', { name: 'Sign in' }).click();
	await expect(panel.getByRole('alert')).toHaveText(/Wrong name or password/);
	await page.goto('/study');
	await study(page, 1);
});

test('an expired session says so, studying goes on, and signing in again sends the answers', async ({
	page,
	context
}) => {
	const name = uniqueName('expired');
	await createAccount(page.request, name, PASSWORD);
	await signIn(page, name);
	await context.clearCookies();
	await page.goto('/study');
	await study(page, 2);
	await expect(page.locator('[data-sync-status]')).toHaveText(
		'Sync:Session expired — sign in again'
	);
	await study(page, 1);
	const panel = await settings(page);
	await expect(panel).toContainText('Your session on the sync server has expired');
	await panel.getByLabel(`Password for ${name}`).fill(PASSWORD);
	await panel.getByRole('button', { name: 'Sign in again' }).click();
	await expect(panel.locator('[data-sync-line]')).toHaveText('Synced just now');
	const { ids } = await stored(page);
	expect((await serverLog(page, name)).sort()).toEqual(ids.map((id) => `log:${id}`).sort());
});

test(
	'the sync panel has no axe violations, signed out and signed in',
	{ tag: '@both' },
	async ({ page, axe }) => {
		await page.goto('/settings');
		await expect(
			page.locator('#sync').getByRole('button', { name: 'Create account' })
		).toBeVisible();
		expect(await axe()).toEqual([]);
		const name = uniqueName('axe');
		await createAccount(page.request, name, PASSWORD);
		await signIn(page, name);
		await expect(page.locator('[data-sync-status]')).toBeVisible();
		expect(await axe()).toEqual([]);
		// The header with its sync line still fits a 320 px phone, offline with answers to send.
		await page.setViewportSize({ width: 320, height: 640 });
		await page.goto('/study');
		await page.context().setOffline(true);
		await study(page, 1);
		await expect(page.locator('[data-sync-status]')).toHaveText(/Offline — \d+ answers? to send/);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			320
		);
		await page.screenshot({ path: test.info().outputPath('header-320.png') });
		await page.context().setOffline(false);
	}
);
