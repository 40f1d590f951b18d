/**
 * Performance marks on the way to a page's first screen (`recall:<name>`), which `npm run bench`
 * reads after each visit to show where the time between the floor and the first question goes
 * (bench/pages.ts). A mark costs a microsecond; a browser without the API is skipped.
 */
export const markName = (name: string) => `recall:${name}`;

export function mark(name: string): void {
	globalThis.performance?.mark?.(markName(name));
}
