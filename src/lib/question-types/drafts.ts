/**
 * The draft generators: for each type, how a starting question is made from the facts the
 * author chose (each in its folder's `draft.ts`), and how many facts it takes. Kept apart from
 * the registry (index.ts) so that only the editor loads them; a type missing here does not
 * compile. See docs/ARCHITECTURE.md ("A question type").
 */
import type { QuestionOfType, QuestionTypeId } from '.';
import type { DraftInput, DraftMaker } from './shared/draft';
import { arDraft } from './assertion_reason/draft';
import { clozeDraft } from './cloze/draft';
import { flashcardDraft } from './flashcard/draft';
import { matchDraft } from './match/draft';
import { mcqDraft } from './mcq/draft';
import { multiDraft } from './multi/draft';
import { numericDraft } from './numeric/draft';
import { orderDraft } from './order/draft';
import { pairsDraft } from './pairs/draft';
import { statementsDraft } from './statements/draft';
import { trueFalseDraft } from './true_false/draft';

export {
	EDIT_MARK,
	unedited,
	type DraftFact,
	type DraftInput,
	type DraftMaker
} from './shared/draft';

/** A type's generator and how many facts it makes parts of (it uses the first `max`). */
export interface DraftDef<Q> {
	make: DraftMaker<Q>;
	facts: { min: number; max: number };
}

const one = { min: 1, max: 1 };

export const DRAFTS = {
	flashcard: { make: flashcardDraft, facts: one },
	mcq: { make: mcqDraft, facts: one },
	multi: { make: multiDraft, facts: { min: 1, max: 5 } },
	true_false: { make: trueFalseDraft, facts: one },
	cloze: { make: clozeDraft, facts: one },
	numeric: { make: numericDraft, facts: one },
	match: { make: matchDraft, facts: { min: 3, max: 6 } },
	order: { make: orderDraft, facts: { min: 3, max: 6 } },
	statements: { make: statementsDraft, facts: { min: 2, max: 4 } },
	pairs: { make: pairsDraft, facts: { min: 2, max: 4 } },
	assertion_reason: { make: arDraft, facts: { min: 2, max: 2 } }
} satisfies { [K in QuestionTypeId]: DraftDef<QuestionOfType[K]> };

/** A starting question of `type` from the chosen facts, with the type's defaults. */
export const draftQuestion = <K extends QuestionTypeId>(
	type: K,
	input: DraftInput
): QuestionOfType[K] => (DRAFTS[type].make as DraftMaker<QuestionOfType[K]>)(input);

export { arDraft, clozeDraft, flashcardDraft, matchDraft, mcqDraft, multiDraft, numericDraft };
export { orderDraft, pairsDraft, statementsDraft, trueFalseDraft };
export { blankOut, type TextRange } from './cloze/draft';
export { firstFigure } from './numeric/draft';
export {
	claimsText,
	countText,
	fittingOption,
	howManyOptions,
	judgedOptions,
	whichOptions,
	type JudgedMode
} from './shared/upsc-options';
