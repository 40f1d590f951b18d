import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Deck } from '$lib/bank/schema';
import { classCodeOf } from './live-server';
import { liveId, liveOptions, liveQuestion, stateOf } from './live.svelte';

const deck: Deck = JSON.parse(readFileSync('questions/india-us-2026-01/deck.json', 'utf8'));
const mcq = deck.questions.find((q) => q.type === 'mcq')!;

describe('live classroom helpers', () => {
	test('join codes: six unambiguous letters or digits, any case', () => {
		expect(classCodeOf(' AbC234 ')).toBe('abc234');
		for (const bad of ['abc23', 'abc2345', 'abc0l1', 'ab-234', null])
			expect(classCodeOf(bad)).toBeUndefined();
	});

	test("an option's place is the paper's, and the right one is known only once revealed", () => {
		const n = liveOptions(mcq, { optionOrder: null }).length;
		expect(n).toBeGreaterThan(1);
		const order = Array.from({ length: n }, (_, i) => n - 1 - i);
		const plain = liveQuestion(mcq, { optionOrder: null }, 0, true);
		const shuffled = liveQuestion(mcq, { optionOrder: order }, 2, true);
		expect(plain.id).toBe('q1');
		expect(shuffled).toEqual({ id: liveId(2), options: n, correct: n - 1 - plain.correct! });
		expect(liveOptions(mcq, { optionOrder: order })[shuffled.correct!]).toBe(
			liveOptions(mcq, { optionOrder: null })[plain.correct!]
		);
		expect(liveQuestion(mcq, { optionOrder: null }, 0, false).correct).toBeNull();
	});

	test('the state document is read only when it is one', () => {
		const state = { position: 2, open: 'q2', revealed: ['q1'], ended: false };
		expect(stateOf({ _id: 'state', _rev: '1-a', ...state })).toEqual(state);
		expect(stateOf({ _id: 'other', ...state })).toBeUndefined();
		expect(stateOf({ _id: 'state', ...state, revealed: 'q1' })).toBeUndefined();
	});
});
