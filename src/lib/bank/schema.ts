/**
 * The question bank's schemas: the single source of the bank's types (DESIGN.md).
 *
 * Written with `zod/mini` because the same schemas validate imported decks in the browser,
 * where the classic API would cost ~18 KiB more of gzipped JS (STACK.md).
 *
 * A deck is facts + questions. A fact is one true statement with a verbatim quote from the
 * deck's source text; a question is a view over one or more facts and names every fact it
 * tests. Each part of a composite question (a statement, a pair, the assertion, the reason,
 * an item to order, a pair to match) names its own fact, so that grading can update each
 * fact on its own when the answer reveals a judgment on each part.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod/mini ships without messages ("Invalid input" for everything); deck authors need real ones.
z.config(en());

/** Stable kebab-case identifier: facts, questions, topics and decks are referred to by it. */
export const SlugSchema = z
	.string()
	.check(
		z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case slug (a-z, 0-9, single hyphens)'),
		z.maxLength(80)
	);

const Text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(4000));
const IsoDate = z.iso.date();
const Index = z.int().check(z.minimum(0));

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

const QuestionBase = {
	id: SlugSchema,
	prompt: Text,
	/** Why the answer is right, and why the most tempting wrong option is wrong. */
	explanation: Text,
	/** The facts this question tests. */
	facts: z.array(SlugSchema).check(z.minLength(1)),
	difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)])
};

const Options = z.array(Text).check(z.minLength(2), z.maxLength(6));

/** A fact-bearing part of a composite question that is either true or false. */
const JudgedPart = z.strictObject({ text: Text, fact: SlugSchema, correct: z.boolean() });

/** "Which of the statements given above is/are correct?": the option claims exactly these (1-based). */
const WhichOption = z.strictObject({
	text: Text,
	claims: z.array(z.int().check(z.minimum(1)))
});
/** "How many of the above … are correct?": the option claims this many. */
const CountOption = z.strictObject({ text: Text, count: Index });

export const FlashcardSchema = z.strictObject({
	...QuestionBase,
	type: z.literal('flashcard'),
	/** The back of the card. */
	answer: Text
});

export const McqSchema = z.strictObject({
	...QuestionBase,
	type: z.literal('mcq'),
	options: Options,
	answer: Index
});

export const MultiSchema = z.strictObject({
	...QuestionBase,
	type: z.literal('multi'),
	options: Options.check(z.minLength(3)),
	/** Every correct option; the learner must select exactly these. */
	answers: z.array(Index).check(z.minLength(1))
});

export const TrueFalseSchema = z.strictObject({
	...QuestionBase,
	type: z.literal('true_false'),
	/** The statement to judge; the prompt is the instruction. */
	statement: Text,
	answer: z.boolean()
});

export const ClozeSchema = z.strictObject({
	...QuestionBase,
	type: z.literal('cloze'),
	/** The prompt holds one blank written as `___` (three or more underscores). */
	accepted: z.array(Text).check(z.minLength(1))
});

export const NumericSchema = z.strictObject({
	...QuestionBase,
	type: z.literal('numeric'),
	answer: z.number(),
	/** Accepted distance from the answer; 0 asks for the exact figure. */
	tolerance: z.number().check(z.minimum(0)),
	/** Shown beside the input, e.g. "%" or "billion US dollars". */
	unit: z.optional(Text)
});

export const MatchSchema = z.strictObject({
	...QuestionBase,
	type: z.literal('match'),
	/** Column headings, e.g. ["Area of conflict", "U.S. demand"]. */
	columns: z.tuple([Text, Text]),
	/** The correct pairs; the app shuffles the right-hand column. */
	pairs: z
		.array(z.strictObject({ left: Text, right: Text, fact: SlugSchema }))
		.check(z.minLength(3), z.maxLength(6))
});

export const OrderSchema = z.strictObject({
	...QuestionBase,
	type: z.literal('order'),
	/** The items in their correct order; the app shuffles them. */
	items: z
		.array(z.strictObject({ text: Text, fact: SlugSchema }))
		.check(z.minLength(3), z.maxLength(6))
});

const StatementsWhich = z.strictObject({
	...QuestionBase,
	type: z.literal('statements'),
	mode: z.literal('which'),
	statements: z.array(JudgedPart).check(z.minLength(2), z.maxLength(4)),
	options: z.array(WhichOption).check(z.minLength(2), z.maxLength(4)),
	answer: Index
});
const StatementsHowMany = z.strictObject({
	...QuestionBase,
	type: z.literal('statements'),
	mode: z.literal('how_many'),
	statements: z.array(JudgedPart).check(z.minLength(2), z.maxLength(4)),
	options: z.array(CountOption).check(z.minLength(2), z.maxLength(4)),
	answer: Index
});
export const StatementsSchema = z.discriminatedUnion('mode', [StatementsWhich, StatementsHowMany]);

const PairPart = z.strictObject({
	left: Text,
	right: Text,
	fact: SlugSchema,
	/** Whether the pair as printed is correctly matched. */
	correct: z.boolean()
});
const PairsWhich = z.strictObject({
	...QuestionBase,
	type: z.literal('pairs'),
	mode: z.literal('which'),
	columns: z.tuple([Text, Text]),
	pairs: z.array(PairPart).check(z.minLength(2), z.maxLength(4)),
	options: z.array(WhichOption).check(z.minLength(2), z.maxLength(4)),
	answer: Index
});
const PairsHowMany = z.strictObject({
	...QuestionBase,
	type: z.literal('pairs'),
	mode: z.literal('how_many'),
	columns: z.tuple([Text, Text]),
	pairs: z.array(PairPart).check(z.minLength(2), z.maxLength(4)),
	options: z.array(CountOption).check(z.minLength(2), z.maxLength(4)),
	answer: Index
});
export const PairsSchema = z.discriminatedUnion('mode', [PairsWhich, PairsHowMany]);

export const AssertionReasonSchema = z.strictObject({
	...QuestionBase,
	type: z.literal('assertion_reason'),
	/** "Assertion (A) / Reason (R)" or the newer "Statement-I / Statement-II" wording. */
	style: z.enum(['assertion_reason', 'statement_i_ii']),
	assertion: JudgedPart,
	reason: JudgedPart,
	/** Whether the reason correctly explains the assertion (only meaningful when both are true). */
	explains: z.boolean()
});

export const QuestionSchema = z.discriminatedUnion('type', [
	FlashcardSchema,
	McqSchema,
	MultiSchema,
	TrueFalseSchema,
	ClozeSchema,
	NumericSchema,
	MatchSchema,
	OrderSchema,
	StatementsSchema,
	PairsSchema,
	AssertionReasonSchema
]);

export { QUESTION_TYPES } from './question-types';

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
	url: z.optional(z.url())
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
