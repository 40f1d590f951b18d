import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { clause, quoteValue } from './messages';
import { validateIssues } from './validate';
import { makeDeck, SOURCE } from './test-helpers';

/** The message zod gives for `input` under `schema`, with this module's words. */
const messageOf = (schema: z.ZodMiniType, input: unknown) => {
	const r = z.safeParse(schema, input);
	if (r.success) throw new Error('expected a failure');
	return r.error.issues[0].message;
};

describe('a refused value says what is allowed, not only "Invalid input"', () => {
	test('a union of literals lists its values and the value given', () => {
		const rating = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
		expect(messageOf(rating, 7)).toBe('must be one of 1, 2, 3, 4 (got 7)');
		expect(messageOf(rating, '1')).toBe('must be one of 1, 2, 3, 4 (got "1")');
	});

	test('an enum lists its values', () => {
		expect(messageOf(z.enum(['review', 'test']), 'exam')).toBe(
			'must be one of "review", "test" (got "exam")'
		);
	});

	test('a literal names the one value it allows', () => {
		expect(messageOf(z.literal('review'), 'x')).toBe('must be "review" (got "x")');
	});

	test('a union of types names the types', () => {
		expect(messageOf(z.union([z.string(), z.number()]), null)).toBe(
			'must be a string or a number (got null)'
		);
		expect(messageOf(z.union([z.literal('none'), z.number()]), [])).toBe(
			'must be "none" or a number (got a list)'
		);
	});

	test('a discriminated union with an unknown tag lists the tags and the tag given', () => {
		const event = z.discriminatedUnion('kind', [
			z.object({ kind: z.literal('review') }),
			z.object({ kind: z.literal('reset') })
		]);
		const r = z.safeParse(event, { kind: 'undo', at: 1 });
		expect(r.error?.issues[0].path).toEqual(['kind']);
		expect(r.error?.issues[0].message).toBe('must be one of "review", "reset" (got "undo")');
	});

	test('a long or hostile value is quoted short', () => {
		expect(quoteValue('x'.repeat(100))).toBe(`"${'x'.repeat(40)}…"`);
		expect(quoteValue({ a: 1 })).toBe('an object');
		expect(quoteValue(undefined)).toBe('nothing');
	});

	test('other checks keep zod’s own English words', () => {
		expect(messageOf(z.number().check(z.minimum(1)), 0)).toBe(
			'Too small: expected number to be >=1'
		);
	});

	test('a deck question of an unknown type is told the types there are', () => {
		const deck = makeDeck();
		const raw = { ...deck, questions: [{ ...deck.questions[0], type: 'essay' }] };
		const result = validateIssues(raw, SOURCE);
		expect(result.ok).toBe(false);
		const messages = result.ok ? [] : result.issues.map((i) => i.message);
		expect(messages.some((m) => /^must be one of .*"mcq".* \(got "essay"\)$/.test(m))).toBe(true);
	});
});

describe('messages joined into sentences', () => {
	test('an error that ends with a full stop is not followed by a second one', () => {
		const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		expect(`Your answer was not saved: ${clause(quota)}. Try again.`).toBe(
			'Your answer was not saved: The quota has been exceeded. Try again.'
		);
		expect(`${clause('no stop')}.`).toBe('no stop.');
		expect(`${clause(new Error('trailing space.  '))}.`).toBe('trailing space.');
	});
});
