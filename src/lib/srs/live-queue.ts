/**
 * Today's queue kept up to date instead of built again (a session's queue after each answer).
 * Each fact is sorted once, for the study day, into the list buildQueue (queue.ts) would put it
 * in: learning (by due time), statement changed, reviews due today (by due time), new (in study
 * order), buried for now, or out of today. An answer changes a fact or a few: each moves from
 * its list to its new place, and the queue is read off the lists' heads, so that a learner with
 * 10 000 facts does not have every one looked at again between two questions. `build` gives
 * exactly what buildQueue gives for the same facts, states and time (queue.test.ts proves it),
 * for times that only move forward within a day (a burial that ends puts its fact back).
 */
import { State } from './fsrs-enums';
import { memoryKey } from './keys';
import type { MemoryState } from './memory';
import type { Queue, QueueEntry, QueueFact, QueueOrder } from './queue';
import type { SchedulingSettings } from './settings';

type Place = 'learning' | 'changed' | 'reviews' | 'fresh' | 'buried' | 'out';
type Listed = 'learning' | 'changed' | 'reviews' | 'fresh';

/** What a build needs beyond the lists (see QueueInput). */
export interface LiveQueueAt {
	now: Date;
	settings: Pick<SchedulingSettings, 'newPerDay' | 'reviewsPerDay'>;
	done: { newToday: number; reviewsToday: number };
	learnAheadMinutes?: number;
}

export class LiveQueue {
	readonly #facts: readonly QueueFact[];
	readonly #keys: string[];
	/** The facts of each key (a key is one fact, unless a session lists a fact twice). */
	readonly #byKey = new Map<string, number[]>();
	/** Each fact's place and the due time it is sorted by there. */
	readonly #place: Place[];
	readonly #due: number[];
	#lists: Record<Listed, number[]> = emptyLists();
	/** The facts buried for now, with their states (placed when the burial ends). */
	readonly #buried = new Map<number, MemoryState>();
	/** The study day the facts are sorted for (when it ends, ms). */
	#dayEnd = NaN;
	/** How reviews fall due and are ordered (exam mode), for the day sorted (see QueueOrder). */
	#order: QueueOrder | undefined;

	constructor(facts: readonly QueueFact[]) {
		this.#facts = facts;
		this.#keys = facts.map((f) => f.key ?? memoryKey(f.deck, f.fact));
		this.#keys.forEach((key, i) => {
			const list = this.#byKey.get(key);
			if (list) list.push(i);
			else this.#byKey.set(key, [i]);
		});
		this.#place = new Array<Place>(facts.length).fill('out');
		this.#due = new Array<number>(facts.length).fill(0);
	}

	/** The study day the facts are sorted for (NaN before the first `sort`). */
	get dayEnd(): number {
		return this.#dayEnd;
	}

	/**
	 * Sort every fact for the study day ending at `dayEnd`, as the states are at `now`; reviews
	 * fall due and are ordered by `order` when given (kept until the next sort).
	 */
	sort(
		states: ReadonlyMap<string, MemoryState>,
		dayEnd: number,
		now: Date,
		order?: QueueOrder
	): void {
		this.#dayEnd = dayEnd;
		this.#order = order;
		this.#lists = emptyLists();
		this.#buried.clear();
		const t = now.getTime();
		for (let i = 0; i < this.#facts.length; i++) {
			const place = this.#placeOf(i, states.get(this.#keys[i]), t);
			this.#place[i] = place;
			if (place !== 'out' && place !== 'buried') this.#lists[place].push(i);
		}
		// Indices went in in study order: a stable sort by due time keeps it among equal times.
		const byDue = (a: number, b: number) => this.#due[a] - this.#due[b];
		this.#lists.learning.sort(byDue);
		this.#lists.reviews.sort(byDue);
	}

	/** The state of `key` is now `state` (undefined: none): its fact moves to its new place. */
	update(key: string, state: MemoryState | undefined, now: Date): void {
		for (const i of this.#byKey.get(key) ?? []) this.#move(i, state, now.getTime());
	}

	/** The queue at `now` (buildQueue's, for the facts' states as last sorted or updated). */
	build({ now, settings, done, learnAheadMinutes = 0 }: LiveQueueAt): Queue {
		const t = now.getTime();
		for (const [i, s] of [...this.#buried]) if (s.buriedUntil!.getTime() <= t) this.#move(i, s, t);
		const { learning, changed, reviews, fresh } = this.#lists;
		const learnAhead = t + learnAheadMinutes * 60_000;
		const reviewRoom = Math.max(0, settings.reviewsPerDay - done.reviewsToday);
		const newRoom = Math.max(0, settings.newPerDay - done.newToday);
		const entry =
			(kind: QueueEntry['kind']) =>
			(i: number): QueueEntry => ({
				key: this.#keys[i],
				deck: this.#facts[i].deck,
				fact: this.#facts[i].fact,
				kind
			});
		let dueNow = 0;
		while (dueNow < learning.length && this.#due[learning[dueNow]] <= learnAhead) dueNow++;
		const laterToday: Queue['laterToday'] = [];
		for (let k = dueNow; k < learning.length && this.#due[learning[k]] < this.#dayEnd; k++)
			laterToday.push({ key: this.#keys[learning[k]], due: new Date(this.#due[learning[k]]) });
		return {
			entries: [
				...learning.slice(0, dueNow).map(entry('learning')),
				...changed.map(entry('changed')),
				...reviews.slice(0, reviewRoom).map(entry('review')),
				...fresh.slice(0, newRoom).map(entry('new'))
			],
			laterToday,
			overLimit: {
				reviews: Math.max(0, reviews.length - reviewRoom),
				new: Math.max(0, fresh.length - newRoom)
			}
		};
	}

	/** Where buildQueue puts fact `i` with state `s` at `now` (ms); keeps its due time. */
	#placeOf(i: number, s: MemoryState | undefined, now: number): Place {
		if (s?.suspended) return 'out';
		if (s?.buriedUntil && s.buriedUntil.getTime() > now) {
			this.#buried.set(i, s);
			return 'buried';
		}
		if (!s || s.card.state === State.New) return 'fresh';
		const due = s.card.due.getTime();
		this.#due[i] = due;
		if (s.card.state === State.Learning || s.card.state === State.Relearning) return 'learning';
		if (s.statementHash !== null && s.statementHash !== this.#facts[i].statementHash)
			return 'changed';
		if (!this.#order) return due < this.#dayEnd ? 'reviews' : 'out';
		// Ordered: the list is sorted by rank, which #search reads where it reads due times.
		this.#due[i] = this.#order.rank(this.#keys[i], s);
		return this.#order.due(s) < this.#dayEnd ? 'reviews' : 'out';
	}

	/** Fact `i` leaves its place (found by the due time it was sorted by) for the one `s` gives. */
	#move(i: number, s: MemoryState | undefined, now: number): void {
		const old = this.#place[i];
		if (old === 'buried') this.#buried.delete(i);
		else if (old !== 'out') {
			const list = this.#lists[old];
			const at = this.#search(old, list, i);
			if (list[at] === i) list.splice(at, 1);
		}
		const place = this.#placeOf(i, s, now);
		this.#place[i] = place;
		if (place !== 'out' && place !== 'buried') {
			const list = this.#lists[place];
			list.splice(this.#search(place, list, i), 0, i);
		}
	}

	/** Where fact `i` is, or goes, in a list: by due time then study order, or study order. */
	#search(place: Listed, list: readonly number[], i: number): number {
		const timed = place === 'learning' || place === 'reviews';
		const due = this.#due[i];
		let lo = 0;
		let hi = list.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			const j = list[mid];
			if (timed && this.#due[j] !== due ? this.#due[j] < due : j < i) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}
}

const emptyLists = (): Record<Listed, number[]> => ({
	learning: [],
	changed: [],
	reviews: [],
	fresh: []
});
