/**
 * Statements: "Consider the following statements: … Which of the statements given above is/are
 * correct?" (each option claims a subset) or "How many … are correct?" (each claims a count).
 */
import * as z from 'zod/mini';
import {
	CHOICES_ANSWER,
	CountOption,
	Index,
	JudgedPart,
	QuestionBase,
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

const mode = <M extends z.core.SomeType, O extends z.core.SomeType>(mode: M, option: O) =>
	z.strictObject({
		...QuestionBase,
		type: z.literal('statements'),
		mode,
		statements: judgedParts(JudgedPart),
		options: judgedParts(option),
		answer: Index
	});

export const StatementsSchema = z.discriminatedUnion('mode', [
	mode(z.literal('which'), WhichOption),
	mode(z.literal('how_many'), CountOption)
]);
export type Statements = z.infer<typeof StatementsSchema>;

const choice = judgedChoice<Statements>();

export const statements = {
	id: 'statements',
	code: 'st',
	label: 'Statements',
	schema: StatementsSchema,
	inTests: true,
	grade: (q, r) => gradeJudged(q, q.statements, r),
	answerText: (q) => judgedAnswerText(q),
	parts: (q) => q.statements.map((s, i) => ({ field: `statements[${i}]`, fact: s.fact })),
	ankiFront: (q) => [
		numberedLines(q.statements.map((s) => s.text)),
		closingQuestion(q),
		letteredLines(choice.options(q))
	],
	answer: CHOICES_ANSWER,
	choice
} satisfies QuestionTypeDef<Statements>;
