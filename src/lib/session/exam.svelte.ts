/**
 * A mock test in progress: the computer-based test screen's state (answers, marks for review,
 * visits, time per question), kept in IndexedDB after every change so that a reload resumes it,
 * with the countdown on wall-clock time. On submit, the results can feed the memory.
 */
import type { Deck, Question } from '$lib/bank/schema';
import { creditEventId, paperRatings, testCredit } from '$lib/srs/answer';
import {
	buildPaper,
	scorePaper,
	toBankResponse,
	type ExamConfig,
	type PaperScore
} from '$lib/srs/exam';
import type { Response } from '$lib/srs/grade';
import type { AttemptRecord } from '$lib/storage/records';
import { SCHEMA_VERSION } from '$lib/storage/records';
import type { Repository } from '$lib/storage/repository';
import { StorageError } from '$lib/storage/errors';
import { commitAnswer } from './answering';
import { saveFailure } from './save-error';

export type PaletteStatus =
	'answered' | 'answered-marked' | 'marked' | 'not-answered' | 'not-visited';

export interface PaperQuestion {
	deck: Deck;
	question: Question;
	topics: string[];
}

/** Resolve a paper's items to the bank's questions; items whose question is gone are dropped. */
export function resolvePaper(
	decks: readonly Deck[],
	paper: AttemptRecord['paper']
): PaperQuestion[] {
	const out: PaperQuestion[] = [];
	for (const item of paper) {
		const deck = decks.find((d) => d.id === item.deck);
		const question = deck?.questions.find((q) => q.id === item.question);
		if (!deck || !question) continue;
		const topics = question.facts.flatMap((f) => deck.facts.find((x) => x.id === f)?.topics ?? []);
		out.push({ deck, question, topics: [...new Set(topics)] });
	}
	return out;
}

/** Score a stored attempt (for the history of attempts). */
export function scoreAttempt(decks: readonly Deck[], attempt: AttemptRecord): PaperScore {
	const qs = resolvePaper(decks, attempt.paper);
	return scorePaper(
		qs.map((p) => ({ q: p.question, topics: p.topics })),
		qs.map((_, i) => {
			const r = attempt.answers[i];
			return r ? toBankResponse(attempt.paper[i], r) : null;
		}),
		attempt.config.marking
	);
}

/** A study session of the facts behind the questions not answered right. */
export function missedFactsLink(questions: readonly PaperQuestion[], score: PaperScore): string {
	const facts = questions.flatMap((p, i) =>
		score.items[i].outcome === 'correct' ? [] : p.question.facts.map((f) => `${p.deck.id}/${f}`)
	);
	return `/study?facts=${encodeURIComponent([...new Set(facts)].join(','))}`;
}

export class ExamSession {
	readonly #repo: Repository;
	readonly #now: () => Date;
	readonly questions: PaperQuestion[];
	attempt = $state.raw<AttemptRecord>(null as unknown as AttemptRecord);
	/** Why the results could not be added to the memory, when they could not (for the page). */
	error = $state<string | null>(null);
	/**
	 * A change storage refused (an answer, a move, the submission), until a save succeeds. The
	 * attempt on screen keeps the change; the next save stores the whole attempt.
	 */
	saveError = $state<string | null>(null);
	#enteredAt: number;

	private constructor(
		repo: Repository,
		questions: PaperQuestion[],
		attempt: AttemptRecord,
		now: () => Date
	) {
		this.#repo = repo;
		this.#now = now;
		this.questions = questions;
		this.attempt = attempt;
		this.#enteredAt = now().getTime();
	}

	/** Start a new attempt of the paper that `config` gives. */
	static async start(
		repo: Repository,
		decks: readonly Deck[],
		config: ExamConfig,
		options: { now?: () => Date; id?: string; paper?: AttemptRecord['paper'] } = {}
	): Promise<ExamSession> {
		const now = options.now ?? (() => new Date());
		const paper = options.paper ?? buildPaper(decks, config);
		const questions = resolvePaper(decks, paper);
		const n = questions.length;
		const started = now();
		const attempt: AttemptRecord = {
			schemaVersion: SCHEMA_VERSION,
			id: options.id ?? crypto.randomUUID(),
			config,
			paper,
			startedAt: started.toISOString(),
			deadline:
				config.secondsPerQuestion === null
					? null
					: new Date(started.getTime() + n * config.secondsPerQuestion * 1000).toISOString(),
			answers: Array(n).fill(null),
			marked: Array(n).fill(false),
			visited: Array.from({ length: n }, (_, i) => i === 0),
			timeMs: Array(n).fill(0),
			current: 0,
			submittedAt: null,
			checked: Array(n).fill(false)
		};
		await repo.saveAttempt(attempt);
		return new ExamSession(repo, questions, attempt, now);
	}

	/** The attempt in progress, if any, as it was at the last change. */
	static async resume(
		repo: Repository,
		decks: readonly Deck[],
		now: () => Date = () => new Date()
	): Promise<ExamSession | null> {
		const open = (await repo.attempts()).filter((a) => !a.submittedAt).at(-1);
		return open ? new ExamSession(repo, resolvePaper(decks, open.paper), open, now) : null;
	}

	static async open(
		repo: Repository,
		decks: readonly Deck[],
		a: AttemptRecord
	): Promise<ExamSession> {
		return new ExamSession(repo, resolvePaper(decks, a.paper), a, () => new Date());
	}

	get current(): number {
		return this.attempt.current;
	}
	get submitted(): boolean {
		return this.attempt.submittedAt !== null;
	}

	/** Milliseconds left on the countdown, or null for an untimed test. */
	timeLeft(now = this.#now()): number | null {
		if (!this.attempt.deadline) return null;
		return Math.max(0, Date.parse(this.attempt.deadline) - now.getTime());
	}

	status(i: number): PaletteStatus {
		const a = this.attempt;
		const answered = a.answers[i] !== null;
		if (answered && a.marked[i]) return 'answered-marked';
		if (answered) return 'answered';
		if (a.marked[i]) return 'marked';
		return a.visited[i] ? 'not-answered' : 'not-visited';
	}

	counts(): Record<PaletteStatus, number> {
		const out = {
			answered: 0,
			'answered-marked': 0,
			marked: 0,
			'not-answered': 0,
			'not-visited': 0
		};
		for (let i = 0; i < this.questions.length; i++) out[this.status(i)]++;
		return out;
	}

	/**
	 * Change the attempt and store it whole. When storage refuses, `saveError` says so and the
	 * change stays on screen (`revert`: it is undone, as a submission must be) and false is returned.
	 */
	async #update(
		change: (a: AttemptRecord) => void,
		what: string,
		revert = false
	): Promise<boolean> {
		const before = this.attempt;
		const next = structuredClone($state.snapshot(this.attempt)) as AttemptRecord;
		change(next);
		this.attempt = next;
		try {
			await this.#repo.saveAttempt(next);
		} catch (e) {
			this.saveError = saveFailure(what, e);
			if (revert) this.attempt = before;
			return false;
		}
		this.saveError = null;
		return true;
	}

	/** Record the time spent on the current question up to now. */
	#spend(a: AttemptRecord): void {
		const now = this.#now().getTime();
		a.timeMs[a.current] += Math.max(0, now - this.#enteredAt);
		this.#enteredAt = now;
	}

	async goto(i: number): Promise<void> {
		if (this.submitted || i < 0 || i >= this.questions.length) return;
		await this.#update((a) => {
			this.#spend(a);
			a.current = i;
			a.visited[i] = true;
		}, 'Your place in the test was not saved');
	}

	/** Answer (in the options as shown); null clears the response. */
	async answer(i: number, response: Response | null): Promise<void> {
		if (this.submitted || this.attempt.checked[i]) return;
		await this.#update((a) => {
			a.answers[i] =
				response && (response.kind !== 'choices' || response.choices.length) ? response : null;
		}, 'Your answer was not saved');
	}

	async toggleMark(i: number): Promise<void> {
		if (this.submitted) return;
		await this.#update((a) => {
			a.marked[i] = !a.marked[i];
		}, 'The mark for review was not saved');
	}

	/** Practice mode: lock the answer and show its feedback. */
	async check(i: number): Promise<void> {
		if (this.submitted || this.attempt.config.mode !== 'practice') return;
		await this.#update((a) => {
			a.checked[i] = true;
		}, 'Your answer was not checked');
	}

	/** The answer to question i in the bank's option order (for grading and feedback). */
	bankResponse(i: number): Response | null {
		const r = this.attempt.answers[i];
		return r ? toBankResponse(this.attempt.paper[i], r) : null;
	}

	score(): PaperScore {
		return scoreAttempt(
			this.questions.map((p) => p.deck),
			this.attempt
		);
	}

	/**
	 * Submit, then (unless the config says not to) feed the results to the memory: a fact the test
	 * showed wrong goes to (re)learning; one shown right counts as a successful review if it was due.
	 * The log marks these entries as coming from a test, or from a class quiz joined by link.
	 * The score is returned even when storing the results fails: then `error` says why. When the
	 * submission itself cannot be stored, it throws (and `saveError` says why): the test stays open.
	 */
	async submit(feedMemory = true, source: 'test' | 'classroom' = 'test'): Promise<PaperScore> {
		if (
			!this.submitted &&
			!(await this.#update(
				(a) => {
					this.#spend(a);
					a.submittedAt = this.#now().toISOString();
				},
				'The test was not submitted',
				true
			))
		)
			throw new StorageError(this.saveError!);
		const score = this.score();
		if (feedMemory) {
			this.error = null;
			try {
				await this.#feed(score, source);
			} catch (e) {
				this.error = saveFailure('Your results were not added to your study schedule', e);
			}
		}
		return score;
	}

	/** Feed the results once: a second feed of the same attempt finds its events logged. */
	async #feed(score: PaperScore, source: 'test' | 'classroom'): Promise<void> {
		const settings = await this.#repo.loadSettings();
		const at = new Date(this.attempt.submittedAt!);
		const ratings = paperRatings(
			this.questions.map((p, i) => {
				const s = score.items[i];
				return { ...p, known: s.outcome === 'blank' ? null : s.facts };
			})
		);
		const keys = [...ratings.keys()];
		const attemptId = this.attempt.id;
		await commitAnswer(
			this.#repo,
			keys,
			(states) => testCredit({ attemptId, ratings, states, at, settings, source }),
			{ once: keys.map((key) => ({ at, id: creditEventId(attemptId, key) })) }
		);
	}
}
