// The embedded sync server as the app reaches it: under its own origin at /sync/ (the preview's
// proxy). A sign-up and a session from the browser (an HttpOnly cookie on /sync/), account B
// refused A's database, the server going down (503; offline, a network error, never a cached
// answer from the service worker) and coming back with the same session and data.
import { expect, test, type Page } from '@playwright/test';
import {
	adminHeaders,
	createAccount,
	uniqueName,
	userDbPath,
	whileSyncServerDown
} from './sync-fixture';

/** A fetch from the page (its origin, its cookies): the status and the JSON body, or the error. */
function fetchIn(page: Page, path: string, init: { method?: string; body?: unknown } = {}) {
	return page.evaluate(
		async ({ path, method, body }) => {
			try {
				const response = await fetch(path, {
					method,
					credentials: 'include',
					headers: body === undefined ? {} : { 'content-type': 'application/json' },
					body: body === undefined ? undefined : JSON.stringify(body)
				});
				return { status: response.status, json: await response.json() };
			} catch (e) {
				return { status: 0, json: { error: String(e) } };
			}
		},
		{ path, method: init.method ?? 'GET', body: init.body }
	);
}

async function signIn(page: Page, name: string, password: string) {
	const reply = await fetchIn(page, '/sync/_session', {
		method: 'POST',
		body: { name, password }
	});
	expect(reply).toEqual({ status: 200, json: { ok: true, name, roles: [] } });
}

test('a sign-up and a session from the app: an HttpOnly cookie on /sync/', async ({
	page,
	context
}) => {
	const name = uniqueName('learner');
	await page.goto('/');
	const made = await fetchIn(page, `/sync/_users/org.couchdb.user:${name}`, {
		method: 'PUT',
		body: { name, password: 'pw-1', roles: [], type: 'user' }
	});
	expect(made.status).toBe(201);
	const wrong = await fetchIn(page, '/sync/_session', {
		method: 'POST',
		body: { name, password: 'nope' }
	});
	expect(wrong).toEqual({
		status: 401,
		json: { error: 'unauthorized', reason: 'Name or password is incorrect.' }
	});
	await signIn(page, name, 'pw-1');
	const [cookie] = (await context.cookies()).filter((c) => c.name === 'AuthSession');
	expect(cookie).toMatchObject({ path: '/sync/', httpOnly: true });
	expect(cookie.expires).toBeGreaterThan(Date.now() / 1000 + 24 * 3600);
	expect(await page.evaluate(() => document.cookie)).not.toContain('AuthSession');
	expect((await fetchIn(page, '/sync/_session')).json).toMatchObject({ userCtx: { name } });
	const db = userDbPath(name);
	expect((await fetchIn(page, `${db}/log:1`, { method: 'PUT', body: { at: 1 } })).status).toBe(201);
	expect((await fetchIn(page, `${db}/log:1`)).json).toMatchObject({ _id: 'log:1', at: 1 });
});

test("account B cannot read or write A's database", async ({ page, browser, request }) => {
	const [a, b] = [uniqueName('a'), uniqueName('b')];
	await createAccount(request, a, 'pw-a');
	await createAccount(request, b, 'pw-b');
	await page.goto('/');
	await signIn(page, a, 'pw-a');
	const db = userDbPath(a);
	expect((await fetchIn(page, `${db}/log:1`, { method: 'PUT', body: { at: 1 } })).status).toBe(201);

	const other = await browser.newContext();
	const pageB = await other.newPage();
	await pageB.goto('/');
	for (const [path, method, body] of [
		[`${db}/log:1`, 'GET'],
		[`${db}/_all_docs`, 'GET'],
		[`${db}/_changes?since=0`, 'GET'],
		[`${db}/_bulk_get`, 'POST', { docs: [{ id: 'log:1' }] }],
		[`${db}/log:2`, 'PUT', { at: 2 }]
	] as const) {
		expect(await fetchIn(pageB, path, { method, body }), `${method} ${path}`).toEqual({
			status: 401,
			json: expect.objectContaining({ error: 'unauthorized' })
		});
		await signIn(pageB, b, 'pw-b');
		expect(await fetchIn(pageB, path, { method, body }), `${method} ${path}`).toEqual({
			status: 403,
			json: { error: 'forbidden', reason: 'This database belongs to another account.' }
		});
		await other.clearCookies();
	}
	await other.close();
	// What reached the server: A's one document, nothing of B's.
	const all = await request.get(`${db}/_all_docs`, { headers: adminHeaders() });
	expect((await all.json()).rows.map((r: { id: string }) => r.id)).toEqual(['log:1']);
});

test('the server going down answers 503, offline is a network error, and both come back @server-down', async ({
	page,
	context,
	request
}) => {
	const name = uniqueName('down');
	await createAccount(request, name, 'pw');
	await page.goto('/');
	await page.waitForFunction(async () => {
		await navigator.serviceWorker.ready;
		return navigator.serviceWorker.controller !== null;
	});
	await signIn(page, name, 'pw');
	const db = userDbPath(name);
	expect((await fetchIn(page, `${db}/log:1`, { method: 'PUT', body: { at: 1 } })).status).toBe(201);

	await whileSyncServerDown(async () => {
		expect(await fetchIn(page, `${db}/log:1`)).toEqual({
			status: 503,
			json: { error: 'unavailable', reason: 'The sync server is down for now; try again later.' }
		});
	});
	expect(
		(await fetchIn(page, `${db}/log:1`)).json,
		'the same session, the same data'
	).toMatchObject({ at: 1 });

	// The service worker leaves /sync/ to the network: offline, a request fails as it should.
	const served = page.waitForResponse((r) => r.url().endsWith('/sync/_session'));
	await fetchIn(page, '/sync/_session');
	expect((await served).fromServiceWorker()).toBe(false);
	await context.setOffline(true);
	expect((await fetchIn(page, '/sync/_session')).status).toBe(0);
	await context.setOffline(false);
	expect((await fetchIn(page, '/sync/_session')).json).toMatchObject({ userCtx: { name } });
});
