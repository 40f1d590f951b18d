import { afterEach, describe, expect, test, vi } from 'vitest';
import { afterFrame } from './after-frame';

afterEach(() => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

/** A page whose frames run when `paint` is called. */
function page(visibilityState: 'visible' | 'hidden') {
	const frames: Array<() => void> = [];
	vi.stubGlobal('document', { visibilityState });
	vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
	return { frames, paint: () => frames.splice(0).forEach((cb) => cb()) };
}

describe('work after the next frame', () => {
	test('waits for the frame, then for the task after it', async () => {
		vi.useFakeTimers();
		const { frames, paint } = page('visible');
		let done = false;
		void afterFrame().then(() => (done = true));
		await vi.advanceTimersByTimeAsync(10);
		expect(done).toBe(false);
		expect(frames).toHaveLength(1);
		paint();
		await Promise.resolve();
		expect(done).toBe(false);
		await vi.advanceTimersByTimeAsync(0);
		expect(done).toBe(true);
	});

	test('a frame that does not come (a page in the background) is not waited for long', async () => {
		vi.useFakeTimers();
		page('visible');
		let done = false;
		void afterFrame().then(() => (done = true));
		await vi.advanceTimersByTimeAsync(99);
		expect(done).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(done).toBe(true);
	});

	test('a hidden page, or no page at all, goes on in the next task', async () => {
		vi.useFakeTimers();
		const { frames } = page('hidden');
		let done = false;
		void afterFrame().then(() => (done = true));
		await vi.advanceTimersByTimeAsync(0);
		expect(done).toBe(true);
		expect(frames).toHaveLength(0);
		vi.unstubAllGlobals();
		let went = false;
		void afterFrame().then(() => (went = true));
		await vi.advanceTimersByTimeAsync(0);
		expect(went).toBe(true);
	});
});
