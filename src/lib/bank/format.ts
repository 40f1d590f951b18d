/**
 * Question text for screens and answer keys: each type's part lives in its folder under
 * src/lib/question-types; these names are kept for the bank's callers.
 */
export {
	TYPE_LABELS,
	answerText,
	answerTextIn,
	choiceOptions,
	isChoice,
	rightOptions,
	type ChoiceQuestion
} from '../question-types';
export { arAnswer } from '../question-types/assertion_reason';
export { arLabels, arOptions, closingQuestion, optionLetter } from '../question-types/shared/upsc';
