import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { SaveState, SLOW_SAVE_MS } from './save-state.svelte';

describe('a save under way', () => {
	beforeEach(() => void vi.useFakeTimers());
	afterEach(() => void vi.useRealTimers());

	/** A save that ends when `finish` is called. */
	function pending() {
		let finish!: () => void;
		const done = new Promise<void>((resolve) => (finish = resolve));
		return { done, finish };
	}

	test('is busy at once, and shows as saving only once it is slow, until it ends', async () => {
		const state = new SaveState();
		const { done, finish } = pending();
		const run = state.run(() => done);
		expect(state.busy).toBe(true);
		expect(state.saving).toBe(false);
		vi.advanceTimersByTime(SLOW_SAVE_MS - 1);
		expect(state.saving).toBe(false);
		vi.advanceTimersByTime(1);
		expect(state.saving).toBe(true);
		finish();
		await run;
		expect(state.busy).toBe(false);
		expect(state.saving).toBe(false);
	});

	test('a quick save never shows as saving, and a failed one ends too', async () => {
		const state = new SaveState();
		await state.run(async () => {});
		vi.advanceTimersByTime(SLOW_SAVE_MS * 2);
		expect(state.saving).toBe(false);
		await expect(state.run(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
		vi.advanceTimersByTime(SLOW_SAVE_MS * 2);
		expect([state.busy, state.saving]).toEqual([false, false]);
	});
});
