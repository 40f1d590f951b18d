/** The question types, in the order the app lists them (a module without zod: storage needs it on first load). */
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
