/**
 * The reading view's state (`/read/<deck>` for a built-in deck, `/read?deck=` for one of the
 * learner's own): the deck's article with each fact's quote located in it (its first occurrence,
 * as the validator finds it: bank/quote-ranges.ts), and per fact its questions, its memory and
 * a study link. Memory comes from the repository once the page has mounted.
 */
import { locateQuotes, type TextRange } from '$lib/bank/quote-ranges';
import type { Deck, Fact, Question } from '$lib/bank/schema';
import { factMemory, type FactMemory } from '$lib/srs/fact-memory';
import { memoryKey, type MemoryState } from '$lib/srs/memory';
import type { SchedulingSettings } from '$lib/srs/settings';
import { repository } from './storage.svelte';
import { readHref, studyHref } from './deck-links';
import { ownDeck } from './decks';

export interface ReadingFact {
	fact: Fact;
	/** Its topics' labels, in the fact's order. */
	topics: string[];
	questions: Question[];
	/** Null until the memory is read. */
	memory: FactMemory | null;
	/** A study session of this fact alone. */
	study: string;
}

export class ReadingPage {
	readonly deck: Deck;
	readonly text: string;
	/** Every located quote, in the deck's fact order. */
	readonly ranges: TextRange[];
	/** The facts whose quote is not in the text (flagged, never dropped). */
	readonly missing: Fact[];
	#states = $state.raw(new Map<string, MemoryState>());
	#settings = $state.raw<SchedulingSettings | null>(null);
	#now = $state.raw(new Date());
	#loaded = $state(false);
	#error = $state<string | null>(null);

	constructor(deck: Deck, text: string) {
		this.deck = deck;
		this.text = text;
		const { ranges, missing } = locateQuotes(text, deck.facts);
		this.ranges = ranges;
		const gone = new Set(missing);
		this.missing = deck.facts.filter((f) => gone.has(f.id));
	}

	get loaded(): boolean {
		return this.#loaded;
	}

	/** Why the memory could not be read, when it could not. */
	get error(): string | null {
		return this.#error;
	}

	/** Read the facts' memory (the states and the scheduling settings) at `now`. */
	async load(now = new Date()): Promise<void> {
		try {
			const repo = await repository();
			const [settings, states] = await Promise.all([repo.loadSettings(), repo.loadStates()]);
			this.#settings = settings;
			this.#states = states;
			this.#now = now;
			this.#loaded = true;
		} catch (e) {
			this.#error = `Your progress could not be read: ${e instanceof Error ? e.message : String(e)}`;
		}
	}

	/** The study link of the whole deck ("Study this article"). */
	get studyAll(): string {
		return studyHref({ deck: this.deck.id });
	}

	/** The facts named by `ids` (a highlight's), with what the panel shows of each. */
	facts(ids: readonly string[]): ReadingFact[] {
		const labels = new Map(this.deck.topics.map((t) => [t.id, t.label]));
		return ids.flatMap((id) => {
			const fact = this.deck.facts.find((f) => f.id === id);
			if (!fact) return [];
			const key = memoryKey(this.deck.id, fact.id);
			return [
				{
					fact,
					topics: fact.topics.map((t) => labels.get(t) ?? t),
					questions: this.deck.questions.filter((q) => q.facts.includes(fact.id)),
					memory: this.#loaded
						? factMemory(this.#states.get(key), this.#settings, this.#now)
						: null,
					study: studyHref({ facts: [key] })
				}
			];
		});
	}
}

/** A deck id, as the deck schema allows it (SlugSchema): anything else names no deck. */
const DECK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The deck `/read?deck=id` names: one of the learner's own, or 'builtin' when it is a built-in
 * deck's id (read on its own page), or null when no deck here has that id. A built-in deck is
 * known by its reading page, prerendered (and cached for offline use) for each one: asking for
 * it does not bring the built-in decks' module into this page, which would split it out of
 * /study's own chunk.
 */
export async function findDeckToRead(
	id: string,
	get: (url: string) => Promise<Response> = (url) => fetch(url)
): Promise<Deck | 'builtin' | null> {
	if (!DECK_ID.test(id)) return null;
	const own = await ownDeck(id);
	if (own) return own;
	const page = await get(readHref({ id, own: false })).catch(() => null);
	return page?.ok ? 'builtin' : null;
}
