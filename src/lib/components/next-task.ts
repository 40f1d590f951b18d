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
