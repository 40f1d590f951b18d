/**
 * The built-in decks of questions/, loaded and validated at build time (every page is
 * prerendered), so a bad deck stops the build and the browser never ships the validator for them.
 */
import { validateDeck } from './validate';
import { BankError } from './errors';
import type { Deck } from './schema';

const deckFiles = import.meta.glob<unknown>('/questions/*/deck.json', {
	eager: true,
	import: 'default'
});
const sourceFiles = import.meta.glob<string>('/questions/*/*.txt', {
	eager: true,
	query: '?raw',
	import: 'default'
});

export interface BuiltinDeck {
	deck: Deck;
	/** The source text that the facts quote, as shipped beside the deck. */
	sourceText: string;
}

function load(): BuiltinDeck[] {
	const problems: string[] = [];
	const out: BuiltinDeck[] = [];
	for (const [path, raw] of Object.entries(deckFiles)) {
		const dir = path.slice(0, path.lastIndexOf('/'));
		const file = (raw as { source?: { file?: string } }).source?.file ?? '';
		const sourceText = sourceFiles[`${dir}/${file}`] ?? '';
		const result = validateDeck(raw, sourceText, path.slice(1));
		if (result.ok) out.push({ deck: result.deck, sourceText });
		else problems.push(...result.problems);
	}
	if (problems.length) throw new BankError(problems);
	return out.sort((a, b) => b.deck.asOf.localeCompare(a.deck.asOf));
}

/** Every built-in deck, newest first. Throws BankError listing every problem. */
export const builtinDecks: readonly BuiltinDeck[] = load();

export function findBuiltinDeck(id: string): BuiltinDeck | undefined {
	return builtinDecks.find((d) => d.deck.id === id);
}
