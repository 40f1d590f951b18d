/**
 * A deck opened for editing: one of the learner's own (the same id; the published deck's version
 * is the next), or "Copy to edit" of a built-in deck (a new id and title; its source text comes
 * along). Each quote becomes a range of the source text (quotes.ts `locateQuote`); one that
 * cannot be found is flagged, never dropped.
 */
import type { Deck } from '../schema';
import { normaliseArticle } from './article';
import { uniqueId } from './ids';
import type { DeckDraft } from './model';
import { locateQuote } from './quotes';

export interface DeckToDraftOptions {
	draftId: string;
	now: Date;
	/** `own`: the learner's deck, edited in place; `copy`: a built-in deck, copied to a new deck. */
	as: 'own' | 'copy';
	/** The source text, when the deck does not carry it (a built-in deck's `source.txt`). */
	sourceText?: string;
	/** Deck ids a copy may not take (the built-in decks' and the learner's own). */
	taken?: readonly string[];
}

export function deckToDraft(deck: Deck, options: DeckToDraftOptions): DeckDraft {
	const { draftId, now, as, sourceText = '', taken = [] } = options;
	// In the article's form (paragraphs kept); quotes are found across the change of whitespace.
	const text = normaliseArticle(deck.source.text ?? sourceText);
	const at = now.toISOString();
	const published = deck.source.published;
	const copy = as === 'copy';
	return {
		draftId,
		origin: copy
			? { kind: 'copy', deck: deck.id }
			: { kind: 'own', deck: deck.id, version: deck.version },
		id: copy ? uniqueId(`${deck.id}-copy`, [deck.id, ...taken]) : deck.id,
		title: copy ? `${deck.title} (my copy)` : deck.title,
		description: deck.description ?? '',
		article: {
			title: deck.source.title,
			publisher: deck.source.publisher ?? '',
			published,
			url: deck.source.url ?? '',
			text
		},
		topics: deck.topics.map((t) => ({ ...t })),
		facts: deck.facts.map((f) => ({
			id: f.id,
			statement: f.statement,
			quote: locateQuote(text, f.quote),
			topics: [...f.topics],
			asOf: f.asOf === published ? '' : f.asOf,
			volatile: f.volatile
		})),
		questions: structuredClone(deck.questions),
		memory: [],
		createdAt: at,
		updatedAt: at
	};
}
