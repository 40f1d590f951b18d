/**
 * A deck being written in the app (`/write`): its shape and schema. A draft is what the author
 * has typed so far, so it may be incomplete anywhere; `draftToDeck` (to-deck.ts) turns it into a
 * Deck and says, field by field, what stops it. Stored as it is (storage/drafts.ts), so the
 * schema here checks only its layout (every string a string), never the deck's rules.
 *
 * Paths: a draft's fields are named as the deck's are (`facts[2].statement`,
 * `questions[0].options[1]`), except that the deck's `source` is the draft's `article`, so an
 * issue's path finds its field in the editor.
 */
import * as z from 'zod/mini';
import { QUESTION_TYPES } from '../question-types';
import type { Question, QuestionType } from '../schema';
// zod/mini ships without messages; the app's are set there.
import '../messages';

/** Where the draft came from, which decides the deck's id and version when published. */
export const DraftOriginSchema = z.discriminatedUnion('kind', [
	/** A new deck. */
	z.strictObject({ kind: z.literal('new') }),
	/** One of the learner's own decks, reopened: the same id, version + 1, memory kept by fact id. */
	z.strictObject({ kind: z.literal('own'), deck: z.string(), version: z.int() }),
	/** "Copy to edit" of a built-in deck: a new id, so its memory is the learner's afresh. */
	z.strictObject({ kind: z.literal('copy'), deck: z.string() })
]);

const IsoDay = z.string().check(z.regex(/^(\d{4}-\d{2}-\d{2})?$/, 'must be a date (YYYY-MM-DD)'));

export const DraftArticleSchema = z.strictObject({
	title: z.string(),
	publisher: z.string(),
	/** The publication date, `YYYY-MM-DD`, or '' while not given. */
	published: IsoDay,
	url: z.string(),
	/** The article as plain text, paragraphs separated by a blank line (article.ts). */
	text: z.string()
});

/** A fact's quote: a range of the article's text and the text itself. */
export const DraftQuoteSchema = z.strictObject({
	start: z.int().check(z.minimum(0)),
	end: z.int().check(z.minimum(0)),
	/** Exactly `article.text.slice(start, end)`, unless `lost`. */
	text: z.string(),
	/**
	 * True when the article was edited and the quote's text no longer occurs in it: the fact is
	 * kept, flagged, with its old quote, until the author selects a new one (or the text returns).
	 */
	lost: z.optional(z.boolean())
});

export const DraftFactSchema = z.strictObject({
	id: z.string(),
	statement: z.string(),
	quote: DraftQuoteSchema,
	topics: z.array(z.string()),
	/** The date the fact was true as of, or '' for the article's date (it follows the article). */
	asOf: IsoDay,
	volatile: z.boolean()
});

export const DraftTopicSchema = z.strictObject({ id: z.string(), label: z.string() });

/**
 * A question being written: its id and type, and whatever of its type's fields the author has
 * filled in so far (the deck's validator checks them in `draftToDeck`).
 */
export const DraftQuestionSchema = z.looseObject({
	id: z.string(),
	type: z.enum(QUESTION_TYPES)
});

/**
 * The author's answer to "same fact or new one?" for a fact with reviews whose statement was
 * edited: `same` keeps its memory, `new` starts it again (srs/restate.ts).
 */
export const MemoryChoiceSchema = z.strictObject({
	fact: z.string(),
	choice: z.enum(['same', 'new'])
});

export const DeckDraftSchema = z.strictObject({
	/** The draft's own id (the drafts store's key), not the deck's. */
	draftId: z.string().check(z.minLength(1)),
	origin: DraftOriginSchema,
	/** The deck's id; '' while it is derived from the title (deckIdOf). */
	id: z.string(),
	title: z.string(),
	description: z.string(),
	article: DraftArticleSchema,
	topics: z.array(DraftTopicSchema),
	facts: z.array(DraftFactSchema),
	questions: z.array(DraftQuestionSchema),
	memory: z.array(MemoryChoiceSchema),
	createdAt: z.string(),
	updatedAt: z.string()
});

export type DraftOrigin = z.infer<typeof DraftOriginSchema>;
export type DraftArticle = z.infer<typeof DraftArticleSchema>;
export type DraftQuote = z.infer<typeof DraftQuoteSchema>;
export type DraftFact = z.infer<typeof DraftFactSchema>;
export type DraftTopic = z.infer<typeof DraftTopicSchema>;
export type MemoryChoice = z.infer<typeof MemoryChoiceSchema>;

/** A question of type `T` while being written: its id and type, the rest perhaps missing. */
export type DraftQuestionOf<T extends QuestionType> = Partial<Extract<Question, { type: T }>> & {
	id: string;
	type: T;
};
/** Any question being written. */
export type DraftQuestion = { [T in QuestionType]: DraftQuestionOf<T> }[QuestionType];

export type DeckDraft = Omit<z.infer<typeof DeckDraftSchema>, 'questions'> & {
	questions: DraftQuestion[];
};

/** A new, empty draft. */
export function emptyDraft(draftId: string, now: Date): DeckDraft {
	const at = now.toISOString();
	return {
		draftId,
		origin: { kind: 'new' },
		id: '',
		title: '',
		description: '',
		article: { title: '', publisher: '', published: '', url: '', text: '' },
		topics: [],
		facts: [],
		questions: [],
		memory: [],
		createdAt: at,
		updatedAt: at
	};
}

/** Check a stored draft's layout; the first problem, naming its field, if it is not one. */
export function readDraft(
	raw: unknown
): { ok: true; draft: DeckDraft } | { ok: false; error: string } {
	const parsed = z.safeParse(DeckDraftSchema, raw);
	if (parsed.success) return { ok: true, draft: parsed.data as DeckDraft };
	const issue = parsed.error.issues[0];
	return { ok: false, error: `${issue.path.map(String).join('.') || '(draft)'}: ${issue.message}` };
}

/** A fact's "as of" date as the deck will have it: its own, else the article's. */
export const factAsOf = (
	draft: Pick<DeckDraft, 'article'>,
	fact: Pick<DraftFact, 'asOf'>
): string => fact.asOf || draft.article.published;
