import { describe, expect, it } from 'vitest';
import {
	deckMonth,
	filterDecks,
	groupDecks,
	groupingOf,
	matchCount,
	type GroupableDeck
} from './deck-groups';

const deck = (
	id: string,
	published: string,
	topics: Array<[string, string]>,
	more: Partial<GroupableDeck> = {}
): GroupableDeck => ({
	id,
	title: `Deck ${id}`,
	source: { title: `Article ${id}`, published },
	topics: topics.map(([tid, label]) => ({ id: tid, label })),
	...more
});

const decks = [
	deck('a', '2026-01-13', [['economy', 'Economy']]),
	deck('b', '2026-03-02', [
		['economy', 'Economy'],
		['polity', 'Polity']
	]),
	deck('c', '2025-12-30', [['polity', 'Polity']], { description: 'Monsoon session of Parliament' }),
	deck('d', '2026-03-20', [], {
		source: { title: 'Sécurité', publisher: 'PIB', published: '2026-03-20' }
	})
];

describe('grouping the deck list', () => {
	it('groups by the month of the article, newest month first, newest deck first', () => {
		const groups = groupDecks(decks, 'month');
		expect(groups.map((g) => g.id)).toEqual(['2026-03', '2026-01', '2025-12']);
		expect(groups[0].decks.map((d) => d.id)).toEqual(['d', 'b']);
		expect(groups.map((g) => g.key)).toEqual(['month:2026-03', 'month:2026-01', 'month:2025-12']);
		expect(deckMonth(decks[0])).toBe('2026-01');
	});

	it('groups by topic alphabetically, a deck under each of its topics, topicless ones last', () => {
		const groups = groupDecks(decks, 'topic');
		expect(groups.map((g) => [g.label, g.decks.map((d) => d.id)])).toEqual([
			['Economy', ['b', 'a']],
			['Polity', ['b', 'c']],
			['Other topics', ['d']]
		]);
	});

	it('reads an unknown stored choice as the default, month', () => {
		expect(groupingOf('topic')).toBe('topic');
		expect(groupingOf('month')).toBe('month');
		expect(groupingOf(null)).toBe('month');
		expect(groupingOf('year')).toBe('month');
	});
});

describe('filtering the deck list', () => {
	it('matches every word, in any field, ignoring case and accents', () => {
		expect(filterDecks(decks, '').map((d) => d.id)).toEqual(['a', 'b', 'c', 'd']);
		expect(filterDecks(decks, '  POLITY ').map((d) => d.id)).toEqual(['b', 'c']);
		expect(filterDecks(decks, 'monsoon parliament').map((d) => d.id)).toEqual(['c']);
		expect(filterDecks(decks, 'securite pib').map((d) => d.id)).toEqual(['d']);
		expect(filterDecks(decks, 'economy polity').map((d) => d.id)).toEqual(['b']);
		expect(filterDecks(decks, 'nothing like this')).toEqual([]);
	});

	it('says how many decks match', () => {
		expect(matchCount(60, 60, ' ')).toBe('All 60 decks');
		expect(matchCount(12, 60, 'gdp')).toBe('12 of 60 decks match');
		expect(matchCount(1, 60, 'gdp')).toBe('1 of 60 decks matches');
		expect(matchCount(0, 60, ' gdp ')).toBe('No deck matches “gdp”');
	});
});
