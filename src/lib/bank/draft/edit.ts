/**
 * The edits an author makes to a draft, each a pure function from a draft to the next one (the
 * editor, session/write.svelte.ts, applies them as commands with undo and redo). A change that
 * cannot be made returns `{ ok: false, message }`, the sentence to show; nothing is changed then.
 */
import { articleTooLong } from './article';
import { newFactId, newQuestionId, newTopicId } from './ids';
import type {
	DeckDraft,
	DraftArticle,
	DraftFact,
	DraftQuestion,
	DraftTopic,
	MemoryChoice
} from './model';
import { quoteFromSelection, reanchor, type Selection } from './quotes';
import type { QuestionType } from '../schema';

export type Edit<T = DeckDraft> =
	{ ok: true; draft: DeckDraft; made?: T } | { ok: false; message: string };

/** The deck's own fields: its id ('' to derive it from the title), title and description. */
export function setMeta(
	draft: DeckDraft,
	patch: Partial<Pick<DeckDraft, 'id' | 'title' | 'description'>>
): DeckDraft {
	return { ...draft, ...patch };
}

/**
 * The article's fields. A new text is refused over the size limit (ARTICLE_LIMIT_BYTES, named in
 * the message); otherwise the facts' quotes follow it (quotes.ts `reanchor`: a quote no longer in
 * the text is flagged, not dropped). The text is taken as given: pasted or opened text is brought
 * to the article's form first (article.ts `normaliseArticle`, `articleFromText`).
 */
export function setArticle(draft: DeckDraft, patch: Partial<DraftArticle>): Edit {
	if (patch.text !== undefined && patch.text !== draft.article.text) {
		const tooLong = articleTooLong(patch.text);
		if (tooLong) return { ok: false, message: tooLong };
		const facts = reanchor(draft.facts, draft.article.text, patch.text);
		return { ok: true, draft: { ...draft, article: { ...draft.article, ...patch }, facts } };
	}
	return { ok: true, draft: { ...draft, article: { ...draft.article, ...patch } } };
}

/**
 * A new fact whose quote is the selection (quotes.ts `quoteFromSelection`: refused when empty,
 * only spaces, or across paragraphs). Its id comes from the quote's first words; its statement is
 * empty for the author to write; its topics are the deck's only topic when it has one; its "as
 * of" follows the article's date.
 */
export function addFact(draft: DeckDraft, selection: Selection): Edit<DraftFact> {
	const made = quoteFromSelection(draft.article.text, selection);
	if (!made.ok) return made;
	const fact: DraftFact = {
		id: newFactId(draft, made.quote.text),
		statement: '',
		quote: made.quote,
		topics: draft.topics.length === 1 ? [draft.topics[0].id] : [],
		asOf: '',
		volatile: false
	};
	return { ok: true, draft: { ...draft, facts: [...draft.facts, fact] }, made: fact };
}

const factIndex = (draft: DeckDraft, id: string) => draft.facts.findIndex((f) => f.id === id);

/** Change a fact's statement, topics, "as of" ('' for the article's date) or volatility. */
export function updateFact(
	draft: DeckDraft,
	id: string,
	patch: Partial<Pick<DraftFact, 'statement' | 'topics' | 'asOf' | 'volatile'>>
): Edit {
	const i = factIndex(draft, id);
	if (i === -1) return { ok: false, message: `There is no fact "${id}" in this deck.` };
	const facts = draft.facts.with(i, { ...draft.facts[i], ...patch });
	return { ok: true, draft: { ...draft, facts } };
}

/** A fact's quote made again from a new selection (how a lost quote is mended). */
export function requote(draft: DeckDraft, id: string, selection: Selection): Edit {
	const i = factIndex(draft, id);
	if (i === -1) return { ok: false, message: `There is no fact "${id}" in this deck.` };
	const made = quoteFromSelection(draft.article.text, selection);
	if (!made.ok) return made;
	return {
		ok: true,
		draft: { ...draft, facts: draft.facts.with(i, { ...draft.facts[i], quote: made.quote }) }
	};
}

/**
 * Remove a fact. Questions that name it keep the name (the checks then say so beside them), so
 * the author decides what becomes of each; its memory choice goes.
 */
export function removeFact(draft: DeckDraft, id: string): DeckDraft {
	return {
		...draft,
		facts: draft.facts.filter((f) => f.id !== id),
		memory: draft.memory.filter((m) => m.fact !== id)
	};
}

/** Add a topic to the deck's closed list, its id from its label; refused when blank or named already. */
export function addTopic(draft: DeckDraft, label: string): Edit<DraftTopic> {
	const text = label.trim();
	if (!text) return { ok: false, message: 'Name the topic first.' };
	const same = draft.topics.find((t) => t.label.trim().toLowerCase() === text.toLowerCase());
	if (same) return { ok: false, message: `The deck has a topic “${same.label}” already.` };
	const topic = { id: newTopicId(draft, text), label: text };
	return { ok: true, draft: { ...draft, topics: [...draft.topics, topic] }, made: topic };
}

/** Change a topic's label (its id, which facts name, stays). */
export function renameTopic(draft: DeckDraft, id: string, label: string): DeckDraft {
	return { ...draft, topics: draft.topics.map((t) => (t.id === id ? { ...t, label } : t)) };
}

/** Remove a topic from the list and from every fact that names it. */
export function removeTopic(draft: DeckDraft, id: string): DeckDraft {
	return {
		...draft,
		topics: draft.topics.filter((t) => t.id !== id),
		facts: draft.facts.map((f) =>
			f.topics.includes(id) ? { ...f, topics: f.topics.filter((t) => t !== id) } : f
		)
	};
}

/**
 * Add a question of `type` on `facts` (their ids), with a new id and the fields `fill` gives
 * (the type's form makes its draft: a true/false from a fact's statement, a cloze's blanks…).
 */
export function addQuestion<T extends QuestionType>(
	draft: DeckDraft,
	type: T,
	facts: readonly string[],
	fill: Record<string, unknown> = {}
): Edit<DraftQuestion> {
	const id = newQuestionId(draft, type, facts[0]);
	const question = { ...fill, id, type, facts: [...facts] } as DraftQuestion;
	return {
		ok: true,
		draft: { ...draft, questions: [...draft.questions, question] },
		made: question
	};
}

/** Replace a question by its id with `next` (its form's whole state); the id may change. */
export function updateQuestion(draft: DeckDraft, id: string, next: DraftQuestion): Edit {
	const i = draft.questions.findIndex((q) => q.id === id);
	if (i === -1) return { ok: false, message: `There is no question "${id}" in this deck.` };
	return { ok: true, draft: { ...draft, questions: draft.questions.with(i, next) } };
}

export function removeQuestion(draft: DeckDraft, id: string): DeckDraft {
	return { ...draft, questions: draft.questions.filter((q) => q.id !== id) };
}

/** Move a question up (-1) or down (+1) the deck's list. */
export function moveQuestion(draft: DeckDraft, id: string, by: -1 | 1): DeckDraft {
	const i = draft.questions.findIndex((q) => q.id === id);
	const j = i + by;
	if (i === -1 || j < 0 || j >= draft.questions.length) return draft;
	const questions = [...draft.questions];
	[questions[i], questions[j]] = [questions[j], questions[i]];
	return { ...draft, questions };
}

/** Record the author's answer to "same fact or new one?" for a fact with reviews (srs/restate.ts). */
export function chooseMemory(
	draft: DeckDraft,
	fact: string,
	choice: MemoryChoice['choice']
): DeckDraft {
	return { ...draft, memory: [...draft.memory.filter((m) => m.fact !== fact), { fact, choice }] };
}
