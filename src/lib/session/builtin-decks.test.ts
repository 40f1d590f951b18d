/**
 * The built-in decks travel as two files (the decks without explanations, then the explanations):
 * read back together, they are the decks as built.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { builtinDecks } from '$lib/bank/builtin.server';
import {
	BUILTIN_DECKS_URL,
	BUILTIN_EXPLANATIONS_URL,
	explainDecks,
	fetchBuiltinDecks,
	splitExplanations
} from './builtin-decks';

const decks = builtinDecks.map(({ deck }) => deck);

/** A fetch that serves the two files as the build writes them (or fails the explanations). */
function serve({ explanations = true } = {}) {
	const files = splitExplanations(decks);
	const body: Record<string, unknown> = {
		[BUILTIN_DECKS_URL]: files.decks,
		...(explanations ? { [BUILTIN_EXPLANATIONS_URL]: files.explanations } : {})
	};
	vi.stubGlobal('fetch', async (url: string) =>
		url in body
			? new Response(JSON.stringify(body[url]))
			: new Response('', { status: 404, statusText: 'Not Found' })
	);
}

afterEach(() => vi.unstubAllGlobals());

test('the decks file holds no explanation, and the two files read back are the decks as built', async () => {
	const files = splitExplanations(decks);
	expect(JSON.stringify(files.decks)).not.toContain('"explanation"');
	expect(decks.some((d) => d.questions.some((q) => q.explanation))).toBe(true);
	serve();
	const read = await fetchBuiltinDecks();
	expect(read.every((d) => d.questions.every((q) => q.explanation === ''))).toBe(true);
	await explainDecks(read);
	expect(read).toEqual(decks);
});

test('without the explanations file, the decks keep empty explanations and nothing throws', async () => {
	serve({ explanations: false });
	const read = await fetchBuiltinDecks();
	await explainDecks(read);
	expect(read.map((d) => d.questions.length)).toEqual(decks.map((d) => d.questions.length));
	expect(read.every((d) => d.questions.every((q) => q.explanation === ''))).toBe(true);
});
