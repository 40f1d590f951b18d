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
 *
 * Every schema is built on first use (`lazySchema`, see question-types/shared/lazy-schema.ts):
 * `DeckSchema()` builds the deck's, its parts and the 11 question types' then, not at import, so
 * a page that only reads trusted decks from storage never builds them.
 */
import * as z from 'zod/mini';
import { QUESTION_TYPES, questionSchemas } from '../question-types';
import { SlugSchema, Text } from '../question-types/shared';
import { lazySchema } from '../question-types/shared/lazy-schema';
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

/** One instance shared by the schemas below, as before they were lazy. */
const IsoDate = lazySchema(() => z.iso.date());

export const TopicSchema = lazySchema(() =>
	z.strictObject({
		id: SlugSchema(),
		label: Text()
	})
);

export const FactSchema = lazySchema(() =>
	z.strictObject({
		id: SlugSchema(),
		/** One true statement, in plain words. */
		statement: Text().check(
			z.describe(
				'One true statement, in plain words. Anchor relative time to a date ("on Monday, 12 January 2026", "in February 2026", "as of 13 January 2026"): the lint refuses today, next month, a weekday, currently, recently… without one.'
			)
		),
		/** Verbatim from the source text (whitespace and curly quotes aside). */
		quote: Text(),
		/** Ids from the deck's closed `topics` list. */
		topics: z.array(SlugSchema()).check(z.minLength(1)),
		/** The date the fact was true as of (usually the source's date). */
		asOf: IsoDate(),
		/** True for figures that may change, such as a tariff rate. */
		volatile: z.boolean()
	})
);

/** Any question: the union of the registered types' schemas, told apart by `type`. */
export const QuestionSchema = lazySchema(() => z.discriminatedUnion('type', questionSchemas()));

export const SourceSchema = lazySchema(() =>
	z.strictObject({
		/** The source's headline-style title. */
		title: Text(),
		publisher: z.optional(Text()),
		/** Publication date of the source. */
		published: IsoDate(),
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
		url: z.optional(
			z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
		)
	})
);

/** The lint rules beyond the schema, for editors showing the JSON Schema (see src/lib/bank/lint.ts). */
const DECK_RULES =
	'A deck: facts (each one true statement with a verbatim quote from the source) and questions that name the facts they test. ' +
	'Beyond this schema, `npm run validate` lints every deck (an import shows the findings as advice and refuses nothing for them): ' +
	'no relative time word (today, tomorrow, next month, a weekday, currently, now, recently…) in a prompt, option, part, answer, explanation or fact statement without an absolute date in the same text; ' +
	'every fact tested by at least 2 questions (more than 6 is a warning); ' +
	'in mcq and multi, a key more than a third longer than every distractor, or the only option of its grammatical opening, is a warning; ' +
	'each statement, pair, match row, order item, assertion and reason names a fact whose quote or statement holds its numbers and proper nouns (a part marked incorrect may change a number, and borrow names from other facts); ' +
	'exactly one option fits the parts\' truth values: option words such as "1 and 3 only" or "Only two" must say what the option claims, and an assertion and a reason that are both true must not restate the same fact. ' +
	'See docs/csv-format.md.';

export const DeckSchema = lazySchema(() =>
	z
		.strictObject({
			/** Editors use this to find the JSON Schema; the app ignores it. */
			$schema: z.optional(z.string()),
			id: SlugSchema(),
			title: Text(),
			description: z.optional(Text()),
			/** BCP 47 language tag. */
			language: z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)),
			version: z.int().check(z.minimum(1)),
			asOf: IsoDate(),
			source: SourceSchema(),
			/** The closed list of topics that facts may name. */
			topics: z.array(TopicSchema()).check(z.minLength(1)),
			facts: z.array(FactSchema()).check(z.minLength(1)),
			questions: z.array(QuestionSchema()).check(z.minLength(1))
		})
		.check(z.describe(DECK_RULES))
);

export type Topic = z.infer<ReturnType<typeof TopicSchema>>;
export type Fact = z.infer<ReturnType<typeof FactSchema>>;
export type Question = z.infer<ReturnType<typeof QuestionSchema>>;
export type QuestionType = Question['type'];
export type Deck = z.infer<ReturnType<typeof DeckSchema>>;
export type Source = z.infer<ReturnType<typeof SourceSchema>>;
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;
