import { describe, expect, test } from 'vitest';
import { answerText, QUESTION_TYPE_DEFS } from '$lib/question-types';
import type { TypeSample } from '$lib/question-types/shared/sample';
import type { Question } from '$lib/bank/schema';
import { keyContent } from './answer-key';

const samples = import.meta.glob<{ sample: TypeSample<Question> }>(
	'../../lib/question-types/*/sample.ts',
	{ eager: true }
);

/** The texts a question's body shows of its parts (statements, pairs, assertion, items…). */
function partTexts(q: Question): string[] {
	const texts = QUESTION_TYPE_DEFS[q.type].parts(q as never).flatMap(({ field }) => {
		const part = field
			.split(/[[\].]+/)
			.filter(Boolean)
			.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], q);
		return Object.entries(part as Record<string, unknown>)
			.filter(([k, v]) => k !== 'fact' && typeof v === 'string')
			.map(([, v]) => v as string);
	});
	return q.type === 'true_false' ? [q.statement, ...texts] : texts;
}

describe("the projector's answer key", () => {
	// shared/sample.ts holds the samples' common fields, not a sample.
	const tested = Object.values(samples)
		.flatMap((m) => (m.sample ? [m.sample.question] : []))
		.filter((q) => QUESTION_TYPE_DEFS[q.type].inTests);

	test('covers every type a paper can hold', () => {
		const types = Object.values(QUESTION_TYPE_DEFS).filter((d) => d.inTests);
		expect(tested.map((q) => q.type).sort()).toEqual(types.map((d) => d.id).sort());
	});

	test.each(tested.map((q) => [q.type, q] as const))(
		'%s: the key line holds the text its prompt refers to',
		(_, q) => {
			const line = [q.prompt, ...keyContent(q), answerText(q)].join('\n');
			for (const text of partTexts(q)) expect(line).toContain(text);
		}
	);

	test('a true/false item shows its statement, not only "True or false?"', () => {
		const q = tested.find((x) => x.type === 'true_false')!;
		expect(keyContent(q)).toEqual([(q as Extract<Question, { type: 'true_false' }>).statement]);
	});
});
