// Installable and offline: the manifest and its icons, and after one visit every page reloads
// with the network off (the service worker serves the prerendered pages and the decks), and a
// study session works offline.
import { test, expect } from './fixtures';
import { answerRightly } from './study-helpers';

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
