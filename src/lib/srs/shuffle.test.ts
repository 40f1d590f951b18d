import { expect, test } from 'vitest';
import { scrambledOrder, seededOrder } from './shuffle';
import { intervalLabel, intervalWords } from './intervals';

test('the same seed gives the same order; another seed another', () => {
	expect(seededOrder(8, 'q1')).toEqual(seededOrder(8, 'q1'));
	expect(seededOrder(8, 'q1')).not.toEqual(seededOrder(8, 'q2'));
	expect([...seededOrder(8, 'q1')].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
});

test('a scrambled order is never the answer order', () => {
	for (let i = 0; i < 200; i++) {
		const order = scrambledOrder(3, `seed-${i}`);
		expect(order).not.toEqual([0, 1, 2]);
		expect([...order].sort()).toEqual([0, 1, 2]);
	}
});

test('interval labels as the rating buttons show them', () => {
	const m = 60_000;
	expect(
		[1, 10, 90, 60 * 24 * 4, 60 * 24 * 75, 60 * 24 * 400].map((x) => intervalLabel(x * m))
	).toEqual(['1m', '10m', '2h', '4d', '2.5mo', '1.1y']);
	expect(intervalWords(10 * m)).toBe('10 minutes');
	expect(intervalWords(60 * 24 * m)).toBe('1 day');
});
