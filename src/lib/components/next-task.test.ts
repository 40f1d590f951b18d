import { afterEach, describe, expect, test, vi } from 'vitest';
import { afterFrame } from './next-task';

describe('afterFrame', () => {
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	test('settles in a task after the next frame, not before it', async () => {
		vi.useFakeTimers();
		let frame: FrameRequestCallback | undefined;
		vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => ((frame = cb), 1));
		let settled = false;
		void afterFrame().then(() => (settled = true));
		await vi.advanceTimersByTimeAsync(50);
		expect(settled).toBe(false);
		frame?.(0);
		expect(settled).toBe(false);
		await vi.advanceTimersByTimeAsync(0);
		expect(settled).toBe(true);
	});

	test('a page that renders no frame (hidden) settles after the fallback', async () => {
		vi.useFakeTimers();
		vi.stubGlobal('requestAnimationFrame', () => 1);
		let settled = false;
		void afterFrame(100).then(() => (settled = true));
		await vi.advanceTimersByTimeAsync(99);
		expect(settled).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(settled).toBe(true);
	});
});
