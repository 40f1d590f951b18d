/**
 * The question bank's schemas: the single source of the bank's types (see docs/ARCHITECTURE.md).
 *
 * Written with `zod/mini` because the same schemas validate imported decks in the browser,
 * where the classic API would cost ~18 KiB more of gzipped JS.
 *
 * A deck is facts + questions. A fact is one true statement with a verbatim quote from the
 * deck's source text; a question is a view over one or more facts and names every fact it
 * tests. Each part of a composite question (a statement, a pair, the assertion, the reason,
 * an item to order, a pair to match) names its own fact, so that grading can update each
 * fact on its own when the answer reveals a judgment on each part.
 */
import * as z from 'zod/mini';
import { QUESTION_TYPES, questionSchemas } from '../question-types';
import { SlugSchema, Text } from '../question-types/shared';
// zod/mini ships without messages ("Invalid input" for everything); deck authors need real ones.
import './messages';

export { SlugSchema, QUESTION_TYPES };
// Each type's schema lives in its folder under src/lib/question-types.
export { FlashcardSchema } from '../question-types/flashcard';
export { McqSchema } from '../question-types/mcq';
export { MultiSchema } from '../question-types/multi';
export { TrueFalseSchema } from '../question-types/true_false';
export { ClozeSchema } from '../question-types/cloze';
export { NumericSchema } from '../question-types/numeric';
export { MatchSchema } from '../question-types/match';
export { OrderSchema } from '../question-types/order';
export { StatementsSchema } from '../question-types/statements';
export { PairsSchema } from '../question-types/pairs';
export { AssertionReasonSchema } from '../question-types/assertion_reason';

const IsoDate = z.iso.date();

export const TopicSchema = z.strictObject({
	id: SlugSchema,
	label: Text
});

export const FactSchema = z.strictObject({
	id: SlugSchema,
	/** One true statement, in plain words. */
	statement: Text,
	/** Verbatim from the source text (whitespace and curly quotes aside). */
	quote: Text,
	/** Ids from the deck's closed `topics` list. */
	topics: z.array(SlugSchema).check(z.minLength(1)),
	/** The date the fact was true as of (usually the source's date). */
	asOf: IsoDate,
	/** True for figures that may change, such as a tariff rate. */
	volatile: z.boolean()
});

/** Any question: the union of the registered types' schemas, told apart by `type`. */
export const QuestionSchema = z.discriminatedUnion('type', questionSchemas());

export const SourceSchema = z.strictObject({
	/** The source's headline-style title. */
	title: Text,
	publisher: z.optional(Text),
	/** Publication date of the source. */
	published: IsoDate,
	/** The source text file, relative to the deck file; quotes are checked against it. */
	file: z.optional(
		z.string().check(z.regex(/^[\w.-]+\.txt$/, 'must be a .txt file name beside the deck'))
	),
	/**
	 * The source text itself, for a deck that travels as one file (an import or an export);
	 * a deck gives `file` or `text`, and quotes are checked against it.
	 */
	text: z.optional(z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(5_000_000))),
	/** Where the source is read; a link the app shows, so only a web address. */
	url: z.optional(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' }))
});

export const DeckSchema = z.strictObject({
	/** Editors use this to find the JSON Schema; the app ignores it. */
	$schema: z.optional(z.string()),
	id: SlugSchema,
	title: Text,
	description: z.optional(Text),
	/** BCP 47 language tag. */
	language: z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)),
	version: z.int().check(z.minimum(1)),
	asOf: IsoDate,
	source: SourceSchema,
	/** The closed list of topics that facts may name. */
	topics: z.array(TopicSchema).check(z.minLength(1)),
	facts: z.array(FactSchema).check(z.minLength(1)),
	questions: z.array(QuestionSchema).check(z.minLength(1))
});

export type Topic = z.infer<typeof TopicSchema>;
export type Fact = z.infer<typeof FactSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type QuestionType = Question['type'];
export type Deck = z.infer<typeof DeckSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;
