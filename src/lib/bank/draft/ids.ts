/**
 * Ids for what an author makes: the deck's (from its title unless set), each new fact's and
 * question's, each new topic's. Slugs as the schema wants them (`a-z`, `0-9`, single hyphens),
 * unique where they must be, and never a name every object already has (`constructor`).
 */
import type { DeckDraft } from './model';

/** Text as a slug: lower case, accents dropped, other characters hyphens, at most `max` long. */
export function slugify(text: string, max = 60): string {
	const slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (slug.length <= max) return slug;
	const cut = slug.slice(0, max + 1);
	const at = cut.lastIndexOf('-');
	return (at > max / 2 ? cut.slice(0, at) : slug.slice(0, max)).replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3`… the first not in `taken` (nor a name of Object's). */
export function uniqueId(base: string, taken: ReadonlySet<string> | readonly string[]): string {
	const has = Array.isArray(taken)
		? (id: string) => taken.includes(id)
		: (id: string) => (taken as ReadonlySet<string>).has(id);
	const free = (id: string) => !has(id) && !(id in Object.prototype);
	if (free(base)) return base;
	for (let n = 2; ; n++) if (free(`${base}-${n}`)) return `${base}-${n}`;
}

/** The first few words of a text, as a slug (a fact's or question's id). */
export const wordsSlug = (text: string, words = 5) =>
	slugify(text.split(/\s+/).filter(Boolean).slice(0, words).join(' '), 48);

/** The deck's id: the one set, else derived from its title (or the article's), else `my-deck`. */
export function deckIdOf(draft: Pick<DeckDraft, 'id' | 'title' | 'article'>): string {
	return draft.id || slugify(draft.title) || slugify(draft.article.title) || 'my-deck';
}

/** An id for a new fact, from the words of its statement or quote, unique in the draft. */
export function newFactId(draft: Pick<DeckDraft, 'facts'>, words: string): string {
	return uniqueId(
		wordsSlug(words) || 'fact',
		draft.facts.map((f) => f.id)
	);
}

/** An id for a new question of `type` on the fact `fact` (its first), unique in the draft. */
export function newQuestionId(
	draft: Pick<DeckDraft, 'questions'>,
	type: string,
	fact: string | undefined
): string {
	const base = [fact, type.replace(/_/g, '-')].filter(Boolean).join('-');
	return uniqueId(
		slugify(base) || 'question',
		draft.questions.map((q) => q.id)
	);
}

/** An id for a new topic from its label, unique among the draft's topics. */
export function newTopicId(draft: Pick<DeckDraft, 'topics'>, label: string): string {
	return uniqueId(
		slugify(label, 40) || 'topic',
		draft.topics.map((t) => t.id)
	);
}
