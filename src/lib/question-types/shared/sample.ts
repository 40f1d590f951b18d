/** A sample question of a type and answers to it, for the registry's tests (each folder has one). */
import type { Response } from './grading';

export interface TypeSample<Q> {
	question: Q;
	right: Response;
	wrong: Response;
	/** What the wrong response shows of each fact the question tests. */
	wrongFacts: Record<string, boolean>;
	answerText: string;
	/** The text its body shows after the prompt when printed (tags aside; '' for none). */
	printed: string;
}

/** The fields of a sample question that no type grades, and its type. */
export const sampleBase = <T extends string>(type: T) => ({
	type,
	id: `sample-${type.replace(/_/g, '-')}`,
	prompt: `Sample prompt of ${type}`,
	explanation: `Sample explanation of ${type}.`,
	difficulty: 2 as const
});
