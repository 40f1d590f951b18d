/**
 * A review session: today's queue, one question at a time, grading, the rating, and undo.
 *
 * Every answer is written to IndexedDB (states and log entries in one transaction) before the
 * next question shows. If another tab changed one of the facts meanwhile, the write refuses;
 * the session re-reads those facts and applies the answer on top, so no review is lost.
 *
 * Only this layer reads the clock (`now()`, injectable for tests).
 */
import type { Grade } from 'ts-fsrs';
import { Rating, State } from '$lib/srs/fsrs-enums';
import type { Deck, Fact, Question } from '$lib/bank/schema';
import { chooseQuestion } from '$lib/srs/choose';
import { nextDayStart } from '$lib/srs/day';
import { grade, type GradeResult, type Response } from '$lib/srs/grade';
import { intervalLabel, intervalWords } from '$lib/srs/intervals';
import { memoryKey, statementHash } from '$lib/srs/keys';
import type { MemoryEvent, MemoryState } from '$lib/srs/memory';
import {
	buildQueue,
	todayCandidates,
	type Queue,
	type QueueEntry,
	type QueueFact
} from '$lib/srs/queue';
import { scheduleParams, type SchedulingSettings } from '$lib/srs/settings';
import { StaleRecordError } from '$lib/storage/errors';
import type { Repository, StateChange, StateRestore } from '$lib/storage/repository';

export const GRADES: readonly Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];
export const GRADE_NAMES: Record<Grade, string> = {
	[Rating.Again]: 'Again',
	[Rating.Hard]: 'Hard',
	[Rating.Good]: 'Good',
	[Rating.Easy]: 'Easy'
};

/** Learning facts due within this many minutes are shown rather than waited for (Anki's default). */
const LEARN_AHEAD_MINUTES = 20;

/**
 * The scheduler (ts-fsrs and the memory model), loaded while the first question is on screen:
 * showing a question needs only the stored states, and the first answer needs the scheduler.
 */
const loadScheduler = () => import('$lib/srs/memory');
type Scheduler = Awaited<ReturnType<typeof loadScheduler>>;
const RESUME_KEY = 'car-review-current';

/** Reads a session starts with (see ReviewSession.read). */
export interface SessionReads {
	settings: Promise<SchedulingSettings>;
	states: Promise<Map<string, MemoryState>>;
}

export interface StudyItem {
	entry: QueueEntry;
	deck: Deck;
	fact: Fact;
	question: Question;
}

interface UndoStep {
	item: StudyItem;
	restores: StateRestore[];
	events: MemoryEvent[];
	previous: Map<string, MemoryState | undefined>;
	counted: { newToday: number; reviewsToday: number };
	correct: boolean;
}

export interface SessionSummary {
	reviewed: number;
	correct: number;
	ms: number;
	nextDue: Date | null;
}

export interface ReviewOptions {
	/** Study only this deck (all decks when absent). */
	deck?: string;
	/** Study only facts with this topic. */
	topic?: string;
	/** Study only these facts ("deck/fact" keys), e.g. those a mock test showed wrong. */
	facts?: string[];
	now?: () => Date;
	/** Where to remember the question on screen across a reload (sessionStorage in the app). */
	resume?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
	newId?: () => string;
}

export class ReviewSession {
	readonly #repo: Repository;
	readonly #decks: readonly Deck[];
	readonly #now: () => Date;
	readonly #resume: ReviewOptions['resume'];
	readonly #newId: () => string;
	readonly #facts: QueueFact[];
	readonly #factByKey = new Map<string, { deck: Deck; fact: Fact }>();
	readonly #questionsByKey = new Map<string, Question[]>();
	#settings!: SchedulingSettings;
	#states = new Map<string, MemoryState>();
	/**
	 * The facts that can enter today's queue (todayCandidates), for the day ending at `dayEnd`:
	 * the queue is built from these after each answer. Dropped when the state of a fact outside
	 * them changes (an answer only changes facts due today, but a reload of a stale one might).
	 */
	#candidates: { dayEnd: number; facts: QueueFact[]; keys: Set<string> } | null = null;
	#scheduling: Promise<Scheduler> | null = null;
	#scheduler: Scheduler | null = null;
	#done = { newToday: 0, reviewsToday: 0 };
	#extra = { new: 0, ahead: false };
	#undo: UndoStep[] = [];
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
	saving = $state(false);
	error = $state<string | null>(null);
	summary = $state.raw<SessionSummary | null>(null);

	constructor(repo: Repository, decks: readonly Deck[], options: ReviewOptions = {}) {
		this.#repo = repo;
		this.#decks = options.deck ? decks.filter((d) => d.id === options.deck) : decks;
		this.#now = options.now ?? (() => new Date());
		this.#resume = options.resume;
		this.#newId = options.newId ?? (() => crypto.randomUUID());
		this.#facts = [];
		for (const deck of this.#decks) {
			for (const fact of deck.facts) {
				if (options.topic && !fact.topics.includes(options.topic)) continue;
				const key = memoryKey(deck.id, fact.id);
				if (options.facts && !options.facts.includes(key)) continue;
				this.#facts.push({
					deck: deck.id,
					fact: fact.id,
					statementHash: statementHash(fact.statement),
					key
				});
				this.#factByKey.set(key, { deck, fact });
			}
			for (const q of deck.questions)
				for (const f of q.facts) {
					const key = memoryKey(deck.id, f);
					const list = this.#questionsByKey.get(key) ?? [];
					list.push(q);
					this.#questionsByKey.set(key, list);
				}
		}
	}

	get undoable(): boolean {
		return this.#undo.length > 0 && !this.saving;
	}

	/** The scheduling settings the session runs with (loaded at start). */
	get settings(): SchedulingSettings {
		return this.#settings;
	}

	#setState(key: string, s: MemoryState | undefined) {
		if (s) this.#states.set(key, s);
		else this.#states.delete(key);
		if (!this.#candidates?.keys.has(key)) this.#candidates = null;
	}

	/** How many facts have a stored state (of any deck, read at start). */
	get storedStates(): number {
		return this.#states.size;
	}

	/** A fact's current memory, as this session knows it. */
	stateOf(key: string): MemoryState | undefined {
		return this.#states.get(key);
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
		void this.#loadScheduler();
		[this.#settings, this.#states] = await Promise.all([reads.settings, reads.states]);
		this.#done = await this.#repo.todayCounts(this.#dayStart(now));
		this.#next(this.#resumeKey());
	}

	#dayStart(now: Date): Date {
		const next = nextDayStart(now, this.#settings.timeZone, this.#settings.dayStartHour);
		return new Date(next.getTime() - 86_400_000);
	}

	#buildQueue(now: Date, learnAhead = 0): Queue {
		const settings = {
			...this.#settings,
			newPerDay: this.#settings.newPerDay + this.#extra.new
		};
		const dayEnd = nextDayStart(
			now,
			this.#settings.timeZone,
			this.#settings.dayStartHour
		).getTime();
		if (this.#candidates?.dayEnd !== dayEnd) {
			const facts = todayCandidates(this.#facts, this.#states, dayEnd);
			this.#candidates = { dayEnd, facts, keys: new Set(facts.map((f) => f.key!)) };
		}
		const queue = buildQueue({
			facts: this.#candidates.facts,
			states: this.#states,
			now,
			settings,
			done: this.#done,
			learnAheadMinutes: learnAhead
		});
		if (this.#extra.ahead && queue.entries.length === 0) {
			// Review ahead: reviews due in the next week, soonest first.
			const horizon = now.getTime() + 7 * 86_400_000;
			const ahead = [...this.#states.values()]
				.filter(
					(s) =>
						s.card.state === State.Review &&
						!s.suspended &&
						this.#factByKey.has(memoryKey(s.deck, s.fact)) &&
						s.card.due.getTime() <= horizon
				)
				.sort((a, b) => a.card.due.getTime() - b.card.due.getTime())
				.slice(0, 50)
				.map((s) => ({
					key: memoryKey(s.deck, s.fact),
					deck: s.deck,
					fact: s.fact,
					kind: 'review' as const
				}));
			return { ...queue, entries: ahead };
		}
		return queue;
	}

	/** Show the next question: the queue's first fact (or the one on screen before a reload). */
	#next(preferKey?: string | null): void {
		const now = this.#now();
		let queue = this.#buildQueue(now);
		if (queue.entries.length === 0 && queue.laterToday.length)
			queue = this.#buildQueue(now, LEARN_AHEAD_MINUTES);
		this.queue = queue;
		this.result = null;
		this.response = null;
		this.intervals = null;
		// A composite question may be asked when every fact it tests is new or due today.
		const dayEnd = nextDayStart(
			now,
			this.#settings.timeZone,
			this.#settings.dayStartHour
		).getTime();
		const eligible = (deck: string, fact: string) => {
			const s = this.#states.get(memoryKey(deck, fact));
			if (!s || s.card.state === State.New) return !s?.suspended;
			return !s.suspended && s.card.due.getTime() < dayEnd;
		};
		const entries = preferKey
			? [...queue.entries].sort((a, b) => Number(b.key === preferKey) - Number(a.key === preferKey))
			: queue.entries;
		for (const entry of entries) {
			const item = this.#itemFor(entry, (f) => eligible(entry.deck, f));
			if (!item) continue;
			this.current = item;
			this.phase = 'question';
			this.#shownAt = now.getTime();
			this.#resume?.setItem(RESUME_KEY, entry.key);
			return;
		}
		this.current = null;
		this.phase = 'done';
		this.#resume?.removeItem(RESUME_KEY);
		this.summary = {
			reviewed: this.reviewed,
			correct: this.correct,
			ms: now.getTime() - this.#startedAt,
			nextDue: this.#nextDue(now)
		};
	}

	#itemFor(entry: QueueEntry, eligible: (fact: string) => boolean): StudyItem | null {
		const found = this.#factByKey.get(entry.key);
		const questions = this.#questionsByKey.get(entry.key) ?? [];
		if (!found) return null;
		const state = this.#states.get(entry.key);
		// If every question of the fact also tests a fact not yet due, ask one anyway rather than
		// skip the fact: the other facts then get an early review.
		const question =
			chooseQuestion(entry.fact, questions, state, eligible) ??
			chooseQuestion(entry.fact, questions, state, () => true);
		return question ? { entry, deck: found.deck, fact: found.fact, question } : null;
	}

	#resumeKey(): string | null {
		try {
			return this.#resume?.getItem(RESUME_KEY) ?? null;
		} catch {
			return null;
		}
	}

	#nextDue(now: Date): Date | null {
		let best: number | null = null;
		for (const [key, s] of this.#states) {
			if (!this.#factByKey.has(key) || s.suspended || s.card.state === State.New) continue;
			const due = Math.max(s.card.due.getTime(), s.buriedUntil?.getTime() ?? 0);
			if (due > now.getTime() && (best === null || due < best)) best = due;
		}
		return best === null ? null : new Date(best);
	}

	/** Grade the learner's response and show the feedback with the suggested rating. */
	answer(response: Response): void {
		if (this.phase !== 'question' || !this.current) return;
		const result = grade(this.current.question, response);
		this.response = response;
		this.result = result;
		const primary = this.current.entry.fact;
		this.rating =
			this.current.question.type === 'flashcard'
				? result.suggested
				: result.facts[primary]
					? Rating.Good
					: Rating.Again;
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
		const state = this.#states.get(item.entry.key) ?? newMemory(item.deck.id, item.fact.id);
		const cards = previewCards(state.card, now, scheduleParams(this.#settings));
		const out = {} as Record<Grade, { label: string; words: string }>;
		for (const g of GRADES) {
			const ms = cards[g].due.getTime() - now.getTime();
			out[g] = { label: intervalLabel(ms), words: intervalWords(ms) };
		}
		this.intervals = out;
	}

	/**
	 * Rate and go on: the studied fact gets `rating`; the other facts of a composite question get
	 * Good where the answer showed them known and Again where it did not. Durable before the next
	 * question shows.
	 */
	async rate(rating: Grade = this.rating): Promise<void> {
		if (this.phase !== 'feedback' || !this.current || this.saving) return;
		const item = this.current;
		this.saving = true;
		this.error = null;
		try {
			const result =
				item.question.type === 'flashcard'
					? grade(item.question, { kind: 'rating', rating })
					: this.result!;
			const now = this.#now();
			const ratings = new Map<string, Grade>();
			for (const f of item.question.facts) {
				const known = result.facts[f];
				ratings.set(
					f,
					f === item.entry.fact
						? rating
						: known && rating !== Rating.Again
							? Rating.Good
							: Rating.Again
				);
			}
			const step = await this.#write(item, ratings, result, now);
			this.#undo.push(step);
			this.reviewed += 1;
			if (step.correct) this.correct += 1;
			this.#next();
		} catch (e) {
			this.error = `Your answer was not saved: ${(e as Error).message}. Try again.`;
		} finally {
			this.saving = false;
		}
	}

	/** Write the answer; on a conflict with another tab, re-read the facts and apply it on top. */
	async #write(
		item: StudyItem,
		ratings: Map<string, Grade>,
		result: GradeResult,
		at: Date
	): Promise<UndoStep> {
		const { apply, newMemory } = await this.#loadScheduler();
		let now = at;
		const params = scheduleParams(this.#settings);
		const durationMs = Math.max(0, now.getTime() - this.#shownAt);
		for (let attempt = 0; ; attempt++) {
			if (attempt > 0) {
				// Applied on top of the other tab's answer, so it must also come after it in the
				// log's order: a replay then gives exactly the states written here.
				const latest = Math.max(
					...[...ratings.keys()].map(
						(f) => this.#states.get(memoryKey(item.deck.id, f))?.card.last_review?.getTime() ?? 0
					)
				);
				now = new Date(Math.max(this.#now().getTime(), latest + 1));
			}
			const changes: StateChange[] = [];
			const events: MemoryEvent[] = [];
			const previous = new Map<string, MemoryState | undefined>();
			const counted = { newToday: 0, reviewsToday: 0 };
			for (const [fact, rating] of ratings) {
				const key = memoryKey(item.deck.id, fact);
				const before = this.#states.get(key);
				const state = before ?? newMemory(item.deck.id, fact);
				const factData = item.deck.facts.find((f) => f.id === fact);
				const event: MemoryEvent = {
					id: this.#newId(),
					deck: item.deck.id,
					fact,
					at: now,
					kind: 'review',
					rating,
					correct: result.facts[fact] ?? rating !== Rating.Again,
					question: item.question.id,
					questionType: item.question.type,
					durationMs,
					source: 'review',
					params,
					statementHash: statementHash(factData?.statement ?? ''),
					stateBefore: state.card.state
				};
				if (state.card.state === State.New) counted.newToday++;
				else if (state.card.state === State.Review) counted.reviewsToday++;
				previous.set(key, before);
				changes.push({ expected: state.lastEvent, next: apply(state, event) });
				events.push(event);
			}
			try {
				await this.#repo.commit(changes, events);
			} catch (e) {
				if (!(e instanceof StaleRecordError) || attempt >= 3) throw e;
				// Another tab answered one of these facts: take its state and apply ours on top.
				for (const fact of ratings.keys()) {
					const key = memoryKey(item.deck.id, fact);
					this.#setState(key, await this.#repo.loadState(key));
				}
				continue;
			}
			for (const c of changes) this.#setState(memoryKey(c.next.deck, c.next.fact), c.next);
			this.#done.newToday += counted.newToday;
			this.#done.reviewsToday += counted.reviewsToday;
			const restores = changes.map((c) => {
				const key = memoryKey(c.next.deck, c.next.fact);
				return { key, expected: c.next.lastEvent, previous: previous.get(key) ?? null };
			});
			const correct = result.facts[item.entry.fact] ?? false;
			return { item, restores, events, previous, counted, correct };
		}
	}

	/** Take back the last answer: its states and log entries go, and its question shows again. */
	async undo(): Promise<void> {
		const step = this.#undo.at(-1);
		if (!step || this.saving) return;
		this.saving = true;
		try {
			await this.#repo.undo(step.restores, step.events);
			this.#undo.pop();
			for (const [key, s] of step.previous) this.#setState(key, s ?? undefined);
			this.#done.newToday -= step.counted.newToday;
			this.#done.reviewsToday -= step.counted.reviewsToday;
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
			this.error = `Could not undo: ${(e as Error).message}`;
		} finally {
			this.saving = false;
		}
	}

	/** When nothing is due: study `n` more new facts beyond today's limit. */
	moreNew(n = 10): void {
		this.#extra.new += n;
		this.summary = null;
		this.#next();
	}

	/** When nothing is due: review facts due in the coming week. */
	reviewAhead(): void {
		this.#extra.ahead = true;
		this.summary = null;
		this.#next();
	}

	/** What remains: the queue's length (learning facts may come back). */
	get remaining(): number {
		return this.queue?.entries.length ?? 0;
	}

	get newBeyondLimit(): number {
		return this.queue?.overLimit.new ?? 0;
	}
}
