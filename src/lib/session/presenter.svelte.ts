/**
 * A classroom quiz on the projector: a join slide (QR code and short link), one slide per
 * question with an optional countdown that reveals the answer at zero, and a closing slide with
 * the answer key. The paper is the one the join link gives every student's phone.
 */
import type { Deck } from '$lib/bank/schema';
import { buildPaper, type ExamConfig, type PaperItem } from '$lib/srs/exam';
import { resolvePaper, type PaperQuestion } from './exam.svelte';

export type Slide =
	| { kind: 'join' }
	| { kind: 'question'; index: number; item: PaperItem; paper: PaperQuestion }
	| { kind: 'key' };

export class Presenter {
	readonly config: ExamConfig;
	readonly items: PaperItem[];
	readonly questions: PaperQuestion[];
	readonly #now: () => number;
	/** 0: join; 1…n: the questions; n + 1: the answer key. */
	#position = $state(0);
	#revealed = $state<boolean[]>([]);
	/** When the countdown of the question on screen ends (wall clock, ms), or null. */
	#deadline = $state<number | null>(null);

	constructor(decks: readonly Deck[], config: ExamConfig, now: () => number = Date.now) {
		this.config = config;
		this.#now = now;
		const paper = buildPaper(decks, config);
		this.questions = resolvePaper(decks, paper);
		// resolvePaper keeps the order and drops nothing here: the paper was built from these decks.
		this.items = paper;
		this.#revealed = this.questions.map(() => false);
	}

	get total(): number {
		return this.questions.length;
	}
	get position(): number {
		return this.#position;
	}

	get slide(): Slide {
		const p = this.#position;
		if (p === 0) return { kind: 'join' };
		if (p > this.total) return { kind: 'key' };
		return {
			kind: 'question',
			index: p - 1,
			item: this.items[p - 1],
			paper: this.questions[p - 1]
		};
	}

	get revealed(): boolean {
		const s = this.slide;
		return s.kind === 'question' && this.#revealed[s.index];
	}

	/** Milliseconds left on the question's countdown, or null when untimed or revealed. */
	timeLeft(now = this.#now()): number | null {
		if (this.#deadline === null || this.revealed) return null;
		return Math.max(0, this.#deadline - now);
	}

	/** The share of the countdown left, 1 → 0, for the bar. */
	fractionLeft(now = this.#now()): number | null {
		const left = this.timeLeft(now);
		const total = (this.config.secondsPerQuestion ?? 0) * 1000;
		return left === null || !total ? null : left / total;
	}

	#go(position: number): void {
		this.#position = Math.max(0, Math.min(this.total + 1, position));
		const s = this.slide;
		const timed = this.config.secondsPerQuestion !== null;
		this.#deadline =
			s.kind === 'question' && timed && !this.#revealed[s.index]
				? this.#now() + this.config.secondsPerQuestion! * 1000
				: null;
	}

	next(): void {
		this.#go(this.#position + 1);
	}
	back(): void {
		this.#go(this.#position - 1);
	}

	/** Which questions have been revealed, in order. */
	get revealedAll(): readonly boolean[] {
		return this.#revealed;
	}

	/** When the countdown on screen ends (wall clock, ms), or null: a live class keeps it. */
	get deadline(): number | null {
		return this.#deadline;
	}

	/**
	 * Back where a live session left off (a reloaded projector, another laptop): the slide, the
	 * reveals and, when the server kept one, the countdown's end.
	 */
	restore(position: number, revealed: readonly boolean[], deadline?: number | null): void {
		this.#revealed = this.questions.map((_, i) => revealed[i] ?? false);
		this.#go(position);
		if (deadline != null && this.#deadline !== null) this.#deadline = deadline;
	}

	reveal(): void {
		const s = this.slide;
		if (s.kind !== 'question') return;
		this.#revealed[s.index] = true;
		this.#deadline = null;
	}

	/** Called by the screen's clock: at zero the answer shows. Returns true if it did. */
	tick(now = this.#now()): boolean {
		if (this.timeLeft(now) === 0) {
			this.reveal();
			return true;
		}
		return false;
	}
}
