/**
 * Statements: "Consider the following statements: … Which of the statements given above is/are
 * correct?" (each option claims a subset) or "How many … are correct?" (each claims a count).
 */
import type * as z from 'zod/mini';
import { JudgedPart, judgedParts } from '../shared/fields';
import { judgedSchema, judgedType } from '../shared/judged';
import { JUDGED_COLUMNS, numberedLines, typeBase, type QuestionTypeDef } from '../shared';

export const StatementsSchema = judgedSchema('statements', () => ({
	statements: judgedParts(JudgedPart())
}));
export type Statements = z.infer<ReturnType<typeof StatementsSchema>>;

export const statements = {
	...typeBase('statements', 'st', 'Statements'),
	schema: StatementsSchema,
	...judgedType({
		field: 'statements',
		partsOf: (q: Statements) => q.statements,
		partKey: (s) => s.text,
		columns: JUDGED_COLUMNS,
		ankiParts: (q) => numberedLines(q.statements.map((s) => s.text))
	})
} satisfies QuestionTypeDef<Statements>;
