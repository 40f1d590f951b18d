/**
 * The deck list at a year's scale (300 decks): decks grouped by the month of their article or by
 * topic, and filtered by what the learner types. Pure: the deck list (components/DeckGroups.svelte)
 * renders what these return. What a deck's month and topics are is read through `deckMonth` and
 * `deckTopics` only, so that a change in how listings carry them is made in one place.
 */

/** What grouping needs of a deck listing. */
export interface GroupableDeck {
	id: string;
	title: string;
	description?: string;
	source: { title: string; publisher?: string; published: string };
	topics: ReadonlyArray<{ id: string; label: string }>;
}

export type Grouping = 'month' | 'topic';
export const GROUPINGS: readonly Grouping[] = ['month', 'topic'];

/** The stored choice, or the default (month) for anything else. */
export const groupingOf = (stored: string | null): Grouping =>
	stored === 'topic' ? 'topic' : 'month';

/** The month of the deck's article, "YYYY-MM". */
export const deckMonth = (deck: GroupableDeck): string => deck.source.published.slice(0, 7);

/** The topics the deck's facts are about. */
export const deckTopics = (deck: GroupableDeck): ReadonlyArray<{ id: string; label: string }> =>
	deck.topics;

export interface DeckGroup<D> {
	/** Unique among the groups: "month:2026-03" or "topic:economy". */
	key: string;
	kind: Grouping;
	/** The month ("YYYY-MM") or the topic's id. */
	id: string;
	/** The topic's label; for a month, the month itself (the component spells it out). */
	label: string;
	decks: D[];
}

/** Lower case, accents off, spaces squeezed: "Économie " matches "econ". */
const fold = (s: string) =>
	s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** What the filter box searches in a deck: title, description, source, topics. */
const haystack = (d: GroupableDeck) =>
	fold(
		[
			d.title,
			d.description ?? '',
			d.source.title,
			d.source.publisher ?? '',
			...deckTopics(d).map((t) => t.label)
		].join(' \n ')
	);

/** The decks matching every word of `query` (all of them for an empty query). */
export function filterDecks<D extends GroupableDeck>(decks: readonly D[], query: string): D[] {
	const words = fold(query).split(' ').filter(Boolean);
	if (!words.length) return [...decks];
	return decks.filter((d) => {
		const text = haystack(d);
		return words.every((w) => text.includes(w));
	});
}

/** Newest article first; the title breaks ties, so the order is stable. */
const newestFirst = (a: GroupableDeck, b: GroupableDeck) =>
	b.source.published.localeCompare(a.source.published) || a.title.localeCompare(b.title);

/**
 * The decks in groups: by month, newest month first; by topic, in the topics' alphabetical
 * order, a deck in every topic its facts name (a deck without topics in "Other topics"). Within
 * a group, newest article first.
 */
export function groupDecks<D extends GroupableDeck>(
	decks: readonly D[],
	by: Grouping
): DeckGroup<D>[] {
	const groups = new Map<string, DeckGroup<D>>();
	const add = (id: string, label: string, deck: D) => {
		const key = `${by}:${id}`;
		let group = groups.get(key);
		if (!group) groups.set(key, (group = { key, kind: by, id, label, decks: [] }));
		group.decks.push(deck);
	};
	for (const deck of [...decks].sort(newestFirst)) {
		if (by === 'month') add(deckMonth(deck), deckMonth(deck), deck);
		else {
			const topics = deckTopics(deck);
			if (!topics.length) add('', 'Other topics', deck);
			for (const t of topics) add(t.id, t.label, deck);
		}
	}
	const list = [...groups.values()];
	return by === 'month'
		? list.sort((a, b) => b.id.localeCompare(a.id))
		: list.sort((a, b) => (a.id === '' ? 1 : b.id === '' ? -1 : a.label.localeCompare(b.label)));
}

/** "12 of 60 decks match", or "All 60 decks" with no filter: the count the filter announces. */
export function matchCount(matching: number, total: number, query: string): string {
	const decks = (n: number) => `${n} deck${n === 1 ? '' : 's'}`;
	if (!fold(query)) return `All ${decks(total)}`;
	return matching === 0
		? `No deck matches “${query.trim()}”`
		: `${matching} of ${decks(total)} match${matching === 1 ? 'es' : ''}`;
}
