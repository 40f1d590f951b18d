/**
 * The exam's fixed wording, generated rather than stored, so that every deck words it the same
 * way as UPSC does: the closing question of a statements or pairs item, the labels and the four
 * options of an assertion–reason item, and the option letters.
 */

/** The two wordings of an assertion–reason item. */
export type ArStyle = 'assertion_reason' | 'statement_i_ii';

/** The question that closes a statements or pairs item, in the exam's words. */
export function closingQuestion(q: {
	type: 'statements' | 'pairs';
	mode: 'which' | 'how_many';
}): string {
	if (q.type === 'statements')
		return q.mode === 'which'
			? 'Which of the statements given above is/are correct?'
			: 'How many of the statements given above are correct?';
	return q.mode === 'which'
		? 'Which of the pairs given above is/are correctly matched?'
		: 'How many of the pairs given above are correctly matched?';
}

/** The labels of the two parts of an assertion–reason item. */
export function arLabels(style: ArStyle): [string, string] {
	return style === 'assertion_reason'
		? ['Assertion (A)', 'Reason (R)']
		: ['Statement-I', 'Statement-II'];
}

/** The four options of an assertion–reason item, as UPSC prints them. */
export function arOptions(style: ArStyle): string[] {
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

/** Option letters as printed in the exam: (a), (b), … */
export const optionLetter = (i: number) => String.fromCharCode(97 + i);

/** An option as an answer key prints it: "(b) Both 1 and 2". */
export const lettered = (i: number, text: string) => `(${optionLetter(i)}) ${text}`;
