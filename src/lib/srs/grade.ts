/**
 * Grading: one pure function for every question type of the bank. Each type grades itself (its
 * folder under src/lib/question-types); a blank answer is blank whatever the type.
 */
import { defOf } from '../question-types';
import { whole, type GradeResult, type Response } from '../question-types/shared/grading';
import type { Grade } from 'ts-fsrs';
import type { Question, QuestionType } from '../bank/schema';
import { Rating } from './fsrs-enums';

export {
	ResponseSchema,
	normaliseTyped,
	parseTypedNumber,
	type GradeResult,
	type Outcome,
	type Response
} from '../question-types/shared/grading';

/** Grade a response to a question. Pure: the same input always gives the same result. */
export function grade(q: Question, r: Response): GradeResult {
	if (r.kind === 'blank' || (r.kind === 'choices' && r.choices.length === 0)) {
		return { ...whole(q, false), outcome: 'blank' };
	}
	return defOf(q).grade(q, r);
}

/**
 * The rating the bar preselects after an answer: a flashcard's self-rating; otherwise Good if
 * the answer showed the studied fact known, Again if not.
 */
export function suggestedRating(
	type: QuestionType,
	result: { suggested: Grade; facts: Readonly<Record<string, boolean>> },
	studied: string
): Grade {
	if (type === 'flashcard') return result.suggested;
	return result.facts[studied] ? Rating.Good : Rating.Again;
}
