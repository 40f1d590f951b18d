/**
 * A review session: today's queue, one question at a time, grading, the rating, and undo.
 *
 * Every answer is written to IndexedDB (states and log entries in one transaction) before the
 * next question shows, through the one answering path (answering.ts): if another tab changed
 * one of the facts meanwhile, the answer is applied again on top, so no review is lost.
 *
 * Only this layer reads the clock (`now()`, injectable for tests).
 */
import { WEB_KEYS } from './web-keys';
import type { Grade } from 'ts-fsrs';
import { Rating } from '$lib/srs/fsrs-enums';
import type { StudyAnswer } from '$lib/srs/answer';
import { dayStart } from '$lib/srs/day';
import { examMode } from '$lib/srs/exam-dates';
import { grade, suggestedRating, type GradeResult, type Response } from '$lib/srs/grade';
import { intervalTexts } from '$lib/srs/intervals';
import { memoryKey } from '$lib/srs/keys';
import type { MemoryState } from '$lib/srs/memory';
import type { Queue } from '$lib/srs/queue';
import { scheduleParams, type SchedulingSettings } from '$lib/srs/settings';
import type { Repository } from '$lib/storage/repository';
import { commitAnswer } from './answering';
import { saveFailure } from './save-error';
import { SaveState } from './save-state.svelte';
import { afterFrame } from './after-frame';
import { mark } from './marks';
import { pickNext, type Picked } from './next-question';
import { SessionMemory } from './session-memory';
import { StudyQueue } from './study-queue';
import { StudySource, type StudyDeck } from './study-source';
import type { ReviewOptions, SessionReads, SessionSummary, StudyItem } from './review-types';

export type { ReviewOptions, SessionReads, SessionSummary, StudyItem } from './review-types';

export { GRADES, GRADE_NAMES } from '$lib/srs/intervals';

/**
 * The scheduler (ts-fsrs, the memory model and the answering rules), loaded while the first
 * question is on screen: showing a question needs only the stored states, and the first answer
 * needs the scheduler.
 */
const loadScheduler = () =>
	Promise.all([import('$lib/srs/memory'), import('$lib/srs/answer')]).then(([memory, answer]) => ({
		...memory,
		...answer
	}));
type Scheduler = Awaited<ReturnType<typeof loadScheduler>>;
const RESUME_KEY = WEB_KEYS.reviewCurrent;

type UndoStep = Pick<StudyAnswer, 'restores' | 'events' | 'counted'> & {
	item: StudyItem;
	correct: boolean;
};

export class ReviewSession {
	readonly #repo: Repository;
	readonly #now: () => Date;
	readonly #resume: ReviewOptions['resume'];
	readonly #newId: () => string;
	/** The facts studied, in study order, and their decks and questions as they are read. */
	readonly #study: StudySource;
	#settings!: SchedulingSettings;
	readonly #queue: StudyQueue;
	/** The facts' states and the day's counts, as stored. */
	readonly #memory: SessionMemory;
	#scheduling: Promise<Scheduler> | null = null;
	#scheduler: Scheduler | null = null;
	#undo: UndoStep[] = [];
	#undoSteps = $state(0); // #undo's length, for the page
	/** A rating or an undo being saved (shown only once it is slow). */
	readonly #save = new SaveState();
	#shownAt = 0;
	#startedAt = 0;

	phase = $state<'loading' | 'question' | 'feedback' | 'done'>('loading');
	current = $state.raw<StudyItem | null>(null);
	result = $state.raw<GradeResult | null>(null);
	response = $state.raw<Response | null>(null);
	/** The rating the bar preselects (the suggestion, or the learner's change). */
	rating = $state<Grade>(Rating.Good);
	/** The interval each rating would give, for the buttons. */
	intervals = $state.raw<Record<Grade, { label: string; words: string }> | null>(null);
	queue = $state.raw<Queue | null>(null);
	reviewed = $state(0);
	correct = $state(0);
	error = $state<string | null>(null);
	summary = $state.raw<SessionSummary | null>(null);

	constructor(repo: Repository, decks: readonly StudyDeck[], options: ReviewOptions = {}) {
		this.#repo = repo;
		this.#now = options.now ?? (() => new Date());
		this.#resume = options.resume;
		this.#newId = options.newId ?? (() => crypto.randomUUID());
		const studied = options.deck ? decks.filter((d) => d.id === options.deck) : decks;
		this.#study = new StudySource(studied, options);
		this.#queue = new StudyQueue(this.#study.facts);
		this.#memory = new SessionMemory(this.#queue);
	}

	/** A save has been under way for a while (see SaveState). */
	get saving(): boolean {
		return this.#save.saving;
	}

	get undoable(): boolean {
		return this.#undoSteps > 0 && !this.saving;
	}

	/** The scheduling settings the session runs with (loaded at start). */
	get settings(): SchedulingSettings {
		return this.#settings;
	}

	/** How many facts have a stored state (of any deck, read at start). */
	get storedStates(): number {
		return this.#memory.states.size;
	}

	/** A fact's current memory, as this session knows it. */
	stateOf(key: string): MemoryState | undefined {
		return this.#memory.states.get(key);
	}

	#loadScheduler(): Promise<Scheduler> {
		return (this.#scheduling ??= loadScheduler().then((m) => (this.#scheduler = m)));
	}

	/**
	 * Start reading what a session needs from storage (the settings and every fact's state),
	 * before the decks are known: a page reads these while it loads the decks.
	 */
	static read(repo: Repository): SessionReads {
		return { settings: repo.loadSettings(), states: repo.loadStates() };
	}

	async start(reads: SessionReads = ReviewSession.read(this.#repo)): Promise<void> {
		const now = this.#now();
		this.#startedAt = now.getTime();
		// The day's counts need only the settings: read while the states are.
		const counts = reads.settings.then(async (s) => {
			const from = dayStart(now, s.timeZone, s.dayStartHour);
			const early = await reads.counts;
			return early?.from === from.getTime() ? early.counts : this.#repo.todayCounts(from);
		});
		[this.#settings, this.#memory.states, this.#memory.done] = await Promise.all([
			reads.settings,
			reads.states,
			counts
		]);
		// Exam mode orders reviews by predicted recall, which needs the scheduler: loaded only then.
		if (examMode(this.#settings, now))
			this.#queue.examOrder = (await import('$lib/srs/exam-order')).examOrder;
		await this.#next(this.#resumeKey());
		mark('session');
		// The scheduler (ts-fsrs) is needed from the first answer on: loaded once the first
		// question's frame is drawn, not in the way of it (an answer before then waits for it).
		void afterFrame().then(() => this.#loadScheduler());
	}

	/** Show the next question: the queue's first fact (see #pick), or the summary. */
	async #next(preferKey?: string | null, settle?: (next: StudyItem | null) => void): Promise<void> {
		this.#show(await this.#pick(preferKey), settle);
	}

	/** The next question as the states are now (see pickNext); nothing on screen changes. */
	#pick(preferKey?: string | null): Promise<Picked> {
		return pickNext(
			{ queue: this.#queue, study: this.#study, memory: this.#memory, settings: this.#settings },
			this.#now(),
			preferKey
		);
	}

	/**
	 * Put what #pick found on screen. The screen changes once: `settle` (the counts of an answer;
	 * given the item to show next, null for the summary) and the next question are set
	 * together. The decks of the few facts after it are read once the frame is painted, so that
	 * the next answer finds them read.
	 */
	#show({ queue, item, ahead }: Picked, settle?: (next: StudyItem | null) => void): void {
		const now = this.#now();
		settle?.(item);
		this.queue = queue;
		this.result = null;
		this.response = null;
		this.intervals = null;
		this.current = item;
		if (item) {
			this.phase = 'question';
			this.#shownAt = now.getTime();
			this.#resume?.setItem(RESUME_KEY, item.entry.key);
			if (ahead.length) void afterFrame().then(() => this.#study.load(ahead));
			return;
		}
		this.phase = 'done';
		this.#resume?.removeItem(RESUME_KEY);
		this.summary = {
			reviewed: this.reviewed,
			correct: this.correct,
			ms: now.getTime() - this.#startedAt,
			nextDue: this.#queue.nextDue(this.#memory.states, now)
		};
	}

	#resumeKey(): string | null {
		try {
			return this.#resume?.getItem(RESUME_KEY) ?? null;
		} catch {
			return null;
		}
	}

	/** Grade the learner's response and show the feedback with the suggested rating. */
	answer(response: Response): void {
		if (this.phase !== 'question' || !this.current) return;
		const result = grade(this.current.question, response);
		this.response = response;
		this.result = result;
		this.rating = suggestedRating(this.current.question.type, result, this.current.entry.fact);
		this.#showIntervals();
		this.phase = 'feedback';
	}

	/** Flashcards: show the answer, then the learner rates (Good preselected). */
	reveal(): void {
		if (this.phase !== 'question' || this.current?.question.type !== 'flashcard') return;
		this.result = null;
		this.rating = Rating.Good;
		this.#showIntervals();
		this.phase = 'feedback';
	}

	#showIntervals(): void {
		const item = this.current!;
		const scheduler = this.#scheduler;
		if (!scheduler) {
			// Still loading (a first answer within moments of the page): the bar shows the
			// intervals as soon as it has them.
			this.intervals = null;
			this.#loadScheduler().then(() => {
				if (this.current === item && this.phase === 'feedback') this.#showIntervals();
			});
			return;
		}
		const { newMemory, previewCards } = scheduler;
		const now = this.#now();
		const state = this.#memory.states.get(item.entry.key) ?? newMemory(item.deck.id, item.fact.id);
		const cards = previewCards(state.card, now, scheduleParams(this.#settings));
		this.intervals = intervalTexts(cards, now);
	}

	/**
	 * Rate and go on: the studied fact gets `rating`; the other facts of a composite question get
	 * Good where the answer showed them known and Again where it did not (srs/answer.ts). Durable
	 * before the next question shows; `beforeNext` runs as it does (null: the summary shows).
	 */
	async rate(
		rating: Grade = this.rating,
		beforeNext?: (next: StudyItem | null) => void
	): Promise<void> {
		if (this.phase !== 'feedback' || !this.current || this.#save.busy) return;
		const item = this.current;
		this.error = null;
		await this.#save.run(async () => {
			try {
				const result =
					item.question.type === 'flashcard'
						? grade(item.question, { kind: 'rating', rating })
						: this.result!;
				const { answer, next } = await this.#write(item, rating, result);
				const { restores, events, counted } = answer;
				const correct = result.facts[item.entry.fact] ?? false;
				this.#undo.push({ item, restores, events, counted, correct });
				this.#show(next, (shown) => {
					beforeNext?.(shown);
					this.#undoSteps = this.#undo.length;
					this.reviewed += 1;
					if (correct) this.correct += 1;
				});
				mark('rate-shown');
			} catch (e) {
				this.error = saveFailure('Your answer was not saved', e);
			}
		});
	}

	/**
	 * Write the answer (on a conflict with another tab, it is applied on top of that tab's) and
	 * find the question after it. That question is looked for while the write is in flight, with
	 * the answer's states applied as they will be once it is stored (nothing on screen changes
	 * until it is): if the write fails they are taken back; if the answer had to be computed
	 * again on top of another tab's, the next question is looked for again.
	 */
	async #write(
		item: StudyItem,
		rating: Grade,
		result: GradeResult
	): Promise<{ answer: StudyAnswer; next: Picked }> {
		const { studyAnswer, studyRatings, timeAfter } =
			this.#scheduler ?? (await this.#loadScheduler());
		const now = this.#now();
		const durationMs = Math.max(0, now.getTime() - this.#shownAt);
		const ratings = studyRatings(item.question.facts, item.entry.fact, rating, result.facts);
		const keys = [...ratings.keys()].map((f) => memoryKey(item.deck.id, f));
		let first: StudyAnswer | undefined;
		const compute = (states: ReadonlyMap<string, MemoryState>, retry: number) => {
			const answer = studyAnswer({
				deck: item.deck,
				question: item.question,
				ratings,
				known: result.facts,
				states,
				// Applied on top of another tab's answer, it must also come after it in the log.
				at: retry ? timeAfter(this.#now(), states, keys) : now,
				durationMs,
				settings: this.#settings,
				newId: this.#newId
			});
			first ??= answer;
			return answer;
		};
		const committing = commitAnswer(this.#repo, keys, compute, { states: this.#memory.states });
		mark('rate-sent');
		// Given the states, commitAnswer computes the first try and sends its writes at once.
		const applied = first && this.#memory.apply(first);
		let picking = first && this.#pick(null);
		picking?.catch(() => {});
		let answer: StudyAnswer;
		try {
			answer = await committing;
			mark('rate-stored');
		} catch (e) {
			if (applied) this.#memory.takeBack(applied);
			throw e;
		}
		if (answer !== first) {
			if (applied) this.#memory.takeBack(applied);
			this.#memory.apply(answer);
			picking = this.#pick(null);
		}
		return { answer, next: await (picking ?? this.#pick(null)) };
	}

	/** Take back the last answer: its states and log entries go, and its question shows again. */
	async undo(): Promise<void> {
		const step = this.#undo.at(-1);
		if (!step || this.#save.busy) return;
		await this.#save.run(async () => {
			try {
				await this.#repo.undo(step.restores, step.events);
				this.#undo.pop();
				this.#undoSteps = this.#undo.length;
				this.#memory.restore(step.restores, step.counted);
				this.reviewed -= 1;
				if (step.correct) this.correct -= 1;
				this.current = step.item;
				this.result = null;
				this.response = null;
				this.intervals = null;
				this.summary = null;
				this.phase = 'question';
				this.#shownAt = this.#now().getTime();
				this.#resume?.setItem(RESUME_KEY, step.item.entry.key);
			} catch (e) {
				this.error = saveFailure('Your last answer was not undone', e);
			}
		});
	}

	/** When nothing is due: study `n` more new facts beyond today's limit. */
	moreNew(n = 10): Promise<void> {
		this.#queue.extra.new += n;
		this.summary = null;
		return this.#next();
	}

	/** When nothing is due: review facts due in the coming week. */
	reviewAhead(): Promise<void> {
		this.#queue.extra.ahead = true;
		this.summary = null;
		return this.#next();
	}

	/** What remains: the queue's length (learning facts may come back). */
	get remaining(): number {
		return this.queue?.entries.length ?? 0;
	}

	get newBeyondLimit(): number {
		return this.queue?.overLimit.new ?? 0;
	}
}
