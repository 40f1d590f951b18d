/**
 * Where a study session finds its facts and questions. The queue is built from each deck's
 * facts alone (id, statement hash, topics); a deck of the learner's own is listed from its
 * stored summary and read only when the session is about to ask one of its facts, so that the
 * first question needs the summaries, the states and one deck, not every deck parsed (see
 * docs/ARCHITECTURE.md, Storage).
 */
import type { Deck, Fact, Question } from '$lib/bank/schema';
import { memoryKey, statementHash } from '$lib/srs/keys';
import type { QueueFact, StudyFilter } from '$lib/srs/queue';

/** A deck known by its listing, whose contents are read on demand (null: gone or set aside). */
export interface LazyDeck {
	id: string;
	title: string;
	facts: ReadonlyArray<{ fact: string; statementHash: string; topics: readonly string[] }>;
	load(): Promise<Deck | null>;
}

/** A deck to study: whole (the built-in ones), or read when needed. */
export type StudyDeck = Deck | LazyDeck;

const isLazy = (d: StudyDeck): d is LazyDeck => 'load' in d;

/** A fact ready to ask: its deck, itself, and the questions that test it. */
export interface SourcedFact {
	deck: Deck;
	fact: Fact;
	questions: readonly Question[];
}

export class StudySource {
	/** The facts studied, in study order (the filter applied). */
	readonly facts: QueueFact[] = [];
	readonly #decks = new Map<string, StudyDeck>();
	/** The decks read (or being read), by id. */
	readonly #loading = new Map<string, Promise<void>>();
	readonly #byKey = new Map<string, { deck: Deck; fact: Fact }>();
	readonly #questionsByKey = new Map<string, Question[]>();

	constructor(decks: readonly StudyDeck[], filter: StudyFilter = {}) {
		for (const deck of decks) {
			this.#decks.set(deck.id, deck);
			const facts = isLazy(deck)
				? deck.facts.map((f) => ({ id: f.fact, hash: f.statementHash, topics: f.topics }))
				: deck.facts.map((f) => ({ id: f.id, hash: statementHash(f.statement), topics: f.topics }));
			for (const { id, hash, topics } of facts) {
				if (filter.topic && !topics.includes(filter.topic)) continue;
				const key = memoryKey(deck.id, id);
				if (filter.facts && !filter.facts.includes(key)) continue;
				this.facts.push({ deck: deck.id, fact: id, statementHash: hash, key });
			}
			if (!isLazy(deck)) {
				this.#index(deck);
				this.#loading.set(deck.id, Promise.resolve());
			}
		}
	}

	#index(deck: Deck): void {
		for (const fact of deck.facts) this.#byKey.set(memoryKey(deck.id, fact.id), { deck, fact });
		for (const q of deck.questions)
			for (const f of q.facts) {
				const key = memoryKey(deck.id, f);
				const list = this.#questionsByKey.get(key);
				if (list) list.push(q);
				else this.#questionsByKey.set(key, [q]);
			}
	}

	/** A fact of a deck already read, with its questions (undefined: not read, or not there). */
	fact(key: string): SourcedFact | undefined {
		const found = this.#byKey.get(key);
		return found && { ...found, questions: this.#questionsByKey.get(key) ?? [] };
	}

	/**
	 * Read the decks of these facts that are not read yet. A deck that cannot be read (gone,
	 * set aside, storage failing) leaves its facts without questions: the session skips them.
	 */
	load(entries: ReadonlyArray<{ deck: string }>): Promise<void> {
		const pending: Promise<void>[] = [];
		for (const { deck: id } of entries) {
			let loading = this.#loading.get(id);
			if (!loading) {
				const deck = this.#decks.get(id);
				loading =
					deck && isLazy(deck)
						? deck
								.load()
								.then((d) => {
									if (d?.id === id) this.#index(d);
								})
								.catch(() => {})
						: Promise.resolve();
				this.#loading.set(id, loading);
			}
			pending.push(loading);
		}
		return Promise.all(pending).then(() => {});
	}
}
