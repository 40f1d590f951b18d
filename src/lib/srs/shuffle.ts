/**
 * Seeded shuffles: the same seed gives the same order on every device (a reload shows the same
 * question the same way; a shared test link gives every student the same paper).
 */
import { hashText } from './keys';

/** mulberry32: a small, fast PRNG with a 32-bit state. */
export function prng(seed: number): () => number {
	let s = seed | 0;
	return () => {
		s = (s + 0x6d2b79f5) | 0;
		let t = Math.imul(s ^ (s >>> 15), 1 | s);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A permutation of 0…n-1 decided by `seed` (Fisher–Yates). */
export function seededOrder(n: number, seed: string): number[] {
	const rand = prng(parseInt(hashText(seed), 16));
	const order = Array.from({ length: n }, (_, i) => i);
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(rand() * (i + 1));
		[order[i], order[j]] = [order[j], order[i]];
	}
	return order;
}

/**
 * Like seededOrder, but never the identity when n > 1: an "order" or "match" question shown in
 * its answer order would give itself away.
 */
export function scrambledOrder(n: number, seed: string): number[] {
	const order = seededOrder(n, seed);
	if (n > 1 && order.every((v, i) => v === i)) order.push(order.shift()!);
	return order;
}
