/**
 * The question types' ids, in the order the app lists them. A module without zod or schemas:
 * storage needs the list on the first page load. Each id names a folder beside this file (see
 * docs/ARCHITECTURE.md); never store or link a type by its position in this list.
 */
export const QUESTION_TYPES = [
	'flashcard',
	'mcq',
	'multi',
	'true_false',
	'cloze',
	'numeric',
	'match',
	'order',
	'statements',
	'pairs',
	'assertion_reason'
] as const;

export type QuestionTypeId = (typeof QUESTION_TYPES)[number];
