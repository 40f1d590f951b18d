/**
 * What a question type must provide: one object per type folder, listed in the registry
 * (../index.ts), which the compiler checks for completeness. See docs/ARCHITECTURE.md.
 */
import type * as z from 'zod/mini';
import type { Issue } from '../../bank/issues';
import { CHOICES_ANSWER, type AnswerModel } from './answer';
import { noChecks } from './check';
import type { CsvPart } from './csv';
import type { GradeResult, Response } from './grading';

/** A fact-bearing part of a composite question, with the field that holds it. */
export interface Part {
	field: string;
	fact: string;
}

/** The answer of a type answered by choosing among options. */
export interface ChoicePart<Q> {
	/** The options offered, in the exam's order (True/False for true_false). */
	options(q: Q): string[];
	/** The indices of the right options. */
	right(q: Q): number[];
	/** Whether a paper may shuffle the options (the exam's fixed lists — "1 only", "Both" — may not). */
	shuffle: boolean;
}

/**
 * One question type. `Q` is the type's question, inferred from its own schema (a folder never
 * imports the bank's `Question`, which is composed from these). Members are methods so that a
 * definition for one type is assignable where any type's is expected.
 */
export interface QuestionTypeDef<Q extends { type: string; facts: string[] }> {
	id: Q['type'];
	/** Names the type in share links: one or two letters, never changed nor reused. */
	code: string;
	/** The type's name on screen. */
	label: string;
	/** Its schema, built on first use (see lazy-schema.ts). */
	schema(): z.ZodMiniType<Q>;
	/** Whether a mock test may hold it (a flashcard is self-rated: no). */
	inTests: boolean;
	/** Grade a response that is not blank (the caller handles blanks); per-fact outcomes. */
	grade(q: Q, r: Response): GradeResult;
	/** The answer in words, for answer keys, feedback and the deck page. */
	answerText(q: Q): string;
	/** The parts that name their own fact (statements, pairs, items…); [] for none. */
	parts(q: Q): Part[];
	/** The blocks of the card's front after the prompt (Anki export); empty ones are dropped. */
	ankiFront(q: Q): Array<string | undefined>;
	/** How the learner's draft becomes a Response (the widget is in components/answer-inputs.ts). */
	answer: AnswerModel<Q>;
	/** Present for types answered by choosing among options. */
	choice?: ChoicePart<Q>;
	/** Its own columns of the deck CSV. */
	csv: CsvPart<Q>;
	/**
	 * The checks its schema cannot express (answers in range and agreeing with the parts,
	 * options that differ), with paths inside the question.
	 */
	check(q: Q): Issue[];
}

/** For types without parts. */
export const noParts = (): Part[] => [];

/** The parts held in a list field: `pairs[0]`, `pairs[1]`… */
export const partsIn = (field: string, list: ReadonlyArray<{ fact: string }>): Part[] =>
	list.map((p, i) => ({ field: `${field}[${i}]`, fact: p.fact }));

/**
 * A type's names (its id, share-link code and label) and what most types have, spread first
 * into its definition, which overrides what differs: in tests, no parts, nothing added to the
 * Anki front, answered by choosing, nothing to check beyond its schema.
 */
export const typeBase = <I extends string>(id: I, code: string, label: string) => ({
	id,
	code,
	label,
	inTests: true,
	parts: noParts,
	ankiFront: (): Array<string | undefined> => [],
	answer: CHOICES_ANSWER,
	check: noChecks
});
