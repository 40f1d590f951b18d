/**
 * The exam's fixed wording, generated rather than stored, so that every deck words it the same way
 * as UPSC does: the closing question of a statements or pairs item and the four options of an
 * assertion–reason item.
 */
import type { Question, QuestionOf } from './schema';

export const TYPE_LABELS: Record<Question['type'], string> = {
	flashcard: 'Flashcard',
	mcq: 'Multiple choice',
	multi: 'Select all that apply',
	true_false: 'True or false',
	cloze: 'Fill in the blank',
	numeric: 'Number',
	match: 'Match the columns',
	order: 'Put in order',
	statements: 'Statements',
	pairs: 'Pairs',
	assertion_reason: 'Assertion and reason'
};

/** The question that closes a statements or pairs item, in the exam's words. */
export function closingQuestion(q: QuestionOf<'statements'> | QuestionOf<'pairs'>): string {
	if (q.type === 'statements')
		return q.mode === 'which'
			? 'Which of the statements given above is/are correct?'
			: 'How many of the statements given above are correct?';
	return q.mode === 'which'
		? 'Which of the pairs given above is/are correctly matched?'
		: 'How many of the pairs given above are correctly matched?';
}

/** The labels of the two parts of an assertion–reason item. */
export function arLabels(style: QuestionOf<'assertion_reason'>['style']): [string, string] {
	return style === 'assertion_reason'
		? ['Assertion (A)', 'Reason (R)']
		: ['Statement-I', 'Statement-II'];
}

/** The four options of an assertion–reason item, as UPSC prints them. */
export function arOptions(style: QuestionOf<'assertion_reason'>['style']): string[] {
	if (style === 'assertion_reason')
		return [
			'Both A and R are true, and R is the correct explanation of A',
			'Both A and R are true, but R is not the correct explanation of A',
			'A is true, but R is false',
			'A is false, but R is true'
		];
	return [
		'Both Statement-I and Statement-II are correct, and Statement-II explains Statement-I',
		'Both Statement-I and Statement-II are correct, but Statement-II does not explain Statement-I',
		'Statement-I is correct, but Statement-II is incorrect',
		'Statement-I is incorrect, but Statement-II is correct'
	];
}

/** The index of the right option of an assertion–reason item (derived from its parts). */
export function arAnswer(q: QuestionOf<'assertion_reason'>): number {
	if (q.assertion.correct && q.reason.correct) return q.explains ? 0 : 1;
	return q.assertion.correct ? 2 : 3;
}

/** Option letters as printed in the exam: (a), (b), … */
export const optionLetter = (i: number) => String.fromCharCode(97 + i);

/** The answer to a question, in words, for answer keys and the deck page. */
export function answerText(q: Question): string {
	switch (q.type) {
		case 'flashcard':
			return q.answer;
		case 'mcq':
			return `(${optionLetter(q.answer)}) ${q.options[q.answer]}`;
		case 'multi':
			return q.answers.map((i) => `(${optionLetter(i)}) ${q.options[i]}`).join('; ');
		case 'true_false':
			return q.answer ? 'True' : 'False';
		case 'cloze':
			return q.accepted[0];
		case 'numeric':
			return `${q.answer}${q.unit ? ` ${q.unit}` : ''}${q.tolerance ? ` (± ${q.tolerance})` : ''}`;
		case 'match':
			return q.pairs.map((p) => `${p.left} → ${p.right}`).join('; ');
		case 'order':
			return q.items.map((it, i) => `${i + 1}. ${it.text}`).join('  ');
		case 'statements':
		case 'pairs':
			return `(${optionLetter(q.answer)}) ${q.options[q.answer].text}`;
		case 'assertion_reason': {
			const i = arAnswer(q);
			return `(${optionLetter(i)}) ${arOptions(q.style)[i]}`;
		}
	}
}

/**
 * The answer as a paper shows it, where the options of an mcq or multi question appear in
 * `order` (the bank index at each position), so the letters match what the class saw.
 */
export function answerTextIn(q: Question, order: readonly number[] | null): string {
	if (!order || (q.type !== 'mcq' && q.type !== 'multi')) return answerText(q);
	const rights = q.type === 'mcq' ? [q.answer] : q.answers;
	return rights
		.map((i) => order.indexOf(i))
		.sort((a, b) => a - b)
		.map((p) => `(${optionLetter(p)}) ${q.options[order[p]]}`)
		.join('; ');
}

/** The question types answered by choosing among options. */
export type ChoiceQuestion = Extract<
	Question,
	{ type: 'mcq' | 'multi' | 'true_false' | 'statements' | 'pairs' | 'assertion_reason' }
>;

export const isChoice = (q: Question): q is ChoiceQuestion =>
	['mcq', 'multi', 'true_false', 'statements', 'pairs', 'assertion_reason'].includes(q.type);

/** The options a choice question offers, in the exam's order (True/False for true_false). */
export function choiceOptions(q: ChoiceQuestion): string[] {
	switch (q.type) {
		case 'mcq':
		case 'multi':
			return q.options;
		case 'true_false':
			return ['True', 'False'];
		case 'statements':
		case 'pairs':
			return q.options.map((o) => o.text);
		case 'assertion_reason':
			return arOptions(q.style);
	}
}

/** The indices of the right options of a choice question. */
export function rightOptions(q: ChoiceQuestion): number[] {
	switch (q.type) {
		case 'mcq':
		case 'statements':
		case 'pairs':
			return [q.answer];
		case 'multi':
			return q.answers;
		case 'true_false':
			return [q.answer ? 0 : 1];
		case 'assertion_reason':
			return [arAnswer(q)];
	}
}
