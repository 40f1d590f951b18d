/**
 * Pairs: "Consider the following pairs: … Which of the pairs given above is/are correctly
 * matched?" (each option claims a subset) or "How many … are correctly matched?".
 */
import * as z from 'zod/mini';
import {
	CHOICES_ANSWER,
	Columns,
	CountOption,
	Index,
	QuestionBase,
	SlugSchema,
	Text,
	WhichOption,
	closingQuestion,
	gradeJudged,
	judgedAnswerText,
	judgedChoice,
	judgedParts,
	letteredLines,
	numberedLines,
	type QuestionTypeDef
} from '../shared';

const PairPart = z.strictObject({
	left: Text,
	right: Text,
	fact: SlugSchema,
	/** Whether the pair as printed is correctly matched. */
	correct: z.boolean()
});

const mode = <M extends z.core.SomeType, O extends z.core.SomeType>(mode: M, option: O) =>
	z.strictObject({
		...QuestionBase,
		type: z.literal('pairs'),
		mode,
		columns: Columns,
		pairs: judgedParts(PairPart),
		options: judgedParts(option),
		answer: Index
	});

export const PairsSchema = z.discriminatedUnion('mode', [
	mode(z.literal('which'), WhichOption),
	mode(z.literal('how_many'), CountOption)
]);
export type Pairs = z.infer<typeof PairsSchema>;

const choice = judgedChoice<Pairs>();

export const pairs = {
	id: 'pairs',
	code: 'pr',
	label: 'Pairs',
	schema: PairsSchema,
	inTests: true,
	grade: (q, r) => gradeJudged(q, q.pairs, r),
	answerText: (q) => judgedAnswerText(q),
	parts: (q) => q.pairs.map((p, i) => ({ field: `pairs[${i}]`, fact: p.fact })),
	ankiFront: (q) => [
		`${q.columns[0]} — ${q.columns[1]}\n${numberedLines(q.pairs.map((p) => `${p.left} — ${p.right}`))}`,
		closingQuestion(q),
		letteredLines(choice.options(q))
	],
	answer: CHOICES_ANSWER,
	choice
} satisfies QuestionTypeDef<Pairs>;
