/**
 * /study's built-in decks: fetched and kept on a first visit, read from storage on the next
 * (no request), fetched and kept again once the build's version differs (an update), and never
 * taken from a copy that is damaged.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { builtinDecks as built } from '$lib/bank/builtin.server';
import { freshRepo } from '$lib/storage/test-helpers';
import { builtinDecks } from './builtin-copy';
import { BUILTIN_DECKS_URL, explanationless, splitExplanations } from './builtin-decks';

const file = splitExplanations(built.map(({ deck }) => deck)).decks;

/** A fetch serving `/decks.json`; the URLs asked, in order. */
function serve(body: unknown = file): string[] {
	const asked: string[] = [];
	vi.stubGlobal('fetch', async (url: string) => {
		asked.push(url);
		return url === BUILTIN_DECKS_URL
			? new Response(JSON.stringify(body))
			: new Response('', { status: 404, statusText: 'Not Found' });
	});
	return asked;
}

afterEach(() => vi.unstubAllGlobals());

test('a first visit fetches the file and keeps it; the next reads it from storage', async () => {
	const repo = await freshRepo();
	const asked = serve();
	const first = await builtinDecks(repo, 'v1');
	expect(asked).toEqual([BUILTIN_DECKS_URL]);
	expect(first.decks).toEqual(explanationless(file));
	await first.keep();
	const next = await builtinDecks(repo, 'v1');
	expect(asked).toHaveLength(1);
	expect(next.decks).toEqual(first.decks);
	// Nothing fetched, nothing to keep.
	await next.keep();
	expect(asked).toHaveLength(1);
});

test('after an update (another version) the file is fetched and kept again', async () => {
	const repo = await freshRepo();
	const asked = serve();
	await (await builtinDecks(repo, 'v1')).keep();
	const changed = file.map((d) => ({ ...d, title: `${d.title} (updated)` }));
	serve(changed);
	const updated = await builtinDecks(repo, 'v2');
	expect(updated.decks.map((d) => d.title)).toEqual(changed.map((d) => d.title));
	await updated.keep();
	const asked2 = serve();
	expect((await builtinDecks(repo, 'v2')).decks.map((d) => d.title)).toEqual(
		changed.map((d) => d.title)
	);
	expect(asked2).toEqual([]);
	expect(asked).toHaveLength(1);
});

test('a damaged copy is not used: the file is fetched', async () => {
	const repo = await freshRepo();
	await repo.kv.run(['builtin'], 'readwrite', async (tx) =>
		tx.put('builtin', 'decks', { version: 'v1', text: '[{"id":"x","facts":"not a list"}]' })
	);
	const asked = serve();
	expect((await builtinDecks(repo, 'v1')).decks).toEqual(explanationless(file));
	await repo.kv.run(['builtin'], 'readwrite', async (tx) =>
		tx.put('builtin', 'decks', { version: 'v1', text: '[{"id":' })
	);
	expect((await builtinDecks(repo, 'v1')).decks).toEqual(explanationless(file));
	expect(asked).toEqual([BUILTIN_DECKS_URL, BUILTIN_DECKS_URL]);
});

test('a file that cannot be fetched is an error naming it; nothing is kept', async () => {
	const repo = await freshRepo();
	vi.stubGlobal('fetch', async () => new Response('', { status: 503, statusText: 'Down' }));
	await expect(builtinDecks(repo, 'v1')).rejects.toThrow(/decks could not be loaded \(503 Down\)/);
	expect(await repo.kv.run(['builtin'], 'readonly', (tx) => tx.count('builtin'))).toBe(0);
});
