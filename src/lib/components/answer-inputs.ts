/**
 * The Svelte parts of each question type: its answer widget, and its body (what the question
 * shows after its prompt: statements, pairs, options…, on paper and on screen). Kept apart from
 * the registry (question-types/index.ts), which loads no Svelte; a type missing from either map
 * does not compile. See docs/ARCHITECTURE.md.
 */
import type { Component } from 'svelte';
import type { QuestionOfType, QuestionTypeId } from '$lib/question-types';
import type { AnswerInputProps, BodyProps } from '$lib/question-types/shared';
import ArBody from '$lib/question-types/assertion_reason/Body.svelte';
import FlashcardInput from '$lib/question-types/flashcard/Input.svelte';
import MatchBody from '$lib/question-types/match/Body.svelte';
import MatchInput from '$lib/question-types/match/Input.svelte';
import NumericBody from '$lib/question-types/numeric/Body.svelte';
import OrderBody from '$lib/question-types/order/Body.svelte';
import OrderInput from '$lib/question-types/order/Input.svelte';
import PairsBody from '$lib/question-types/pairs/Body.svelte';
import OptionsBody from '$lib/question-types/shared/OptionsBody.svelte';
import StatementsBody from '$lib/question-types/statements/Body.svelte';
import TrueFalseBody from '$lib/question-types/true_false/Body.svelte';
import Choices from './Choices.svelte';
import TypedAnswer from './TypedAnswer.svelte';

/** A widget binds the draft it fills in (a flashcard's has none). */
export type AnswerInput<Q> = Component<AnswerInputProps<Q>, object, 'draft' | ''>;

export const ANSWER_INPUTS = {
	flashcard: FlashcardInput,
	mcq: Choices,
	multi: Choices,
	true_false: Choices,
	cloze: TypedAnswer,
	numeric: TypedAnswer,
	match: MatchInput,
	order: OrderInput,
	statements: Choices,
	pairs: Choices,
	assertion_reason: Choices
} satisfies { [K in QuestionTypeId]: AnswerInput<QuestionOfType[K]> };

/** A type's body, or null for a type whose prompt is the whole question (a flashcard, a cloze). */
export type TypeBody<Q> = Component<BodyProps<Q>> | null;

export const QUESTION_BODIES = {
	flashcard: null,
	mcq: OptionsBody,
	multi: OptionsBody,
	true_false: TrueFalseBody,
	cloze: null,
	numeric: NumericBody,
	match: MatchBody,
	order: OrderBody,
	statements: StatementsBody,
	pairs: PairsBody,
	assertion_reason: ArBody
} satisfies { [K in QuestionTypeId]: TypeBody<QuestionOfType[K]> };
