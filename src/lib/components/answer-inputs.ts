/**
 * The answer widget of each question type. Kept apart from the registry (question-types/index.ts),
 * which loads no Svelte; a type without a widget here does not compile.
 */
import type { Component } from 'svelte';
import type { QuestionOfType, QuestionTypeId } from '$lib/question-types';
import type { AnswerInputProps } from '$lib/question-types/shared';
import FlashcardInput from '$lib/question-types/flashcard/Input.svelte';
import MatchInput from '$lib/question-types/match/Input.svelte';
import OrderInput from '$lib/question-types/order/Input.svelte';
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
