/**
 * A promise that settles once the next frame is painted: for work that follows a change on
 * screen and must not delay it (reading ahead after a rating; docs/ARCHITECTURE.md,
 * "Answering"). Where no frame comes (a hidden page, no window), a task later, or after
 * FRAME_WAIT_MS at most.
 */
const FRAME_WAIT_MS = 100;

export function afterFrame(): Promise<void> {
	return new Promise((resolve) => {
		const raf = globalThis.requestAnimationFrame;
		if (typeof raf !== 'function' || globalThis.document?.visibilityState !== 'visible') {
			setTimeout(resolve, 0);
			return;
		}
		// A frame's callbacks run before it is painted: the task after them, after it.
		raf(() => setTimeout(resolve, 0));
		setTimeout(resolve, FRAME_WAIT_MS);
	});
}
