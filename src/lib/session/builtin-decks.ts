/**
 * The built-in decks in the browser, from `/decks.json` (see routes/decks.json): checked at
 * build time, so not again here. `/study` reads them from storage when it kept them there
 * (builtin-copy.ts), else fetches the file, which app.html's script then preloads.
 *
 * The questions' explanations (a third of the file, shown only after an answer) are a file of
 * their own, `/decks-explanations.json`: `/study` reads it once its first question is on screen
 * (`explainDecks`), so the first question waits for the rest only.
 */
import type { Deck, Question } from '$lib/bank/schema';

export const BUILTIN_DECKS_URL = '/decks.json';
export const BUILTIN_EXPLANATIONS_URL = '/decks-explanations.json';

/** A deck as `/decks.json` holds it: its questions without their explanations. */
export type UnexplainedDeck = Omit<Deck, 'questions'> & {
	questions: Array<Omit<Question, 'explanation'>>;
};

/** The explanations file: per deck, its questions' explanations by question id. */
export type Explanations = Array<[deck: string, Array<[question: string, explanation: string]>]>;

/** The two files' contents, from the decks (at build time). */
export function splitExplanations(decks: readonly Deck[]): {
	decks: UnexplainedDeck[];
	explanations: Explanations;
} {
	return {
		decks: decks.map((d) => ({
			...d,
			questions: d.questions.map((q) => {
				const rest: Partial<Question> = { ...q };
				delete rest.explanation;
				return rest as Omit<Question, 'explanation'>;
			})
		})),
		explanations: decks.map((d) => [d.id, d.questions.map((q) => [q.id, q.explanation])])
	};
}

export async function fetchText(url: string, what: string): Promise<string> {
	const response = await fetch(url);
	if (!response.ok)
		throw new Error(`The ${what} could not be loaded (${response.status} ${response.statusText})`);
	return response.text();
}

const fetchJson = async <T>(url: string, what: string): Promise<T> =>
	JSON.parse(await fetchText(url, what)) as T;

/** The decks of `/decks.json` with their explanations empty (a new copy of each question). */
export const explanationless = (decks: readonly UnexplainedDeck[]): Deck[] =>
	decks.map((d) => ({
		...d,
		questions: d.questions.map((q) => ({ ...q, explanation: '' }) as Question)
	}));

/** The built-in decks from the file, their explanations empty until `explainDecks` fills them in. */
export async function fetchBuiltinDecks(): Promise<Deck[]> {
	return explanationless(await fetchJson<UnexplainedDeck[]>(BUILTIN_DECKS_URL, 'decks'));
}

/**
 * Fill in the explanations of these built-in decks (from fetchBuiltinDecks), in place. A
 * failure (offline before the file was ever cached) leaves them empty: the feedback still shows
 * the verdict, the answer and the sources.
 */
export async function explainDecks(decks: readonly Deck[]): Promise<void> {
	let explanations: Explanations;
	try {
		explanations = await fetchJson<Explanations>(BUILTIN_EXPLANATIONS_URL, 'explanations');
	} catch {
		return;
	}
	const byDeck = new Map(explanations.map(([id, list]) => [id, new Map(list)]));
	for (const deck of decks) {
		const found = byDeck.get(deck.id);
		if (found) for (const q of deck.questions) q.explanation = found.get(q.id) ?? q.explanation;
	}
}
