/**
 * Statements: "Consider the following statements: … Which of the statements given above is/are
 * correct?" (each option claims a subset) or "How many … are correct?" (each claims a count).
 */
import type * as z from 'zod/mini';
import {
	JudgedPart,
	judgedParts,
	judgedSchema,
	judgedType,
	numberedLines,
	type QuestionTypeDef
} from '../shared';

export const StatementsSchema = judgedSchema('statements', {
	statements: judgedParts(JudgedPart)
});
export type Statements = z.infer<typeof StatementsSchema>;

export const statements = {
	...judgedType<Statements>({
		id: 'statements',
		code: 'st',
		label: 'Statements',
		field: 'statements',
		partsOf: (q) => q.statements,
		ankiParts: (q) => numberedLines(q.statements.map((s) => s.text))
	}),
	schema: StatementsSchema
} satisfies QuestionTypeDef<Statements>;
