/** Plain-text blocks for a card's front (the Anki export), shared by several types. */
import { lettered } from './upsc';

/** Options as lines: "(a) …", "(b) …". */
export const letteredLines = (texts: readonly string[]) =>
	texts.map((t, i) => lettered(i, t)).join('\n');

/** Items as lines: "1. …", "2. …". */
export const numberedLines = (texts: readonly string[]) =>
	texts.map((t, i) => `${i + 1}. ${t}`).join('\n');

/** A 32-bit hash of a string (FNV-1a), to seed the shuffle from the question id. */
function hash(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

/**
 * The items in an order that depends only on `seed` and is never the given one (for two or more
 * items), so that the front of an order or match question does not give the answer away.
 */
export function scramble<T>(items: readonly T[], seed: string): T[] {
	let state = hash(seed);
	const random = () => {
		// mulberry32: small, fast and good enough to deal cards.
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
	};
	const order = items.map((_, i) => i);
	for (let i = order.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[order[i], order[j]] = [order[j], order[i]];
	}
	if (order.every((x, i) => x === i)) order.push(order.shift() as number);
	return order.map((i) => items[i]);
}

/** Texts in alphabetical order, as a printed match or order question lists them (no giveaway). */
export const alphabetical = (texts: readonly string[]) =>
	[...texts].sort((a, b) => a.localeCompare(b));
