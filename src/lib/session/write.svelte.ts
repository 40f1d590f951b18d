/**
 * The editor of a deck being written (`/write`): one draft, every change applied as a command
 * (a pure edit of bank/draft) with undo and redo, the draft's issues recomputed from it as the
 * author types, and the draft saved to IndexedDB after every change (`debounceMs` after the last,
 * within MAX_WAIT_MS of the first while changes go on, and at once when the page is hidden or
 * closed: `attach`). Opening, listing and publishing drafts are
 * in write-drafts.ts; reading an article file in write-html.ts.
 *
 * A refused change (an empty selection, an article over the limit…) changes nothing and leaves
 * its sentence in `message` for the page to show.
 */
import {
	addFact,
	addQuestion,
	addTopic,
	chooseMemory,
	draftToDeck,
	moveQuestion,
	normaliseArticle,
	removeFact,
	removeQuestion,
	removeTopic,
	renameTopic,
	requote,
	setArticle,
	setMeta,
	updateFact,
	updateQuestion,
	type DeckDraft,
	type DraftArticle,
	type DraftCheck,
	type DraftFact,
	type DraftQuestion,
	type DraftTopic,
	type Edit,
	type MemoryChoice,
	type Selection
} from '$lib/bank/draft';
import type { QuestionType } from '$lib/bank/schema';
import { saveFailure } from './save-error';
import { History, type HistoryOptions } from './write-history';
import { readArticleFile, type ArticleFile } from './write-html';

export interface DraftEditorOptions {
	/** Store the draft (write-drafts.ts `storeDraft` in the app; anything in a test). */
	save: (draft: DeckDraft) => Promise<void>;
	now?: () => Date;
	/** How long after a change the draft is saved, unless another change comes first (≤ 300). */
	debounceMs?: number;
	/** Deck ids the deck may not take (the built-in decks'), checked with the rest. */
	reserved?: readonly string[];
	/** How long after a change the issues are recomputed (`check`), unless another change comes. */
	checkDelayMs?: number;
	history?: HistoryOptions;
}

/** The longest a change waits to be saved while the author keeps typing. */
const MAX_WAIT_MS = 1000;

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed';

export class DraftEditor {
	#draft = $state.raw<DeckDraft>() as DeckDraft;
	#canUndo = $state(false);
	#canRedo = $state(false);
	#saveState = $state<SaveState>('saved');
	#saveError = $state<string | null>(null);
	#message = $state<string | null>(null);
	#check = $state.raw<DraftCheck>() as DraftCheck;
	/** The draft `#check` is of. */
	#checked: DeckDraft;
	readonly #history: History<DeckDraft>;
	readonly #save: (draft: DeckDraft) => Promise<void>;
	readonly #now: () => Date;
	readonly #debounceMs: number;
	readonly #reserved: readonly string[];
	readonly #checkDelayMs: number;
	#timer: ReturnType<typeof setTimeout> | null = null;
	/** Saves a run of changes that never pauses `debounceMs` long, `MAX_WAIT_MS` after its first. */
	#maxTimer: ReturnType<typeof setTimeout> | null = null;
	#checkTimer: ReturnType<typeof setTimeout> | null = null;
	#saving: Promise<void> = Promise.resolve();
	/** The draft last handed to `save` (not saved again while unchanged), null after a failure. */
	#stored: DeckDraft | null;

	constructor(draft: DeckDraft, options: DraftEditorOptions) {
		this.#draft = draft;
		this.#stored = draft;
		this.#save = options.save;
		this.#now = options.now ?? (() => new Date());
		this.#debounceMs = Math.min(options.debounceMs ?? 250, 300);
		this.#reserved = options.reserved ?? [];
		this.#checkDelayMs = options.checkDelayMs ?? 150;
		this.#history = new History(options.history);
		this.#checked = draft;
		this.#check = draftToDeck(draft, { reserved: this.#reserved });
	}

	/** The draft as it stands. */
	get draft(): DeckDraft {
		return this.#draft;
	}
	/**
	 * The deck it makes (when valid) and every issue by its path (bank/draft/to-deck.ts), as of
	 * `checkDelayMs` after the last change: the checks and the lint take tens of milliseconds for
	 * a 30-fact deck (a few times that on a phone), too long to run on every keystroke.
	 */
	get check(): DraftCheck {
		return this.#check;
	}
	/** The check of the draft as it stands now (computed at once if a change is waiting). */
	checkNow(): DraftCheck {
		if (this.#checkTimer !== null) clearTimeout(this.#checkTimer);
		this.#checkTimer = null;
		if (this.#checked !== this.#draft) {
			this.#checked = this.#draft;
			this.#check = draftToDeck(this.#draft, { reserved: this.#reserved });
		}
		return this.#check;
	}
	get canUndo(): boolean {
		return this.#canUndo;
	}
	get canRedo(): boolean {
		return this.#canRedo;
	}
	/** `pending`: a change waits to be saved; `failed`: the last save was refused (`saveError`). */
	get saveState(): SaveState {
		return this.#saveState;
	}
	/** Why the draft was not saved (save-error.ts wording), while it is not. */
	get saveError(): string | null {
		return this.#saveError;
	}
	/** Why the last change asked for was refused, until the next change. */
	get message(): string | null {
		return this.#message;
	}

	/**
	 * Apply an edit as one undoable step. `merge`: a key naming the field typed in (such as
	 * `facts.x.statement`), so a run of keystrokes is one step. False when the edit was refused.
	 */
	apply(edit: (draft: DeckDraft) => DeckDraft | Edit<unknown>, merge?: string): boolean {
		const result = edit(this.#draft);
		if ('ok' in result && !result.ok) {
			this.#message = result.message;
			return false;
		}
		const next = 'ok' in result ? result.draft : result;
		this.#message = null;
		if (next === this.#draft) return true;
		const now = this.#now();
		this.#history.push(this.#draft, now.getTime(), merge);
		this.#set({ ...next, updatedAt: now.toISOString() });
		return true;
	}

	/** Apply an edit that makes something (a fact, a topic, a question): it, or null if refused. */
	#make<T>(edit: (draft: DeckDraft) => Edit<T>): T | null {
		let made: T | undefined;
		const ok = this.apply((d) => {
			const r = edit(d);
			if (r.ok) made = r.made;
			return r;
		});
		return ok ? (made ?? null) : null;
	}

	undo(): void {
		const previous = this.#history.undo(this.#draft);
		if (previous) this.#set(previous);
	}

	redo(): void {
		const next = this.#history.redo(this.#draft);
		if (next) this.#set(next);
	}

	#set(draft: DeckDraft): void {
		this.#draft = draft;
		this.#canUndo = this.#history.canUndo;
		this.#canRedo = this.#history.canRedo;
		this.#saveState = 'pending';
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), this.#debounceMs);
		this.#maxTimer ??= setTimeout(() => void this.flush(), MAX_WAIT_MS);
		if (this.#checkTimer !== null) clearTimeout(this.#checkTimer);
		this.#checkTimer = setTimeout(() => this.checkNow(), this.#checkDelayMs);
	}

	/** Save the draft now if it changed since last saved; resolves once stored (or refused). */
	flush(): Promise<void> {
		if (this.#timer !== null) clearTimeout(this.#timer);
		if (this.#maxTimer !== null) clearTimeout(this.#maxTimer);
		this.#timer = this.#maxTimer = null;
		const draft = this.#draft;
		if (draft === this.#stored) {
			// Back to the draft stored (an edit undone before it was saved): nothing to write; it
			// is saved once the save in flight, if any, is.
			if (this.#saveState === 'pending') {
				this.#saveState = 'saving';
				this.#saving = this.#saving.then(() => {
					if (this.#draft === draft && this.#saveState === 'saving') this.#saveState = 'saved';
				});
			}
			return this.#saving;
		}
		this.#stored = draft;
		this.#saveState = 'saving';
		this.#saving = this.#saving.then(async () => {
			try {
				await this.#save(draft);
				if (this.#draft === draft) this.#saveState = 'saved';
				this.#saveError = null;
			} catch (e) {
				// Kept on screen; the next change, or `flush`, tries again.
				if (this.#stored === draft) this.#stored = null;
				this.#saveState = 'failed';
				this.#saveError = saveFailure('Your draft was not saved', e);
			}
		});
		return this.#saving;
	}

	/**
	 * Save at once when the page is hidden (a tab switched away, a phone locked) or closed, so a
	 * reload or a crash loses nothing. Call once mounted; returns the function that stops it.
	 */
	attach(target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
		const hidden = () => {
			if (typeof document === 'undefined' || document.visibilityState === 'hidden')
				void this.flush();
		};
		const leave = () => void this.flush();
		target.addEventListener('visibilitychange', hidden);
		target.addEventListener('pagehide', leave);
		return () => {
			target.removeEventListener('visibilitychange', hidden);
			target.removeEventListener('pagehide', leave);
		};
	}

	/** Stop the timers and save what waits (the page is leaving the editor). */
	close(): Promise<void> {
		if (this.#checkTimer !== null) clearTimeout(this.#checkTimer);
		this.#checkTimer = null;
		return this.flush();
	}

	// The edits, by name (each one step of undo). See bank/draft/edit.ts for what each does.

	setMeta(patch: Partial<Pick<DeckDraft, 'id' | 'title' | 'description'>>): boolean {
		return this.apply((d) => setMeta(d, patch), `meta.${Object.keys(patch).join()}`);
	}
	/** The article's fields; `text` as given (the facts' quotes follow it). */
	setArticle(patch: Partial<DraftArticle>): boolean {
		return this.apply((d) => setArticle(d, patch), `article.${Object.keys(patch).join()}`);
	}
	/** Pasted text as the article (brought to the article's form: paragraphs kept). */
	pasteArticle(text: string): boolean {
		return this.apply((d) => setArticle(d, { text: normaliseArticle(text) }));
	}
	/** An opened .txt, .md or .html file as the article (its title too, when it has one and none is set). */
	openArticleFile(file: ArticleFile): boolean {
		const read = readArticleFile(file);
		if (!read.ok) {
			this.#message = read.message;
			return false;
		}
		return this.apply((d) =>
			setArticle(d, {
				text: read.text,
				...(read.title && !d.article.title ? { title: read.title } : {})
			})
		);
	}
	/** "Make a fact" from a selection of the article: the new fact, or null (see `message`). */
	makeFact(selection: Selection): DraftFact | null {
		return this.#make((d) => addFact(d, selection));
	}
	updateFact(id: string, patch: Parameters<typeof updateFact>[2]): boolean {
		return this.apply((d) => updateFact(d, id, patch), `facts.${id}.${Object.keys(patch).join()}`);
	}
	/** A fact's quote from a new selection (mends a lost quote). */
	requote(id: string, selection: Selection): boolean {
		return this.apply((d) => requote(d, id, selection));
	}
	removeFact(id: string): boolean {
		return this.apply((d) => removeFact(d, id));
	}
	addTopic(label: string): DraftTopic | null {
		return this.#make((d) => addTopic(d, label));
	}
	renameTopic(id: string, label: string): boolean {
		return this.apply((d) => renameTopic(d, id, label), `topics.${id}`);
	}
	removeTopic(id: string): boolean {
		return this.apply((d) => removeTopic(d, id));
	}
	addQuestion(
		type: QuestionType,
		facts: readonly string[],
		fill?: Record<string, unknown>
	): DraftQuestion | null {
		return this.#make((d) => addQuestion(d, type, facts, fill));
	}
	/** Replace a question with its form's state (typing in one question is one step at a time). */
	updateQuestion(id: string, next: DraftQuestion): boolean {
		return this.apply((d) => updateQuestion(d, id, next), `questions.${id}`);
	}
	removeQuestion(id: string): boolean {
		return this.apply((d) => removeQuestion(d, id));
	}
	moveQuestion(id: string, by: -1 | 1): boolean {
		return this.apply((d) => moveQuestion(d, id, by));
	}
	/** "Same fact or new one?" for a restated fact (write-drafts.ts `restatedFacts`). */
	chooseMemory(fact: string, choice: MemoryChoice['choice']): boolean {
		return this.apply((d) => chooseMemory(d, fact, choice));
	}
}
