// Installable and offline: the manifest and its icons, and after one visit every page reloads
// with the network off (the service worker serves the prerendered pages and the decks), and a
// study session works offline.
import { resolve } from 'node:path';
import { test, expect } from './fixtures';
import { answerRightly, logCount } from './study-helpers';
import { serveStatic, type StaticServer } from './static-server';

test('the web manifest names the app and its icons (192, 512, maskable)', async ({
	page,
	request
}) => {
	await page.goto('/');
	const href = await page.locator('link[rel=manifest]').getAttribute('href');
	const manifest = await (await request.get(href!)).json();
	expect(manifest).toMatchObject({
		name: 'Current Affairs Recall',
		start_url: '/',
		display: 'standalone'
	});
	const icons = manifest.icons as Array<{ src: string; sizes: string; purpose: string }>;
	expect(icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual([
		'192x192 any',
		'512x512 any',
		'512x512 maskable'
	]);
	for (const icon of icons) {
		const res = await request.get(icon.src);
		expect(res.headers()['content-type']).toBe('image/png');
		const png = await res.body();
		const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
		expect(`${w}x${h}`).toBe(icon.sizes);
	}
});

test('after one visit, every page reloads with the network off, and studying works', async ({
	page,
	context
}) => {
	await page.goto('/');
	await page.waitForFunction(async () => {
		await navigator.serviceWorker.ready;
		return navigator.serviceWorker.controller !== null;
	});
	await context.setOffline(true);
	const pages: Array<[string, RegExp]> = [
		['/', /^Decks$/],
		['/study', /^Study/],
		['/test', /^Mock test$/],
		['/browse', /^Browse facts$/],
		['/stats', /^Statistics$/],
		['/settings', /^Settings$/],
		['/decks', /^Your decks$/],
		['/classroom', /^Classroom quiz$/],
		['/deck/india-us-2026-01', /India–U\.S\./],
		['/study?deck=india-us-2026-01', /^Study/]
	];
	for (const [path, heading] of pages) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(heading);
	}
	await page.reload();
	await answerRightly(page, 'keyboard');
	await page.keyboard.press('Space');
	await expect(page.getByText('Done 1')).toBeVisible();
});

/**
 * The built app on a server of the test's own, whose service worker script can change: the
 * "next version" (Playwright cannot reroute the browser's own update check for that script).
 */
async function ownServer(): Promise<StaticServer & { nextVersion: () => void }> {
	let suffix = '';
	const server = await serveStatic(resolve('build'), {
		transform: (path, body) =>
			path === '/service-worker.js' ? Buffer.concat([body, Buffer.from(suffix)]) : body
	});
	return { ...server, nextVersion: () => (suffix = '\n// the next version\n') };
}

test('a new version waits for the learner: "Update now" in the middle of a session, then it takes over', async ({
	page,
	axe
}) => {
	const server = await ownServer();
	try {
		await page.goto(`${server.origin}/study`);
		await page.waitForFunction(async () => {
			await navigator.serviceWorker.ready;
			return navigator.serviceWorker.controller !== null;
		});
		await answerRightly(page, 'keyboard');
		const question = await page
			.locator('article[data-question-id]')
			.getAttribute('data-question-id');
		server.nextVersion();
		await page.evaluate(async () => {
			(window as unknown as { beforeUpdate: boolean }).beforeUpdate = true;
			await (await navigator.serviceWorker.getRegistration())?.update();
		});
		const banner = page
			.getByRole('status')
			.filter({ hasText: 'A new version of the app is ready' });
		// Installing means caching every page and file again: slow on a busy machine.
		await expect(banner).toBeVisible({ timeout: 30_000 });
		expect(await axe()).toEqual([]);
		// Nothing was interrupted: the same page, the answer still on screen, waiting for its rating.
		await expect(page.locator('#verdict')).toBeVisible();
		expect(
			await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)
		).toBe(true);
		await page.keyboard.press('Space');
		await expect(page.getByText('Done 1')).toBeVisible();
		expect(await logCount(page)).toBe(1);

		await banner.getByRole('button', { name: 'Update now' }).click();
		await page.waitForFunction(
			() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate === undefined
		);
		await expect(page.locator('article[data-question-id]')).toBeVisible();
		await expect(banner).toHaveCount(0);
		expect(
			await page.evaluate(async () => {
				const reg = await navigator.serviceWorker.getRegistration();
				return { waiting: reg?.waiting ?? null, controlled: !!navigator.serviceWorker.controller };
			})
		).toEqual({ waiting: null, controlled: true });
		// The answer rated before the update is kept, and the session goes on past that question.
		expect(await logCount(page)).toBe(1);
		await expect(page.locator('article[data-question-id]')).not.toHaveAttribute(
			'data-question-id',
			question!
		);
	} finally {
		server.close();
	}
});
