import { describe, expect, test } from 'vitest';
import { StorageError } from '$lib/storage/errors';
import { saveFailure } from './save-error';

describe('what a page says when a save fails', () => {
	test('a full disk: what failed, why in plain words, one period each, and what to do', () => {
		const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		expect(saveFailure('Your settings were not saved', full)).toBe(
			'Your settings were not saved: The browser refused to store more: storage is full. Free some space on this device, then try again.'
		);
	});

	test('a storage error keeps its own words; other errors too', () => {
		expect(saveFailure('The test was not started', new StorageError('Blocked.'))).toBe(
			'The test was not started: Blocked. Try again.'
		);
		expect(saveFailure('X', new Error('boom'))).toBe('X: boom. Try again.');
	});
});
