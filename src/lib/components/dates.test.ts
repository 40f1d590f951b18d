import { describe, expect, test } from 'vitest';
import { formatDate, formatMonth } from './dates';

describe('formatDate', () => {
	test('spells a date as Intl does in en-GB, for every month and day of two years', () => {
		for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 86_400_000) {
			const iso = new Date(t).toISOString().slice(0, 10);
			const intl = new Date(t).toLocaleDateString('en-GB', {
				day: 'numeric',
				month: 'long',
				year: 'numeric',
				timeZone: 'UTC'
			});
			expect(formatDate(iso), iso).toBe(intl);
		}
	});
});

describe('formatMonth', () => {
	test('spells a month and its year', () => {
		expect(formatMonth('2026-03')).toBe('March 2026');
		expect(formatMonth('2025-12-31')).toBe('December 2025');
	});
});
