/**
 * How a question is answered on screen, whatever its type: a fresh draft, whether it can be
 * checked, and the Response it gives (each type's rule is in its folder under question-types).
 */
import type { Question } from '$lib/bank/schema';
import { defOf } from '$lib/question-types';
import { draftFrom, type Draft } from '$lib/question-types/shared';
import type { Response } from '$lib/srs/grade';

export { blankDraft, type Draft } from '$lib/question-types/shared';

export const emptyDraft = (q: Question): Draft => defOf(q).answer.empty(q);

/** Whether the draft can be checked (everything placed, something typed or chosen). */
export const draftComplete = (q: Question, d: Draft): boolean => defOf(q).answer.complete(q, d);

/** Whether the learner has begun: a test stores a partial answer. */
export const draftStarted = (q: Question, d: Draft): boolean => defOf(q).answer.started(q, d);

export const toResponse = (q: Question, d: Draft): Response => defOf(q).answer.toResponse(q, d);

/** The draft of a question answered before (a test's stored answer), or a fresh one. */
export const draftOf = (q: Question, r: Response | null | undefined): Draft =>
	draftFrom(emptyDraft(q), r);
