/**
 * The editor's form of each question type (`Form.svelte` in its folder), for
 * QuestionForm.svelte. A map of its own, apart from answer-inputs.ts, so that the screens that
 * ask questions (/study, /test…) never load the forms; a type missing here does not compile.
 * See docs/ARCHITECTURE.md.
 */
import type { Component } from 'svelte';
import type { QuestionOfType, QuestionTypeId } from '$lib/question-types';
import type { FormProps } from '$lib/question-types/shared/form';
import ArForm from '$lib/question-types/assertion_reason/Form.svelte';
import ClozeForm from '$lib/question-types/cloze/Form.svelte';
import FlashcardForm from '$lib/question-types/flashcard/Form.svelte';
import MatchForm from '$lib/question-types/match/Form.svelte';
import McqForm from '$lib/question-types/mcq/Form.svelte';
import MultiForm from '$lib/question-types/multi/Form.svelte';
import NumericForm from '$lib/question-types/numeric/Form.svelte';
import OrderForm from '$lib/question-types/order/Form.svelte';
import PairsForm from '$lib/question-types/pairs/Form.svelte';
import StatementsForm from '$lib/question-types/statements/Form.svelte';
import TrueFalseForm from '$lib/question-types/true_false/Form.svelte';

export type TypeForm<Q> = Component<FormProps<Q>>;

export const QUESTION_FORMS = {
	flashcard: FlashcardForm,
	mcq: McqForm,
	multi: MultiForm,
	true_false: TrueFalseForm,
	cloze: ClozeForm,
	numeric: NumericForm,
	match: MatchForm,
	order: OrderForm,
	statements: StatementsForm,
	pairs: PairsForm,
	assertion_reason: ArForm
} satisfies { [K in QuestionTypeId]: TypeForm<QuestionOfType[K]> };

/** The types whose facts are named by their parts (the form sets `facts` from them). */
export const FACTS_FROM_PARTS: ReadonlySet<QuestionTypeId> = new Set([
	'match',
	'order',
	'statements',
	'pairs',
	'assertion_reason'
]);

/** The types whose own form writes the prompt (a cloze's sentence with its blank). */
export const PROMPT_IN_FORM: ReadonlySet<QuestionTypeId> = new Set(['cloze']);
