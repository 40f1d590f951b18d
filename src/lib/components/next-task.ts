/**
 * A promise that settles in a task of its own, after the current one (and its rendering) ends.
 * Work started during hydration runs in hydration's task, and a long task delays the page's
 * answer to a tap: dynamic imports wait for this (docs/ARCHITECTURE.md, "First-load JS"), since
 * starting one appends its chunks' preload links to the head and later evaluates its modules.
 */
export function nextTask(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	if (scheduler?.yield) return scheduler.yield();
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A promise that settles in a task after the next frame has been rendered: work that must not
 * delay what the page has just put on screen (a task queued sooner may run before that frame).
 * A hidden page renders no frames: it settles after `fallbackMs` then.
 */
export function afterFrame(fallbackMs = 100): Promise<void> {
	return new Promise((resolve) => {
		const timer = setTimeout(resolve, fallbackMs);
		if (typeof requestAnimationFrame !== 'function') return;
		requestAnimationFrame(() =>
			setTimeout(() => {
				clearTimeout(timer);
				resolve();
			}, 0)
		);
	});
}
