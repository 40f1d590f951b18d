/**
 * Keys and hashes for stored memory, in a module of their own (no scheduler): the deck list
 * and storage need them on first load, and the scheduler (ts-fsrs) is not needed there.
 */
import type { ScheduleParams } from './settings';

/** Facts are identified within their deck; two decks may use the same fact id. */
export function memoryKey(deck: string, fact: string): string {
	return `${deck}/${fact}`;
}

/** A short stable hash of a text (FNV-1a, 32 bits, hex): not for security, for noticing change. */
export function hashText(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(16).padStart(8, '0');
}

/** The hash of a fact's statement, stored with each answer to notice a changed statement. */
export const statementHash = hashText;

/**
 * The id under which a set of scheduling parameters is stored once, for every log entry that
 * used it to refer to (parameters change rarely; a copy per entry would double the log's size).
 */
export function paramsId(p: ScheduleParams): string {
	return hashText(
		JSON.stringify([
			p.desiredRetention,
			p.maximumInterval,
			p.fuzz,
			p.learningSteps,
			p.relearningSteps,
			p.dayStartHour,
			p.timeZone,
			// Fitted weights only: a default set keeps the id it had before weights existed.
			...(p.weights ? [p.weights] : [])
		])
	);
}
