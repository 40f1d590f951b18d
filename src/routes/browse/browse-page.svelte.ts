/** The browse page's state: every fact with its memory, filters, and the actions on a fact. */
import type { Deck, Fact, Question, QuestionType } from '$lib/bank/schema';
import { nextDayStart } from '$lib/srs/day';
import { memoryKey, type MemoryEvent, type MemoryState } from '$lib/srs/memory';
import { factMemory, type FactStatus } from '$lib/srs/fact-memory';
import type { SchedulingSettings } from '$lib/srs/settings';
import { repository } from '$lib/session/storage.svelte';
import { actOnFact, type FactAction } from '$lib/session/fact-actions';
import { allDecks } from '$lib/session/decks';
import { saveFailure } from '$lib/session/save-error';

export type { FactStatus };

export interface FactRow {
	key: string;
	deck: Deck;
	fact: Fact;
	questions: Question[];
	state: MemoryState | undefined;
	status: FactStatus[];
	due: Date | null;
	recall: number | null;
}

export interface Filters {
	text: string;
	deck: string;
	topic: string;
	type: QuestionType | '';
	status: FactStatus | '';
	due: '' | 'today' | 'later';
}

export class BrowsePage {
	/** The built-in decks, then (once loaded) the learner's own too. */
	decks = $state.raw<readonly Deck[]>([]);
	filters = $state<Filters>({ text: '', deck: '', topic: '', type: '', status: '', due: '' });
	states = $state.raw(new Map<string, MemoryState>());
	history = $state.raw(new Map<string, MemoryEvent[]>());
	settings = $state.raw<SchedulingSettings | null>(null);
	now = $state.raw(new Date());
	message = $state('');
	/** An action on a fact that storage refused (shown with that fact), until a try succeeds. */
	failed = $state.raw<{ key: string; message: string } | null>(null);
	loaded = $state(false);

	constructor(decks: readonly Deck[], initial: Partial<Filters> = {}) {
		this.decks = decks;
		this.filters = { ...this.filters, ...initial };
	}

	async load(): Promise<void> {
		const repo = await repository();
		this.decks = await allDecks(this.decks);
		const [settings, states, log] = await Promise.all([
			repo.loadSettings(),
			repo.loadStates(),
			repo.readLog()
		]);
		const history = new Map<string, MemoryEvent[]>();
		for (const e of log.events) {
			const key = memoryKey(e.deck, e.fact);
			history.set(key, [...(history.get(key) ?? []), e]);
		}
		this.settings = settings;
		this.states = states;
		this.history = history;
		this.now = new Date();
		this.loaded = true;
	}

	get topics(): string[] {
		return [...new Set(this.decks.flatMap((d) => d.topics.map((t) => t.id)))];
	}

	topicLabel(id: string): string {
		for (const d of this.decks) {
			const t = d.topics.find((x) => x.id === id);
			if (t) return t.label;
		}
		return id;
	}

	/** Every fact with its memory, in deck order. */
	get rows(): FactRow[] {
		const out: FactRow[] = [];
		for (const deck of this.decks) {
			for (const fact of deck.facts) {
				const key = memoryKey(deck.id, fact.id);
				const state = this.states.get(key);
				const { status, due, recall } = factMemory(state, this.settings, this.now);
				out.push({
					key,
					deck,
					fact,
					questions: deck.questions.filter((q) => q.facts.includes(fact.id)),
					state,
					status,
					due,
					recall
				});
			}
		}
		return out;
	}

	get filtered(): FactRow[] {
		const f = this.filters;
		const text = f.text.trim().toLowerCase();
		const dayEnd = this.settings
			? nextDayStart(this.now, this.settings.timeZone, this.settings.dayStartHour).getTime()
			: Infinity;
		return this.rows.filter(
			(r) =>
				(!f.deck || r.deck.id === f.deck) &&
				(!f.topic || r.fact.topics.includes(f.topic)) &&
				(!f.type || r.questions.some((q) => q.type === f.type)) &&
				(!f.status || r.status.includes(f.status)) &&
				(!f.due ||
					(f.due === 'today'
						? r.due !== null && r.due.getTime() < dayEnd
						: r.due !== null && r.due.getTime() >= dayEnd)) &&
				(!text ||
					[r.fact.statement, r.fact.quote, r.fact.id, ...r.questions.map((q) => q.prompt)].some(
						(s) => s.toLowerCase().includes(text)
					))
		);
	}

	async act(row: FactRow, action: FactAction): Promise<void> {
		if (!this.settings) return;
		const repo = await repository();
		let next: MemoryState;
		try {
			next = await actOnFact(repo, this.settings, row.deck.id, row.fact.id, action);
		} catch (e) {
			this.message = '';
			const message = saveFailure(`"${row.fact.statement}" was not ${done[action]}`, e);
			this.failed = { key: row.key, message };
			return;
		}
		this.failed = null;
		this.states = new Map(this.states).set(row.key, next);
		const words = {
			suspend: 'suspended: it will not be shown until you unsuspend it',
			unsuspend: 'unsuspended',
			bury: 'buried until tomorrow',
			reset: 'reset: it will come back as a new fact'
		};
		this.message = `"${row.fact.statement}" ${words[action]}.`;
		await this.load();
	}
}

/** What each action does, as "… was not suspended". */
const done: Record<FactAction, string> = {
	suspend: 'suspended',
	unsuspend: 'unsuspended',
	bury: 'buried',
	reset: 'reset'
};
